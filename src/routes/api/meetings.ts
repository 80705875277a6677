import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ForceQuery, MeetingParams, NoContent, problems } from '../../schemas/common.js';
import { Meeting, MeetingChangesBody, Network, NewMeetingBody, NewNetworkBody } from '../../schemas/meetings.js';

const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { meetings } = app.services;

  app.get(
    '/networks',
    { schema: { tags: ['meetings'], summary: 'List networks', response: { 200: Type.Array(Network), ...problems() } } },
    async () => meetings.listNetworks(),
  );

  app.post(
    '/networks',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Create a network with its note header lines',
        body: NewNetworkBody,
        response: { 201: Network, ...problems(403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(meetings.createNetwork(actorOf(request), request.body)),
  );

  app.get(
    '/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'List meetings, latest first',
        response: { 200: Type.Array(Meeting), ...problems() },
      },
    },
    async () => meetings.list(),
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Create a meeting',
        body: NewMeetingBody,
        response: { 201: Meeting, ...problems(403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(meetings.create(actorOf(request), request.body)),
  );

  app.get(
    '/meetings/:meetingId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'One meeting',
        params: MeetingParams,
        response: { 200: Meeting, ...problems(404) },
      },
    },
    async (request) => meetings.get(request.params.meetingId),
  );

  app.patch(
    '/meetings/:meetingId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Change a meeting',
        params: MeetingParams,
        body: MeetingChangesBody,
        response: { 200: Meeting, ...problems(403, 404, 422) },
      },
    },
    async (request) => meetings.update(actorOf(request), request.params.meetingId, request.body),
  );

  app.delete(
    '/meetings/:meetingId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Delete a meeting (with force=true when its notes hold versions)',
        params: MeetingParams,
        querystring: ForceQuery,
        response: { 204: NoContent, ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      meetings.delete(actorOf(request), request.params.meetingId, { force: request.query.force });
      return reply.code(204).send(null);
    },
  );
};
export default meetingRoutes;
