import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, NoContent, problems } from '../../schemas/common.js';
import { Note } from '../../schemas/notes.js';
import {
  AuditVerdict,
  HistoryEntry,
  Notification,
  NotificationParams,
  NoteChangesBody,
  TransitionBody,
} from '../../schemas/workflow.js';
import { requireIfMatch, withEtag } from './if-match.js';

const workflowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { workflow, notifications } = app.services;

  app.post(
    '/items/:itemId/note/transitions',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Perform a workflow event: submit, return, release, reopen, withdraw, restore (If-Match required)',
        params: ItemParams,
        body: TransitionBody,
        response: { 200: Note, ...problems(403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const ifMatch = requireIfMatch(request);
      return withEtag(reply, workflow.perform(actorOf(request), request.params.itemId, request.body, ifMatch));
    },
  );

  app.patch(
    '/items/:itemId/note',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Set the procedure (before release) or the outcome (after the meeting); If-Match required',
        params: ItemParams,
        body: NoteChangesBody,
        response: { 200: Note, ...problems(403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const ifMatch = requireIfMatch(request);
      return withEtag(reply, workflow.changeNote(actorOf(request), request.params.itemId, request.body, ifMatch));
    },
  );

  app.get(
    '/items/:itemId/note/history',
    {
      schema: {
        tags: ['workflow'],
        summary: "The audit events of the note (secretariat and the item's rapporteurs)",
        params: ItemParams,
        response: { 200: Type.Array(HistoryEntry), ...problems(404) },
      },
    },
    async (request) => workflow.history(actorOf(request), request.params.itemId),
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Walk the hash-chained audit trail and report the first broken link (admin)',
        response: { 200: AuditVerdict, ...problems(403) },
      },
    },
    async (request) => workflow.verifyAudit(actorOf(request)),
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Your notifications, newest first',
        response: { 200: Type.Array(Notification), ...problems() },
      },
    },
    async (request) => notifications.list(actorOf(request)),
  );

  app.post(
    '/notifications/:notificationId/read',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Mark one of your notifications read',
        params: NotificationParams,
        response: { 204: NoContent, ...problems(404) },
      },
    },
    async (request, reply) => {
      notifications.markRead(actorOf(request), request.params.notificationId);
      return reply.code(204).send(null);
    },
  );
};
export default workflowRoutes;
