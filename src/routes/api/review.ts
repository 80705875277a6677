import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, MeetingParams, problems } from '../../schemas/common.js';
import { Item } from '../../schemas/items.js';
import {
  CarryOverBody,
  Comment,
  CommentParams,
  DiffParams,
  NewCommentBody,
  StatusRow,
  VersionDiff,
} from '../../schemas/review.js';

const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { review, meetingStatus, carryOver } = app.services;

  app.get(
    '/items/:itemId/note/comments',
    {
      schema: {
        tags: ['review'],
        summary: "Review comments on the note (secretariat and the item's rapporteurs)",
        params: ItemParams,
        response: { 200: Type.Array(Comment), ...problems(404) },
      },
    },
    async (request) => review.list(actorOf(request), request.params.itemId),
  );

  app.post(
    '/items/:itemId/note/comments',
    {
      schema: {
        tags: ['review'],
        summary: 'Comment on a version, optionally anchored to a section and paragraph',
        params: ItemParams,
        body: NewCommentBody,
        response: { 201: Comment, ...problems(404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(review.add(actorOf(request), request.params.itemId, request.body)),
  );

  app.post(
    '/items/:itemId/note/comments/:commentId/resolve',
    {
      schema: {
        tags: ['review'],
        summary: 'Mark a comment resolved',
        params: CommentParams,
        response: { 200: Comment, ...problems(404, 409) },
      },
    },
    async (request) => review.resolve(actorOf(request), request.params.itemId, request.params.commentId),
  );

  app.get(
    '/items/:itemId/note/versions/:a/diff/:b',
    {
      schema: {
        tags: ['review'],
        summary: 'Section-by-section, word-level diff from version a to version b',
        params: DiffParams,
        response: { 200: VersionDiff, ...problems(404) },
      },
    },
    async (request) => review.diff(actorOf(request), request.params.itemId, request.params.a, request.params.b),
  );

  app.get(
    '/meetings/:meetingId/status',
    {
      schema: {
        tags: ['review'],
        summary: "The secretariat's overview: every item with state, procedure, rapporteurs, deadline, lateness",
        params: MeetingParams,
        response: { 200: Type.Array(StatusRow), ...problems(403, 404) },
      },
    },
    async (request) => meetingStatus.status(actorOf(request), request.params.meetingId),
  );

  app.post(
    '/items/:itemId/carry-over',
    {
      schema: {
        tags: ['review'],
        summary: 'Copy a postponed item, with its note, to a later meeting',
        params: ItemParams,
        body: CarryOverBody,
        response: { 201: Item, ...problems(403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(carryOver.carryOver(actorOf(request), request.params.itemId, request.body)),
  );
};
export default reviewRoutes;
