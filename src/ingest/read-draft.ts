import { Errors } from '../domain/errors.js';
import { decodeText, sniffKind } from './detect-type.js';
import { extractDocx } from './extract-docx.js';
import { extractPdf } from './extract-pdf.js';
import type { ExtractedText } from './parse-cover-note.js';
import { assertSafeDocx, type ZipLimits } from './zip-guard.js';

export type DraftKind = 'docx' | 'pdf' | 'text';

export const MEDIA_TYPES: Record<DraftKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
};
export const EXTENSIONS: Record<DraftKind, string> = { docx: 'docx', pdf: 'pdf', text: 'txt' };

/** Typed text longer than this per line was not hard-wrapped: each line is a paragraph. */
const WRAPPED_TEXT_MAX = 120;

/** Any supported draft, decided by its bytes, to the text lines the parser reads. */
export async function readDraft(
  bytes: Buffer,
  limits: ZipLimits,
): Promise<{ kind: DraftKind; extracted: ExtractedText }> {
  const sniffed = sniffKind(bytes);
  if (sniffed === 'zip') {
    await assertSafeDocx(bytes, limits);
    return { kind: 'docx', extracted: await extractDocx(bytes) };
  }
  if (sniffed === 'pdf') return { kind: 'pdf', extracted: await extractPdf(bytes) };
  const lines = decodeText(bytes).split(/\r?\n/);
  if (lines.every((line) => line.trim() === '')) throw Errors.badUpload('The file holds only blank lines.');
  const wrapped = Math.max(...lines.map((l) => l.trim().length)) <= WRAPPED_TEXT_MAX;
  return { kind: 'text', extracted: { lines, wrapped } };
}
