import { Errors } from '../domain/errors.js';
import { decodeText, sniffKind } from './detect-type.js';
import type { TrackedChanges } from './docx-warnings.js';
import { extractDocx } from './extract-docx.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractPdfOffThread } from './extract-pool.js';
import { assertPlainDraftPdf } from './pdf-active-content.js';
import type { ExtractedText } from './extracted-text.js';
import { longestLine } from './rejoin-paragraphs.js';
import { assertSafeDocx, type ZipLimits } from './zip-guard.js';
import { readHeading } from './section-headings.js';

export type DraftKind = 'docx' | 'pdf' | 'markdown' | 'text';

export const MEDIA_TYPES: Record<DraftKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};
export const EXTENSIONS: Record<DraftKind, string> = { docx: 'docx', pdf: 'pdf', markdown: 'md', text: 'txt' };

/** What the sender said the file is: only text is told apart by it (Markdown from plain text). */
export interface DeclaredFile {
  fileName?: string;
  mediaType?: string;
}

const isMarkdown = ({ fileName = '', mediaType = '' }: DeclaredFile) =>
  /\.(md|markdown)$/i.test(fileName.trim()) || /^text\/markdown\s*(;|$)/i.test(mediaType.trim());

/** Typed text longer than this per line was not hard-wrapped: each line is a paragraph. */
const WRAPPED_TEXT_MAX = 120;

/**
 * A cover note is a page or two; a draft with more lines than this is something else (a whole
 * report, a data file) and is refused before it is parsed.
 */
export const MAX_DRAFT_LINES = 10_000;

export interface DraftOptions extends DeclaredFile {
  /** A Word file's pending tracked changes: read as accepted (with a warning), or refused. */
  trackedChanges?: TrackedChanges;
}

/**
 * Any supported draft, decided by its bytes, to the text lines the parser reads. Text is
 * Markdown when its name or declared type says so; a renamed binary is still refused by its bytes.
 */
export async function readDraft(
  bytes: Buffer,
  limits: ZipLimits,
  options: DraftOptions = {},
): Promise<{ kind: DraftKind; extracted: ExtractedText }> {
  const read = await extract(bytes, limits, options);
  const count = read.extracted.lines.length;
  if (count > MAX_DRAFT_LINES)
    throw Errors.badUpload(
      `The draft has ${count.toLocaleString('en')} lines; a cover note has at most ${MAX_DRAFT_LINES.toLocaleString('en')}. ` +
        'Upload the cover note alone, and longer documents as annexes.',
    );
  return read;
}

async function extract(
  bytes: Buffer,
  limits: ZipLimits,
  options: DraftOptions,
): Promise<{ kind: DraftKind; extracted: ExtractedText }> {
  const sniffed = sniffKind(bytes);
  if (sniffed === 'zip') {
    const parts = await assertSafeDocx(bytes, limits);
    return { kind: 'docx', extracted: await extractDocx(bytes, parts, options) };
  }
  if (sniffed === 'pdf') {
    // The original of a draft is kept and downloaded by others: scripts are refused, as in annexes.
    await assertPlainDraftPdf(bytes);
    return { kind: 'pdf', extracted: await extractPdfOffThread(bytes) };
  }
  const text = decodeText(bytes);
  const lines = text.split(/\r?\n/);
  if (lines.every((line) => line.trim() === '')) throw Errors.badUpload('The file holds only blank lines.');
  const asText: ExtractedText = { lines, wrapped: longestLine(lines) <= WRAPPED_TEXT_MAX };
  if (!isMarkdown(options)) return { kind: 'text', extracted: asText };
  // A .md typed as plain text ("1. Issue at stake" on a line of its own, no # heading) would be
  // one long numbered list to a Markdown parser: unless a Markdown heading is a section's
  // heading (a `# Cover note` title is not), it is read as text.
  const markdown = extractMarkdown(text);
  const headsASection = markdown.lines.some((line) => {
    if (typeof line !== 'object' || !('heading' in line)) return false;
    const reading = readHeading(line);
    return reading !== null && 'key' in reading;
  });
  return { kind: 'markdown', extracted: headsASection ? markdown : asText };
}
