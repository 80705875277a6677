import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { MeetingParams, NoContent, problems } from '../../schemas/common.js';
import {
  Group,
  GroupChangesBody,
  GroupDetail,
  GroupMemberParams,
  GroupMembersBody,
  GroupParams,
  NewGroupBody,
  RecipientGroupBody,
} from '../../schemas/groups.js';
import { RecipientRow } from '../../schemas/packets.js';

/** Distribution groups, reused across meetings, and a meeting's recipient list filled from one. */
const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { groups, recipients } = app.services;
  const tags = ['groups'];

  app.get(
    '/groups',
    { schema: { tags, summary: 'Distribution groups', response: { 200: Type.Array(Group), ...problems(403) } } },
    async (request) => groups.list(actorOf(request)),
  );

  app.post(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Create a distribution group (names are unique, case aside)',
        body: NewGroupBody,
        response: { 201: Group, ...problems(403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(groups.create(actorOf(request), request.body)),
  );

  app.get(
    '/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'A distribution group and its members',
        params: GroupParams,
        response: { 200: GroupDetail, ...problems(403, 404) },
      },
    },
    async (request) => groups.get(actorOf(request), request.params.groupId),
  );

  app.patch(
    '/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Rename a distribution group or change its description',
        params: GroupParams,
        body: GroupChangesBody,
        response: { 200: GroupDetail, ...problems(403, 404, 409) },
      },
    },
    async (request) => groups.update(actorOf(request), request.params.groupId, request.body),
  );

  app.delete(
    '/groups/:groupId',
    {
      schema: {
        tags,
        summary: "Delete a distribution group (meetings' lists filled from it keep their people)",
        params: GroupParams,
        response: { 204: NoContent, ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      groups.remove(actorOf(request), request.params.groupId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/groups/:groupId/members',
    {
      schema: {
        tags,
        summary: 'Add people to a distribution group (those in it already stay)',
        params: GroupParams,
        body: GroupMembersBody,
        response: { 200: GroupDetail, ...problems(403, 404, 422) },
      },
    },
    async (request) => groups.addMembers(actorOf(request), request.params.groupId, request.body.personIds),
  );

  app.delete(
    '/groups/:groupId/members/:personId',
    {
      schema: {
        tags,
        summary: 'Take a person out of a distribution group',
        params: GroupMemberParams,
        response: { 204: NoContent, ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      groups.removeMember(actorOf(request), request.params.groupId, request.params.personId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/meetings/:meetingId/recipients/groups',
    {
      schema: {
        tags: ['packets'],
        summary: "Add a distribution group's active members to one of the meeting's recipient lists",
        params: MeetingParams,
        body: RecipientGroupBody,
        response: { 200: Type.Array(RecipientRow), ...problems(403, 404, 422) },
      },
    },
    async (request) =>
      recipients.addGroup(actorOf(request), request.params.meetingId, request.body.list, request.body.groupId),
  );
};
export default groupRoutes;
