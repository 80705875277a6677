import type { FastifyInstance } from 'fastify';
import { noteEtag } from '../../src/services/note-access.js';
import { as, reposOf, type SignedIn } from '../helper.js';
import { fileUpload } from './multipart.js';

/** Uploads a draft as a new version, with the note's current ETag (read from the database). */
export function uploadDraft(
  app: FastifyInstance,
  who: SignedIn,
  itemId: number,
  fileName: string,
  bytes: Buffer | string,
) {
  const body = fileUpload(fileName, bytes);
  const etag = noteEtag(reposOf(app).notes.findByItem(itemId)!);
  return as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions`,
    payload: body.payload,
    headers: { ...body.headers, 'if-match': etag },
  });
}
