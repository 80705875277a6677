import type { ConclusionsInput } from '../domain/meeting-record.js';
import { type ExtractedLine, type ExtractedText } from './extracted-text.js';
import { citedFootnotes, keepFootnotes, takeFootnotes, toFootnote, uncitedFootnoteWarnings } from './footnote-area.js';
import type { IngestWarning } from './ingest-warnings.js';
import { longestLine } from './rejoin-paragraphs.js';
import { buildBlocks } from './section-blocks.js';
import { splitReport } from './summary-report-parts.js';
import { readReportHeading, startsPart, type ReportItemRef } from './summary-report-headings.js';

export type { ReportItemRef } from './summary-report-headings.js';

export interface ParsedSummaryReport {
  /** What was said under "Opening and approval of agenda" (may be empty). */
  opening: ConclusionsInput;
  /** One entry per agenda item whose heading was found, in the document's order. */
  items: { itemId: number; conclusions: ConclusionsInput }[];
  /**
   * Plain-language warnings: what was read otherwise than the page shows, or left out (item
   * headings not on the agenda, agenda items without a heading, text before the opening...).
   */
  warnings: string[];
}

/**
 * Turns an uploaded summary report (any draft format, as `readDraft` extracts it) into the
 * report's editable parts: what was said at the opening and under each agenda item. The title
 * block, the co-chairs, each item's "Action points:" list, the closing action points and the
 * annex are left out: they are printed from the meeting's record, not from this text. Each
 * part's footnotes are numbered from 1, as the record keeps them. Pure: text in, parts out.
 */
export function parseSummaryReport(extracted: ExtractedText, items: readonly ReportItemRef[]): ParsedSummaryReport {
  const warnings: IngestWarning[] = [...(extracted.warnings ?? [])];
  const lines = extracted.lines.map((line) => (typeof line === 'string' ? line.replace(/\r$/, '') : line));
  const start = lines.findIndex((line) => startsPart(readReportHeading(line, items, new Set())));
  const { body, footnotes: noteTexts } =
    start < 0 ? { body: [], footnotes: [] } : takeFootnotes(lines.slice(start), extracted.footnotes, warnings);
  const split = splitReport(start < 0 ? lines : lines.slice(0, start), body, items);
  const messages = [...warnings.map((w) => w.message), ...split.warnings];
  if (start < 0) {
    messages.push('Neither "Opening and approval of agenda" nor the heading of any agenda item was found in the file.');
  }

  const blockWarnings: IngestWarning[] = [];
  const plainLines = split.parts.flatMap((part) => part.lines).filter((line) => typeof line === 'string');
  const context = {
    wrapped: extracted.wrapped,
    blankLineEndsParagraph: extracted.blankLineEndsParagraph === true,
    measure: Math.max(1, longestLine(plainLines)),
    footnoteCount: noteTexts.length,
    warnings: blockWarnings,
  };
  const footnotes = noteTexts.map(toFootnote);
  const cited = new Set<number>();
  const conclusionsOf = (lines: ExtractedLine[]): ConclusionsInput => {
    const blocks = buildBlocks(lines, context);
    const own = citedFootnotes(blocks);
    own.forEach((n) => cited.add(n));
    return keepFootnotes(blocks, footnotes, own);
  };
  const opening = split.parts.find((part) => part.item === null);
  const parsed = {
    opening: conclusionsOf(opening?.lines ?? []),
    items: split.parts.flatMap((part) =>
      part.item ? [{ itemId: part.item.itemId, conclusions: conclusionsOf(part.lines) }] : [],
    ),
  };
  // What the dropped lines cite (the action points, the annex) was left out with them, knowingly.
  citedFootnotes(buildBlocks(split.dropped, { ...context, warnings: [] })).forEach((n) => cited.add(n));
  blockWarnings.push(...uncitedFootnoteWarnings(footnotes, cited));
  return { ...parsed, warnings: [...messages, ...blockWarnings.map((w) => w.message)] };
}
