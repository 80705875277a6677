import { create } from 'content-disposition';
import type { FastifyReply } from 'fastify';

/**
 * The Content-Disposition of every file answer (RFC 6266), written by the content-disposition
 * package: a name of plain ASCII as it is (quoted where it must be), any other name also in
 * UTF-8 (`filename*`) after an ASCII fallback. What is offered is a name, never a path: what
 * precedes the last separator goes, and so do control characters, which no file name holds.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const name = (fileName.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return create(name || 'download', { type: kind });
}

/**
 * A stored or generated file as a download: its type, its name, and no sniffing (a browser must
 * not take an uploaded file for a page). `headers` adds what one kind of file needs besides.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { name: string; mediaType: string; bytes: Buffer },
  headers: Record<string, string> = {},
) {
  return reply
    .type(file.mediaType)
    .headers(headers)
    .header('Content-Disposition', contentDisposition('attachment', file.name))
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.bytes);
}
