import { foldSpaces } from '../domain/note-blocks.js';
import { undecorate } from './cover-note-preamble.js';
import { isListLine, lineText, type ExtractedLine } from './extracted-text.js';
import { quoteStart } from './ingest-warnings.js';
import {
  continuesHeading,
  differsClearly,
  readReportHeading,
  wordsOf,
  type ReportItemRef,
} from './summary-report-headings.js';

/** The opening (`item` null) or an agenda item, with the lines under its heading. */
export interface ReportPart {
  item: ReportItemRef | null;
  lines: ExtractedLine[];
}

/** A list item typed as text: `- `, `• `, `1. `, `a) `. */
const TYPED_LIST_ITEM = /^\s*(?:[-–•*▪◦·]|\d{1,2}[.)]|[a-z][.)])\s+\S/;
const isListItem = (line: ExtractedLine) =>
  isListLine(line) || (typeof line === 'string' && TYPED_LIST_ITEM.test(line));
const isRow = (line: ExtractedLine) => typeof line !== 'string' && 'cells' in line;
const isBlank = (line: ExtractedLine) => typeof line === 'string' && line.trim() === '';

/**
 * Splits a report's body (from its first heading on) into the opening and the items. An item's
 * own "Action points:" label and the list under it are left out; the closing "Action points"
 * heading and an "Annex" heading end the parts. `dropped` is every line placed in no part.
 */
export function splitReport(
  preamble: ExtractedLine[],
  body: ExtractedLine[],
  items: readonly ReportItemRef[],
): { parts: ReportPart[]; dropped: ExtractedLine[]; warnings: string[] } {
  const warnings = strayWarnings(preamble, body[0]);
  const parts: ReportPart[] = [];
  const dropped = [...preamble];
  const found = new Set<number>();
  // A heading that starts a part from here on: an item's not read yet (a repeated one is text).
  const isHeading = (line: ExtractedLine) => {
    const heading = readReportHeading(line, items, found);
    return heading !== null && 'item' in heading && !found.has(heading.item.itemId);
  };
  const where = (part: ReportPart) => (part.item ? `the conclusions of item ${part.item.number}` : 'the opening');
  let i = 0;
  for (; i < body.length; i += 1) {
    const line = body[i]!;
    const heading = readReportHeading(line, items, found);
    const current = parts.at(-1)!;
    if (heading && 'opening' in heading && parts.length === 0) parts.push({ item: null, lines: [] });
    else if (heading && 'item' in heading && !found.has(heading.item.itemId)) {
      const { item } = heading;
      found.add(item.itemId);
      parts.push({ item, lines: [] });
      let { title, written } = heading;
      for (; heading.typed && isWrappedOn(body[i + 1], title, item); i += 1) {
        const rest = lineText(body[i + 1]!).trim();
        [title, written] = [`${title} ${rest}`, `${written} ${rest}`];
        dropped.push(body[i + 1]!);
      }
      if (heading.typed && differsClearly(title, item.title))
        warnings.push(
          `The heading ${quoteStart(written)} reads differently from item ${item.number}'s title on the agenda, "${item.title}"; the text under it was read as that item's conclusions.`,
        );
    } else if (heading && ('item' in heading || 'unknownNumber' in heading)) {
      const why =
        'item' in heading ? `repeats item ${heading.item.number}'s` : 'has a number that is not on the agenda';
      warnings.push(
        `The heading ${quoteStart(heading.written)} ${why}; it was kept, with the text under it, in ${where(current)}.`,
      );
      current.lines.push({ heading: heading.written });
      continue;
    } else if (heading && 'annexHeading' in heading) break;
    else if (heading && 'actionPoints' in heading) {
      const end = actionPointsEnd(body, i, heading.hasColon, isHeading);
      if (end === null) break;
      dropped.push(...body.slice(i, end));
      i = end - 1;
      continue;
    } else {
      current.lines.push(line);
      continue;
    }
    dropped.push(line);
  }
  dropped.push(...body.slice(i));
  const missing = items.filter((item) => !found.has(item.itemId)).map((item) => item.number);
  if (missing.length > 0)
    warnings.push(
      `The file has no heading for agenda ${missing.length === 1 ? 'item' : 'items'} ${missing.join(', ')}; nothing was read for ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  return { parts, dropped, warnings };
}

const isWrappedOn = (next: ExtractedLine | undefined, title: string, item: ReportItemRef) =>
  typeof next === 'string' && continuesHeading(title, item.title, next);

/**
 * Where an item's "Action points:" label and the list (or table) under it end, or null when the
 * line is the closing "Action points" heading: no item heading follows it, and it has no colon
 * or stands over a table.
 */
function actionPointsEnd(
  body: ExtractedLine[],
  at: number,
  hasColon: boolean,
  isHeading: (line: ExtractedLine) => boolean,
): number | null {
  const next = body.slice(at + 1).find((line) => !isBlank(line));
  const isLast = !body.slice(at + 1).some(isHeading);
  if (isLast && (!hasColon || next === undefined || isRow(next))) return null;
  // A typed item wrapped onto indented lines, or blank lines between items, still belong to the list.
  const belongs = (line: ExtractedLine) =>
    next !== undefined && isRow(next)
      ? isRow(line)
      : isListItem(line) || (typeof line === 'string' && /^\s+\S/.test(line));
  let end = at + 1;
  for (let j = at + 1; j < body.length; j += 1) {
    const line = body[j]!;
    if (isHeading(line)) break;
    if (belongs(line)) end = j + 1;
    else if (!isBlank(line)) break;
  }
  return end;
}

/** Letterhead, reference, title block, co-chairs: short lines that end no sentence. */
const isTitleLine = (text: string) => wordsOf(text).length <= 12 && !/\p{Ll}{2}[.!?]$/u.test(text);

/** Text before the first heading that is none of what a report's top holds, quoted by its start. */
function strayWarnings(preamble: ExtractedLine[], first: ExtractedLine | undefined): string[] {
  if (first === undefined) return [];
  const stray = preamble
    .filter((line) => !isRow(line))
    .map((line) => foldSpaces(undecorate(lineText(line))))
    .filter((text) => text !== '' && !isTitleLine(text));
  if (stray.length === 0) return [];
  return [
    `Text before the heading ${quoteStart(undecorate(lineText(first)))} is not the letterhead, the title or the co-chairs; it was left out: ${quoteStart(stray.join(' '))}.`,
  ];
}
