import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, MeetingParams, NoContent, problems } from '../../schemas/common.js';
import { Item } from '../../schemas/items.js';
import {
  ActionPoint,
  ActionPointChangesBody,
  ActionPointParams,
  AttendanceBody,
  AttendanceEntry,
  AttendanceParams,
  Conclusions,
  ConclusionsBody,
  MeetingRecord,
  MeetingRecordBody,
  NewActionPointBody,
} from '../../schemas/records.js';

/** What was recorded during and after a meeting: read by everyone signed in, written by the secretariat. */
const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { records, actionPoints } = app.services;
  const tags = ['records'];

  app.get(
    '/meetings/:meetingId/record',
    {
      schema: {
        tags,
        summary:
          "The meeting's record: format, co-chairs, attendance, and per item outcome, conclusions, action points",
        params: MeetingParams,
        response: { 200: MeetingRecord, ...problems(404) },
      },
    },
    async (request) => records.get(actorOf(request), request.params.meetingId),
  );

  app.patch(
    '/meetings/:meetingId/record',
    {
      schema: {
        tags,
        summary: "Set the meeting's format and co-chairs",
        params: MeetingParams,
        body: MeetingRecordBody,
        response: { 200: MeetingRecord, ...problems(403, 404, 422) },
      },
    },
    async (request) => records.setDetails(actorOf(request), request.params.meetingId, request.body),
  );

  app.put(
    '/meetings/:meetingId/attendance/:personId',
    {
      schema: {
        tags,
        summary: "Record one person's attendance (a person on the delegates or observers list)",
        params: AttendanceParams,
        body: AttendanceBody,
        response: { 200: AttendanceEntry, ...problems(403, 404, 422) },
      },
    },
    async (request) =>
      records.setAttendance(actorOf(request), request.params.meetingId, request.params.personId, request.body),
  );

  app.put(
    '/items/:itemId/conclusions',
    {
      schema: {
        tags,
        summary: "Set what the meeting concluded on an item (the cover notes' content model); no blocks clears",
        params: ItemParams,
        body: ConclusionsBody,
        response: { 200: Conclusions, ...problems(403, 404, 422) },
      },
    },
    async (request) => records.setConclusions(actorOf(request), request.params.itemId, request.body),
  );

  app.post(
    '/items/:itemId/action-points',
    {
      schema: {
        tags,
        summary: 'Add an action point decided under an item; its owner hears of it in their digest',
        params: ItemParams,
        body: NewActionPointBody,
        response: { 201: ActionPoint, ...problems(403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(actionPoints.add(actorOf(request), request.params.itemId, request.body)),
  );

  app.patch(
    '/action-points/:actionPointId',
    {
      schema: {
        tags,
        summary: 'Change an action point; state done closes it and takes it off the follow-up list',
        params: ActionPointParams,
        body: ActionPointChangesBody,
        response: { 200: ActionPoint, ...problems(403, 404, 422) },
      },
    },
    async (request) => actionPoints.change(actorOf(request), request.params.actionPointId, request.body),
  );

  app.delete(
    '/action-points/:actionPointId',
    {
      schema: {
        tags,
        summary: 'Delete an action point recorded by mistake',
        params: ActionPointParams,
        response: { 204: NoContent, ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      actionPoints.delete(actorOf(request), request.params.actionPointId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/meetings/:meetingId/action-points/carry-over',
    {
      schema: {
        tags,
        summary: "Put a Follow-up of action points item on the network's next meeting (once)",
        params: MeetingParams,
        response: { 200: Item, ...problems(403, 404, 409) },
      },
    },
    async (request) => actionPoints.carryOver(actorOf(request), request.params.meetingId),
  );
};
export default recordRoutes;
