import type { FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../../domain/errors.js';
import { noteEtag } from '../../services/note-access.js';

/** Writes to a note must name the version of it the writer saw: no If-Match, no write (428). */
export function requireIfMatch(request: FastifyRequest): string {
  const value = request.headers['if-match'];
  if (!value) {
    throw Errors.preconditionRequired(
      'Send If-Match with the ETag of GET /api/v1/items/{itemId}/note, so that nobody overwrites a change they have not seen.',
    );
  }
  return value;
}

/** Replies with a note and its entity tag. */
export function withEtag<T extends { id: number; revision: number }>(reply: FastifyReply, note: T): T {
  reply.header('ETag', noteEtag(note));
  return note;
}
