import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { PublicationParams, PublicationText } from '../../schemas/notes.js';
import { DiffParams } from '../../schemas/review.js';
import { Pdf, sendPdf } from './pdf.js';

/**
 * A note's publications one by one, and redlines: what changed between two publications (for
 * whoever reads the note) or two versions (any two for the drafting circle, published ones for
 * the rest). A publication names only released text, so a reader outside the drafting circle
 * reaches no draft through these routes.
 */
const publicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { notes, pdf, redlines } = app.services;

  app.get(
    '/items/:itemId/note/publications/:number',
    {
      schema: {
        tags: ['notes'],
        summary: 'One publication of the note, with the text it released',
        params: PublicationParams,
        response: { 200: PublicationText, ...problems(404) },
      },
    },
    async (request) => notes.getPublication(actorOf(request), request.params.itemId, request.params.number),
  );

  app.get(
    '/items/:itemId/note/publications/:number/pdf',
    {
      schema: {
        tags: ['pdf'],
        summary: 'One publication of the note as a PDF, as it was released ("Revision N — date" from the second on)',
        params: PublicationParams,
        response: { 200: Pdf, ...problems(404) },
      },
    },
    async (request, reply) => {
      const { itemId, number } = request.params;
      return sendPdf(reply, await pdf.notePdf(actorOf(request), itemId, { publication: number }));
    },
  );

  app.get(
    '/items/:itemId/note/publications/:a/redline/:b',
    {
      schema: {
        tags: ['pdf'],
        summary: 'Redline PDF: the changes from publication a to publication b, marked in the standard layout',
        params: DiffParams,
        response: { 200: Pdf, ...problems(404) },
      },
    },
    async (request, reply) => {
      const { itemId, a, b } = request.params;
      return sendPdf(reply, await redlines.publicationsRedline(actorOf(request), itemId, a, b));
    },
  );

  app.get(
    '/items/:itemId/note/versions/:a/redline/:b',
    {
      schema: {
        tags: ['pdf'],
        summary:
          'Redline PDF: the changes from version a to version b (published versions only, unless you draft or review the note)',
        params: DiffParams,
        response: { 200: Pdf, ...problems(404) },
      },
    },
    async (request, reply) => {
      const { itemId, a, b } = request.params;
      return sendPdf(reply, await redlines.versionsRedline(actorOf(request), itemId, a, b));
    },
  );
};
export default publicationRoutes;
