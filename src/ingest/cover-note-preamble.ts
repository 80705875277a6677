import { foldSpaces } from '../domain/note-blocks.js';

/**
 * What stands before the first section of a cover note: the network's header lines, the meeting
 * line, the `COVER NOTE` title and the item line, in that order, each optional.
 */
export interface Preamble {
  headerLines: string[];
  meetingLine: string | null;
  hasCoverNoteTitle: boolean;
  item: { number: string; title: string } | null;
}

/** Markdown and Word decorations around a heading or line: `## `, `**`, `__`. */
export const undecorate = (line: string) =>
  line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .trim();

const ITEM_LINE = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(\S.*)$/;

/**
 * Reads the lines before the first section. Lines after the meeting line, the title or the item
 * line that are none of these are `stray`: the parser warns that they were placed nowhere.
 */
export function readPreamble(lines: string[]): { preamble: Preamble; stray: string[] } {
  const preamble: Preamble = { headerLines: [], meetingLine: null, hasCoverNoteTitle: false, item: null };
  const stray: string[] = [];
  for (const raw of lines) {
    const line = undecorate(raw);
    if (line === '') continue;
    const item = ITEM_LINE.exec(line);
    if (/^cover note$/i.test(line)) preamble.hasCoverNoteTitle = true;
    else if (!preamble.meetingLine && !preamble.item && /network/i.test(line) && /\b(19|20)\d{2}\b/.test(line)) {
      preamble.meetingLine = line.replace(/\s+/g, ' ');
    } else if (item && !preamble.item) preamble.item = { number: item[1]!, title: foldSpaces(item[2]!) };
    else if (!preamble.meetingLine && !preamble.item && !preamble.hasCoverNoteTitle) preamble.headerLines.push(line);
    else stray.push(line);
  }
  return { preamble, stray };
}
