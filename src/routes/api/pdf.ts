import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.js';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { ItemParams, MeetingParams, problems } from '../../schemas/common.js';
import type { PdfFile } from '../../services/pdf-service.js';

/** A PDF answer, as OpenAPI documents it. */
export const Pdf = {
  description: 'The PDF (A4, tagged, fonts embedded)',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};

const NoteQuery = Type.Object({
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'A version number; the current version when absent' }),
  ),
});

const PacketQuery = Type.Object({
  includeDrafts: Type.Boolean({
    default: false,
    description: 'Print notes that are not released, marked DRAFT (secretariat only); else they refuse the packet',
  }),
});

/** Sends a rendered PDF: shown in the browser (`inline`), or saved (`attachment`) for a document meant to be kept. */
export function sendPdf(reply: FastifyReply, file: PdfFile, disposition: 'inline' | 'attachment' = 'inline') {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(disposition, file.fileName))
    .header('cache-control', 'private, no-cache')
    .send(file.bytes);
}

const pdfRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pdf } = app.services;

  app.get(
    '/items/:itemId/note.pdf',
    {
      schema: {
        tags: ['pdf'],
        summary: 'The cover note of an item as a PDF, in the standard layout (drafts marked DRAFT)',
        params: ItemParams,
        querystring: NoteQuery,
        response: { 200: Pdf, ...problems(404) },
      },
    },
    async (request, reply) =>
      sendPdf(reply, await pdf.notePdf(actorOf(request), request.params.itemId, { version: request.query.version })),
  );

  app.get(
    '/meetings/:meetingId/agenda.pdf',
    {
      schema: {
        tags: ['pdf'],
        summary: 'The agenda of a meeting as a PDF',
        params: MeetingParams,
        response: { 200: Pdf, ...problems(404) },
      },
    },
    async (request, reply) => sendPdf(reply, await pdf.agendaPdf(actorOf(request), request.params.meetingId)),
  );

  app.get(
    '/meetings/:meetingId/packet.pdf',
    {
      schema: {
        tags: ['pdf'],
        summary: 'The meeting packet: cover, contents, agenda, released notes and their annexes, bookmarked',
        params: MeetingParams,
        querystring: PacketQuery,
        response: { 200: Pdf, ...problems(403, 404, 409) },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await pdf.packetPdf(actorOf(request), request.params.meetingId, { includeDrafts: request.query.includeDrafts }),
      ),
  );
};
export default pdfRoutes;
