import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, problems } from '../../schemas/common.js';
import { NewVersionBody, Note, Publication, Version, VersionParams } from '../../schemas/notes.js';
import { requireIfMatch, withEtag } from './if-match.js';
import { readSingleUpload } from '../../schemas/read-upload.js';
import { Errors } from '../../domain/errors.js';
import { DryRunQuery, IngestResult } from '../../schemas/ingest.js';

const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { notes, ingest } = app.services;
  const { maxUploadBytes } = app.config;

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
    '/items/:itemId/note/publications',
    {
      schema: {
        tags: ['notes'],
        summary: 'The publication history: which version was released when, with which procedure and why',
        params: ItemParams,
        response: { 200: Type.Array(Publication), ...problems(404) },
      },
    },
    async (request) => notes.publications(actorOf(request), request.params.itemId),
  );

  app.get(
    '/items/:itemId/note/versions',
    {
      schema: {
        tags: ['notes'],
        summary: 'Every version of the note, oldest first (published ones only, unless you draft or review it)',
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
        summary: 'Write a new version: JSON sections, or an uploaded draft (multipart "file": .docx, .pdf, .txt, .md)',
        description:
          'If-Match (the note ETag) is required unless dryRun=true. An upload answers with what was recognised and its warnings.',
        params: ItemParams,
        querystring: DryRunQuery,
        body: {
          content: {
            'application/json': { schema: NewVersionBody },
            // The parts are read by @fastify/multipart, not by the validator (the body stays unset).
            'multipart/form-data': {
              schema: Type.Unknown({ description: 'One part "file": the draft (.docx, .pdf, .txt, .md)' }),
            },
          },
        } as unknown as typeof NewVersionBody,
        response: {
          200: IngestResult,
          201: Type.Union([Version, IngestResult]),
          ...problems(403, 404, 409, 412, 413, 415, 422, 428),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { itemId } = request.params;
      const { dryRun } = request.query;
      const ifMatch = dryRun ? undefined : requireIfMatch(request);
      if (request.isMultipart()) {
        const upload = await readSingleUpload(request, maxUploadBytes);
        const result = await ingest.ingestDraft(actor, itemId, upload, { dryRun, ifMatch });
        if (dryRun) return reply.code(200).send(result);
        withEtag(reply, notes.get(actor, itemId));
        return reply.code(201).send(result);
      }
      if (dryRun) throw Errors.invalid('dryRun previews an uploaded file; send the draft as multipart/form-data.');
      // Without a Content-Type, or as text/plain, no JSON schema applies: say what to send.
      if (typeof request.body !== 'object' || request.body === null) {
        throw Errors.unsupportedUpload(
          'Send the version as application/json sections, or a file as multipart/form-data.',
        );
      }
      const version = notes.createVersion(actor, itemId, request.body, ifMatch);
      withEtag(reply, notes.get(actor, itemId));
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
