import { ListStyle } from '../domain/note-blocks.js';
import { PROCEDURE_KINDS, PROCEDURES } from '../domain/procedure.js';
import { undecorate } from './cover-note-preamble.js';
import { isListLine, lineText, type ExtractedLine } from './extracted-text.js';

/** An agenda item as the report parser matches it: its number (`9.1`) and title as on the agenda. */
export interface ReportItemRef {
  itemId: number;
  number: string;
  title: string;
}

/**
 * The headings of a summary report other than the items', lower case and with single words as
 * `wordsOf` spells them, as the secretariat writes them. The opening is told by its first word.
 */
const OPENING_STARTS = ['opening', 'welcome'];
const ACTION_POINTS = ['action points', 'action point', 'actions'];
const ANNEX_START = /^annex\b/;

/** What a line of a report is to its parser; null: text. */
export type ReportHeading =
  | { item: ReportItemRef; written: string; title: string; typed: boolean }
  | { unknownNumber: string; written: string }
  | { opening: true }
  | { actionPoints: true; hasColon: boolean }
  | { annexHeading: true }
  | null;

/** Words as compared: letters and digits, lower case (`MyHealth@EU:` and `myhealth eu` are alike). */
export const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const comparable = (text: string) => wordsOf(text).join(' ');

/** `9.1. Title`, `9.1 Title`, `9. Title`, `9) Title`; a bare `3 June 2021` is no number. */
const TYPED_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,2})([.)])?\s+(\S.*)$/;
const PROCEDURE_WORDS = PROCEDURE_KINDS.map((kind) => PROCEDURES[kind].toLowerCase());
/** ` – for information` after a title, with an en or em dash, or a hyphen between spaces. */
const PROCEDURE_SUFFIX = new RegExp(`(?:\\s*[–—]\\s*|\\s+-\\s+)(?:${PROCEDURE_WORDS.join('|')})\\b.*$`, 'i');

/** Short, no sentence end: `State of play of the EHDS`, not `The network agreed.` */
const isHeadingLike = (words: string) => words.split(/\s+/).length <= 30 && !/[.,;]$/.test(words.trim());
const isShortHeading = (words: string, most: number) => isHeadingLike(words) && wordsOf(words).length <= most;

/**
 * What a line is as a heading of the report. An item's heading has the agenda number typed
 * before its title (longest numbers first: `9.1.` is 9.1, never 9), or no number at all when
 * Word's list numbering or a numbered heading style prints it: then its title must be an agenda
 * item's. A table cell is never a heading, nor is a bulleted item.
 */
export function readReportHeading(
  line: ExtractedLine,
  items: readonly ReportItemRef[],
  found: ReadonlySet<number>,
): ReportHeading {
  if (typeof line !== 'string' && 'cells' in line) return null;
  if (isListLine(line) && line.list === ListStyle.bullet) return null;
  const written = undecorate(lineText(line)).replace(/\s+/g, ' ');
  if (written === '') return null;
  const typed = TYPED_NUMBER.exec(written);
  // Columns apart by a tab or spaces after the number are a row of a table typed as text.
  const isRowAsText = typeof line === 'string' && /\S(?:\t| {2,})\S/.test(line.trim().replace(/^[\d.)]+\s+/, ''));
  const isTyped = typed !== null && (typed[2] !== undefined || typed[1]!.includes('.')) && !isRowAsText;
  const words = isTyped ? typed[3]! : written;
  const title = words.replace(PROCEDURE_SUFFIX, '').trim();
  if (isTyped && isHeadingLike(title)) {
    const item = items.find((candidate) => candidate.number === typed[1]);
    if (item) return { item, written, title, typed: true };
  } else if (!isTyped && typeof line !== 'string') {
    const item = items.find(
      (candidate) => !found.has(candidate.itemId) && comparable(candidate.title) === comparable(title),
    );
    if (item) return { item, written, title, typed: false };
  }
  const plain = comparable(title);
  if (OPENING_STARTS.includes(plain.split(' ')[0]!) && isShortHeading(title, 12)) return { opening: true };
  const label = /^([^:]*)(:?)/.exec(words)!;
  if (ACTION_POINTS.includes(comparable(label[1]!))) return { actionPoints: true, hasColon: label[2] === ':' };
  if (ANNEX_START.test(plain) && isShortHeading(words, 10)) return { annexHeading: true };
  if (isTyped && isShortHeading(title, 20) && /^\p{Lu}/u.test(title)) return { unknownNumber: typed[1]!, written };
  return null;
}

/** An item's heading that starts a part, as against text, an unknown number or the end. */
export const startsPart = (heading: ReportHeading) => heading !== null && ('item' in heading || 'opening' in heading);

/**
 * The line after a typed heading continues it when the heading was wrapped (a PDF's lines, typed
 * text): it holds the rest of the agenda item's title, or the procedure after a dash that ends
 * the line before.
 */
export function continuesHeading(title: string, agendaTitle: string, next: string): boolean {
  const whole = comparable(agendaTitle);
  const soFar = comparable(title);
  if (soFar === whole) return /[–—-]$/.test(title.trim()) && PROCEDURE_SUFFIX.test(`– ${next.trim()}`);
  const joined = comparable(`${title} ${next}`.replace(PROCEDURE_SUFFIX, ''));
  return whole.startsWith(`${soFar} `) && (joined === whole || whole.startsWith(`${joined} `));
}

/** The heading's title shares less than half of the agenda title's words: worth a word to the secretariat. */
export function differsClearly(title: string, agendaTitle: string): boolean {
  const wanted = new Set(wordsOf(agendaTitle));
  const shared = new Set(wordsOf(title).filter((word) => wanted.has(word)));
  return shared.size * 2 < wanted.size;
}
