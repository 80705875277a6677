import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, problems } from '../../schemas/common.js';
import { NewVersionBody, Note, Version, VersionParams } from '../../schemas/notes.js';
import { requireIfMatch, withEtag } from './if-match.js';

const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { notes } = app.services;

  app.get(
    '/items/:itemId/note',
    {
      schema: {
        tags: ['notes'],
        summary: 'The cover note of an item: state, procedure, current version',
        params: ItemParams,
        response: { 200: Note, ...problems(404) },
      },
    },
    async (request, reply) => withEtag(reply, notes.get(actorOf(request), request.params.itemId)),
  );

  app.get(
    '/items/:itemId/note/versions',
    {
      schema: {
        tags: ['notes'],
        summary: 'Every version of the note, oldest first',
        params: ItemParams,
        response: { 200: Type.Array(Version), ...problems(404) },
      },
    },
    async (request) => notes.listVersions(actorOf(request), request.params.itemId),
  );

  app.post(
    '/items/:itemId/note/versions',
    {
      schema: {
        tags: ['notes'],
        summary: 'Write a new version from structured sections (If-Match: the note ETag)',
        params: ItemParams,
        body: NewVersionBody,
        response: { 201: Version, ...problems(403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const ifMatch = requireIfMatch(request);
      const version = notes.createVersion(actorOf(request), request.params.itemId, request.body, ifMatch);
      withEtag(reply, notes.get(actorOf(request), request.params.itemId));
      return reply.code(201).send(version);
    },
  );

  app.get(
    '/items/:itemId/note/versions/:number',
    {
      schema: {
        tags: ['notes'],
        summary: 'One version of the note',
        params: VersionParams,
        response: { 200: Version, ...problems(404) },
      },
    },
    async (request) => notes.getVersion(actorOf(request), request.params.itemId, request.params.number),
  );
};
export default noteRoutes;
