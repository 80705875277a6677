import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from '../domain/note-content.js';
import { undecorate } from './cover-note-preamble.js';
import { isListLine, type ExtractedLine } from './extracted-text.js';

/**
 * The words a rapporteur heads each section with, as found in real drafts, lower case and with
 * single spaces. A heading is recognised by these words alone: its number may be typed, come
 * from Word's list numbering or heading style (and so not be in the text at all), be missing,
 * or even be wrong.
 */
export const HEADING_VARIANTS: Record<SectionKey, readonly string[]> = {
  issueAtStake: ['issue at stake', 'issues at stake', 'issue(s) at stake'],
  summary: ['summary', 'executive summary'],
  procedure: [
    'format of procedure in the meeting',
    'format of the procedure in the meeting',
    'format of procedure at the meeting',
    'format of the procedure at the meeting',
    'format of procedure',
    'format of the procedure',
    'procedure in the meeting',
    'procedure',
  ],
};

/** The headings as printed, for the message that none was found. */
export const EXPECTED_HEADINGS = SECTION_KEYS.map((key, i) => `${i + 1}. ${SECTION_HEADINGS[key]}`);

/** A typed section number: `1.`, `1)`, `1` followed by space. */
const TYPED_NUMBER = /^(\d{1,2})(?:[.)]\s*|\s+)(?=\S)/;

const comparable = (words: string) =>
  words
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)\s*/g, ') ')
    .replace(/[\s:]+$/, '')
    .trim();

function sectionOf(words: string): SectionKey | null {
  const wanted = comparable(words);
  return SECTION_KEYS.find((key) => HEADING_VARIANTS[key].includes(wanted)) ?? null;
}

/** What a line is as a heading: a section's, an unknown one (its text as written), or none. */
export type HeadingReading = { key: SectionKey } | { unknown: string } | null;

/**
 * A section heading is recognised in a plain line, a line styled as a heading, or a list item
 * whose whole text is a heading's words (Word numbering the headings as a list); never in a
 * table cell or in any other list item. A plain or heading-styled line that looks numbered,
 * short and capitalised but has other words is an unknown heading (`4. Next steps`).
 */
export function readHeading(line: ExtractedLine): HeadingReading {
  if (typeof line !== 'string' && 'cells' in line) return null;
  const text = undecorate(typeof line === 'string' ? line : isListLine(line) ? line.text : line.heading);
  const typed = TYPED_NUMBER.exec(text);
  const words = typed ? text.slice(typed[0].length) : text;
  // Unnumbered, a sentence's last word ("... by written procedure.") is not a heading.
  const mayBeSentenceEnd = typeof line === 'string' && !typed && /\.$/.test(words);
  const key = sectionOf(words.replace(/\.$/, ''));
  if (key && !mayBeSentenceEnd) return { key };
  if (isListLine(line)) return null;
  return typed && looksLikeHeading(words) ? { unknown: text.replace(/\s+/g, ' ') } : null;
}

/** Capitalised, short, no sentence punctuation at its end: `Next steps`, not `A claim 2.` */
const looksLikeHeading = (words: string) => {
  const text = words.replace(/[.:]$/, '').trim();
  return /^\p{Lu}/u.test(text) && text.length <= 60 && !/[.,;]$/.test(words.trim()) && text.split(/\s+/).length <= 8;
};
