import { named } from '../domain/words.js';
import { foldSpaces } from '../domain/note-blocks.js';

/**
 * What an upload may warn about, each code written once here. A warning is never a refusal: the
 * draft is read, and the warning says what was read differently from the page, or left out.
 */
export const INGEST_WARNING_CODES = [
  // The parser: structure
  'text-before-first-section',
  'unknown-heading',
  'missing-section',
  'footnote-without-text',
  'unreferenced-footnote',
  'text-before-first-footnote',
  'link-not-allowed',
  // The draft against this meeting and item
  'header-mismatch',
  'meeting-mismatch',
  'item-mismatch',
  // What a Word file holds beyond its text
  'tracked-changes',
  'comments',
  'embedded-object',
  'nested-table',
  'unread-content',
  // What a PDF draft holds that cannot be read as it stands
  'table-as-paragraphs',
] as const;
export type IngestWarningCode = (typeof INGEST_WARNING_CODES)[number];
export const IngestWarningCode = named(INGEST_WARNING_CODES);

export interface IngestWarning {
  code: IngestWarningCode;
  message: string;
}

/** Longer text is quoted by its start: a warning is a sentence, not a copy of the draft. */
const QUOTE_MAX = 200;

/** Text left out, quoted (whitespace folded) so the rapporteur can find it in the file. */
export function quoteStart(text: string): string {
  const folded = foldSpaces(text);
  return `"${folded.length > QUOTE_MAX ? `${folded.slice(0, QUOTE_MAX - 3).trimEnd()}...` : folded}"`;
}
