import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../domain/errors.js';
import { ActionPointState } from '../domain/meeting-record.js';
import { isStaff } from '../domain/roles.js';
import { listFieldErrors, type ValidationIssue } from '../schemas/field-errors.js';
import { ItemParams, MeetingParams } from '../schemas/common.js';
import {
  ActionPointChangesBody,
  ActionPointParams,
  AttendanceBody,
  AttendanceParams,
  ConclusionsBody,
  MeetingRecordBody,
  NewActionPointBody,
} from '../schemas/records.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { refusedByService, refusedForm } from './views/form-view.js';
import { conclusionsBodyOf, itemRecordView, recordView, type RecordRefusal } from './views/record-view.js';

/** The record of a meeting (format, co-chairs, attendance) and of each item (conclusions, action points). */
export const recordPages: FastifyPluginAsyncTypebox = async (app) => {
  const { records, actionPoints, meetings, agenda, people } = app.services;
  const withCsrf = { preHandler: app.csrfProtection };

  function meetingPage(request: FastifyRequest, reply: FastifyReply, meetingId: number, refused?: RecordRefusal) {
    const actor = personOf(request);
    const view = recordView(meetings.get(meetingId), records.get(actor, meetingId), isStaff(actor.role), refused);
    return sendPage(request, reply, 'record', 'Record of the meeting', view);
  }

  function itemPage(request: FastifyRequest, reply: FastifyReply, itemId: number, refused?: RecordRefusal) {
    const actor = personOf(request);
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat records what happened at a meeting.');
    const { meetingId } = agenda.get(actor, itemId);
    const item = records.get(actor, meetingId).items.find((i) => i.itemId === itemId)!;
    const owners = people
      .list(actor)
      .filter((p) => p.isActive)
      .map((p) => ({ id: p.id, name: p.name, delegation: p.memberState ?? p.organisation }));
    const view = itemRecordView(meetings.get(meetingId), item, owners, refused);
    return sendPage(request, reply, 'item-record', `Record of item ${item.number}`, view);
  }

  app.get('/meetings/:meetingId/record', pageRoute({ params: MeetingParams }), async (request, reply) =>
    meetingPage(request, reply, request.params.meetingId),
  );

  app.post(
    '/meetings/:meetingId/record',
    { ...pageRoute({ params: MeetingParams }), ...withCsrf },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(request, MeetingRecordBody, (value) => records.setDetails(actor, meetingId, value));
      if (!outcome.done) return meetingPage(request, reply, meetingId, { form: outcome.form, which: 'details' });
      return redirectWith(reply, `/meetings/${meetingId}/record`, 'Format and co-chairs saved.');
    },
  );

  app.post(
    '/meetings/:meetingId/attendance/:personId',
    { ...pageRoute({ params: AttendanceParams }), ...withCsrf },
    async (request, reply) => {
      const { meetingId, personId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(request, AttendanceBody, (value) =>
        records.setAttendance(actor, meetingId, personId, value),
      );
      if (!outcome.done)
        return meetingPage(request, reply, meetingId, { form: outcome.form, which: `attendance-${personId}` });
      return redirectWith(
        reply,
        `/meetings/${meetingId}/record#attendance`,
        `Attendance of ${outcome.result.name} saved.`,
      );
    },
  );

  app.post(
    '/meetings/:meetingId/action-points/carry-over',
    { ...pageRoute({ params: MeetingParams }), ...withCsrf },
    async (request, reply) => {
      const item = actionPoints.carryOver(personOf(request), request.params.meetingId);
      return redirectWith(reply, `/meetings/${item.meetingId}`, `Item ${item.number} follows up the action points.`);
    },
  );

  app.get('/items/:itemId/record', pageRoute({ params: ItemParams }), async (request, reply) =>
    itemPage(request, reply, request.params.itemId),
  );

  app.post(
    '/items/:itemId/conclusions',
    { ...pageRoute({ params: ItemParams }), ...withCsrf },
    async (request, reply) => {
      const { itemId } = request.params;
      const input = { text: field(request.body, 'text'), footnotes: field(request.body, 'footnotes') };
      const body = conclusionsBodyOf(input);
      const validate = request.compileValidationSchema(ConclusionsBody as never, 'body');
      if (!validate(body)) {
        const errors = listFieldErrors((validate.errors ?? []) as ValidationIssue[], 'body');
        const form = refusedForm(
          input,
          errors.map((e) => ({ ...e, path: e.path.replace(/^body\.blocks/, 'body.text') })),
        );
        return itemPage(request, reply, itemId, { form, which: 'conclusions' });
      }
      try {
        records.setConclusions(personOf(request), itemId, body);
      } catch (error) {
        return itemPage(request, reply, itemId, { form: refusedByService(error, input, 'text'), which: 'conclusions' });
      }
      return redirectWith(reply, `/items/${itemId}/record`, 'Conclusions saved.');
    },
  );

  app.post(
    '/items/:itemId/action-points',
    { ...pageRoute({ params: ItemParams }), ...withCsrf },
    async (request, reply) => {
      const { itemId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(request, NewActionPointBody, (value) => actionPoints.add(actor, itemId, value));
      if (!outcome.done) return itemPage(request, reply, itemId, { form: outcome.form, which: 'action-point' });
      return redirectWith(reply, `/items/${itemId}/record`, 'Action point added.');
    },
  );

  app.post(
    '/action-points/:actionPointId',
    { ...pageRoute({ params: ActionPointParams }), ...withCsrf },
    async (request, reply) => {
      const actor = personOf(request);
      const itemId = Number(field(request.body, 'itemId'));
      const outcome = submitForm(
        request,
        ActionPointChangesBody,
        (value) => actionPoints.change(actor, request.params.actionPointId, value),
        { besides: ['itemId'] },
      );
      if (!outcome.done) return itemPage(request, reply, itemId, { form: outcome.form, which: 'action-point' });
      const done = `Action point ${outcome.result.state === ActionPointState.done ? 'closed' : 'open again'}.`;
      return redirectWith(reply, `/items/${outcome.result.itemId}/record`, done);
    },
  );

  app.post(
    '/action-points/:actionPointId/delete',
    { ...pageRoute({ params: ActionPointParams }), ...withCsrf },
    async (request, reply) => {
      const itemId = Number(field(request.body, 'itemId'));
      actionPoints.delete(personOf(request), request.params.actionPointId);
      return redirectWith(
        reply,
        Number.isInteger(itemId) && itemId > 0 ? `/items/${itemId}/record` : '/meetings',
        'Action point deleted.',
      );
    },
  );
};
