import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, NoContent, problems } from '../../schemas/common.js';
import { Annex, AnnexFields, AnnexParams, annexMarking, FileBody } from '../../schemas/ingest.js';
import { VersionParams } from '../../schemas/notes.js';
import { FormRefused, readForm } from '../../schemas/read-form.js';
import { sendAttachment } from './content-disposition.js';
import { readSingleUpload } from '../../schemas/read-upload.js';

const uploadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ingest } = app.services;
  const { maxUploadBytes } = app.config;
  const fileResponse = { 200: FileBody };

  app.get(
    '/items/:itemId/note/versions/:number/original',
    {
      schema: {
        tags: ['uploads'],
        summary: 'The uploaded file a version was parsed from, unchanged',
        params: VersionParams,
        response: { ...fileResponse, ...problems(404) },
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await ingest.original(actorOf(request), request.params.itemId, request.params.number)),
  );

  app.post(
    '/items/:itemId/annexes',
    {
      schema: {
        tags: ['uploads'],
        summary:
          'Attach a PDF annex to the note (multipart "file", optional "title", "audience" and comma-separated "audienceGroups"); while drafting',
        params: ItemParams,
        consumes: ['multipart/form-data'],
        response: { 201: Annex, ...problems(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request, maxUploadBytes);
      const fields = readForm(AnnexFields, upload.fields, request);
      if (!fields.ok) throw new FormRefused(fields.issues);
      const marking = annexMarking(fields.value);
      const annex = await ingest.addAnnex(actorOf(request), request.params.itemId, upload, fields.value.title, marking);
      return reply.code(201).send(annex);
    },
  );

  app.get(
    '/items/:itemId/annexes',
    {
      schema: {
        tags: ['uploads'],
        summary: 'The annexes of the note',
        params: ItemParams,
        response: { 200: Type.Array(Annex), ...problems(404) },
      },
    },
    async (request) => ingest.listAnnexes(actorOf(request), request.params.itemId),
  );

  app.get(
    '/items/:itemId/annexes/:annexId',
    {
      schema: {
        tags: ['uploads'],
        summary: 'Download an annex',
        params: AnnexParams,
        response: { ...fileResponse, ...problems(404) },
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await ingest.annexFile(actorOf(request), request.params.itemId, request.params.annexId)),
  );

  app.delete(
    '/items/:itemId/annexes/:annexId',
    {
      schema: {
        tags: ['uploads'],
        summary: 'Remove an annex (while drafting)',
        params: AnnexParams,
        response: { 204: NoContent, ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await ingest.removeAnnex(actorOf(request), request.params.itemId, request.params.annexId);
      return reply.code(204).send(null);
    },
  );
};
export default uploadRoutes;
