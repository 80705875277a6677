import { Errors } from '../domain/errors.js';

export type UploadKind = 'pdf' | 'zip' | 'text';

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What a file is, from its bytes alone: the name and the client's content type are not trusted
 * (a renamed .exe is still an .exe).
 */
export function sniffKind(bytes: Buffer): UploadKind {
  if (bytes.length === 0) throw Errors.badUpload('The file is empty.');
  if (bytes.subarray(0, 1024).includes(PDF)) return 'pdf';
  if (bytes.subarray(0, 4).equals(ZIP)) return 'zip';
  if (isUtf8Text(bytes)) return 'text';
  throw Errors.unsupportedUpload(
    'This file is not a Word document (.docx), a PDF, or a text/Markdown file; agendum reads only those.',
  );
}

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8192).includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text of a text upload, without a byte-order mark. */
export const decodeText = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
