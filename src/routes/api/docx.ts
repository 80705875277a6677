import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { VersionParams } from '../../schemas/notes.js';
import type { WordFile } from '../../services/document-service.js';
import { MEDIA_TYPES } from '../../ingest/read-draft.js';
import { sendAttachment } from './content-disposition.js';

const DOCX_TYPE = MEDIA_TYPES.docx;

const Docx = {
  description: 'The version as a Word document in the standard layout, to start the next draft from',
  content: { [DOCX_TYPE]: { schema: Type.String({ format: 'binary' }) } },
};

/** Offered as a download (attachment): a Word file is opened by Word, not shown in the browser. */
const sendDocx = (reply: FastifyReply, file: WordFile) =>
  sendAttachment(
    reply,
    { name: file.fileName, mediaType: DOCX_TYPE, bytes: file.bytes },
    { 'cache-control': 'private, no-cache' },
  );

const docxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { documents } = app.services;

  app.get(
    '/items/:itemId/note/versions/:number/docx',
    {
      schema: {
        tags: ['notes'],
        summary: 'One version of the note as a Word document (.docx); whoever may read the version may download it',
        params: VersionParams,
        response: { 200: Docx, ...problems(404) },
      },
    },
    async (request, reply) =>
      sendDocx(reply, await documents.noteDocx(actorOf(request), request.params.itemId, request.params.number)),
  );
};
export default docxRoutes;
