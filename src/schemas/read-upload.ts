import type { FastifyRequest } from 'fastify';
import { AgendumError, Errors } from '../domain/errors.js';

export interface ReceivedUpload {
  bytes: Buffer;
  fileName: string;
  /** The part's declared content type (not trusted: only tells Markdown from plain text). */
  mediaType: string;
  fields: Record<string, string>;
}

/**
 * Beside `readForm`: how both doors (the API's upload routes and the item page) read a request.
 * Reads the one `file` part of a multipart request (and its small text fields). More than one
 * file is refused; a file cut at the size limit is refused, never stored half.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  maxBytes: number,
  // Sees the text fields sent before the file (a form's CSRF token) before any file byte is read.
  options: { beforeFile?: (fields: Record<string, string>) => void } = {},
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw Errors.badUpload('Send the file as multipart/form-data with a part named "file".');
  let upload: { bytes: Buffer; fileName: string; mediaType: string } | undefined;
  const fields: Record<string, string> = {};
  const tooLarge = () => Errors.uploadTooLarge(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        // A field sent more than once (boxes ticked) is its values with commas, as the API lists them.
        if (typeof part.value === 'string')
          fields[part.fieldname] = Object.hasOwn(fields, part.fieldname)
            ? `${fields[part.fieldname]},${part.value}`
            : part.value;
        continue;
      }
      if (upload || part.fieldname !== 'file') {
        await part.toBuffer().catch(() => undefined);
        throw Errors.badUpload(
          upload ? 'Send one file per request.' : `Unexpected file part "${part.fieldname}"; name it "file".`,
        );
      }
      try {
        options.beforeFile?.(fields);
      } catch (error) {
        part.file.resume();
        throw error;
      }
      const bytes = await part.toBuffer();
      // @fastify/multipart cuts a file at the limit silently when not told to throw: check anyway.
      if (part.file.truncated) throw tooLarge();
      upload = { bytes, fileName: part.filename ?? '', mediaType: part.mimetype ?? '' };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') throw Errors.badUpload('Send one file per request.');
    if (error instanceof AgendumError) throw error;
    // busboy's own complaints (no boundary, a body cut short): the request is malformed.
    throw Errors.badUpload(`The multipart/form-data body is malformed: ${(error as Error).message}.`);
  }
  if (!upload) throw Errors.badUpload('The request has no part named "file".');
  return { ...upload, fields };
}
