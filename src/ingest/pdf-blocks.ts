import type { ExtractedLine, IngestWarning, RowLine } from './extracted-text.js';
import { IngestWarningCode } from './ingest-warnings.js';
import { itemX, lineGroups, type BodyLine } from './pdf-lines.js';
import { listMarkerOf, readList } from './pdf-lists.js';
import type { PageMarks } from './pdf-page-marks.js';
import { readTable } from './pdf-tables.js';

/**
 * The body of a PDF page as structured lines: bulleted and numbered items (by their markers and
 * indents) as list lines, text in aligned columns as table rows, the rest as plain lines (a
 * paragraph gap as an empty one). Tables that do not line up stay text, with a warning.
 */

/** The body's left margin: the leftmost start shared by two lines that do not begin with a list marker. */
function bodyMargin(body: BodyLine[]): number {
  const starts = body
    .filter((entry) => !listMarkerOf(entry, -Infinity))
    .map((entry) => Math.round(itemX(entry.line.items[0]!)));
  const counts = new Map<number, number>();
  for (const x of starts) counts.set(x, (counts.get(x) ?? 0) + 1);
  const shared = [...counts].filter(([, count]) => count >= 2).map(([x]) => x);
  return Math.min(...(shared.length > 0 ? shared : starts));
}

export interface PageBlocks {
  lines: ExtractedLine[];
  warnings: IngestWarning[];
}

export async function readPageBlocks(
  body: (BodyLine | null)[],
  page: { number: number; marks: () => Promise<PageMarks>; tables: { count: number } },
): Promise<PageBlocks> {
  const lines: ExtractedLine[] = [];
  const warnings: IngestWarning[] = [];
  const present = body.filter((entry): entry is BodyLine => entry !== null);
  if (present.length === 0) return { lines: body.map(() => ''), warnings };
  const margin = bodyMargin(present);
  const isMarker = (entry: BodyLine) => listMarkerOf(entry, margin) !== null;
  // Fonts and rules cost the page's drawing operations: read only where a table may be.
  const mayHoldTable = present.some((entry) => !isMarker(entry) && lineGroups(entry.line).length >= 2);
  const marks = mayHoldTable ? await page.marks() : undefined;
  for (let i = 0; i < body.length;) {
    const entry = body[i];
    if (!entry) {
      lines.push('');
      i += 1;
      continue;
    }
    if (isMarker(entry)) {
      const list = readList(body, i, margin);
      lines.push(...list.lines);
      i += list.consumed;
      continue;
    }
    const table = mayHoldTable ? readTable(body, i, { isMarker, marks }) : null;
    if (!table) {
      lines.push(entry.text);
      i += 1;
      continue;
    }
    const taken = body.slice(i, i + table.consumed);
    i += table.consumed;
    if (table.rows) {
      page.tables.count += 1;
      lines.push(...table.rows.map((row) => ({ table: page.tables.count, ...row })));
      continue;
    }
    lines.push(...taken.map((e) => e?.text ?? ''));
    if (!table.unclear) continue;
    const message = `A table on page ${page.number} could not be read as a table; its text was kept as paragraphs.`;
    if (!warnings.some((w) => w.message === message))
      warnings.push({ code: IngestWarningCode.tableAsParagraphs, message });
  }
  return { lines, warnings };
}

const isRow = (line: ExtractedLine | undefined): line is RowLine => typeof line === 'object' && 'cells' in line;
const sameCells = (a: string[], b: string[]) => a.length === b.length && a.every((cell, i) => cell === b[i]);

/**
 * Appends a page's lines to the body. A table that goes on over a page break (its header row
 * printed again on the new page) stays one table: the repeated header is dropped.
 */
export function appendPage(body: ExtractedLine[], page: ExtractedLine[]): void {
  const last = body.findLast((line) => line !== '');
  const first = page.findIndex((line) => line !== '');
  const opening = page[first];
  if (isRow(last) && isRow(opening) && opening.header) {
    const header = body.find((line) => isRow(line) && line.table === last.table && line.header) as RowLine | undefined;
    if (header && sameCells(header.cells, opening.cells)) {
      const continued = opening.table;
      const rest = page
        .slice(first + 1)
        .map((line) => (isRow(line) && line.table === continued ? { ...line, table: last.table } : line));
      while (body.at(-1) === '') body.pop();
      body.push(...rest);
      return;
    }
  }
  body.push(...page);
}
