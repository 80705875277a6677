import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { VersionParams } from '../../schemas/notes.js';
import type { WordFile } from '../../services/document-service.js';
import { contentDisposition } from './content-disposition.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const Docx = {
  description: 'The version as a Word document in the standard layout, to start the next draft from',
  content: { [DOCX_TYPE]: { schema: Type.String({ format: 'binary' }) } },
};

/** Offered as a download (attachment): a Word file is opened by Word, not shown in the browser. */
function sendDocx(reply: FastifyReply, file: WordFile) {
  return reply
    .type(DOCX_TYPE)
    .header('content-disposition', contentDisposition('attachment', file.fileName))
    .header('cache-control', 'private, no-cache')
    .send(file.bytes);
}

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
