import type { LaidOutPage } from './paginate.js';
import type { Part } from './page-drawing.js';
import { MARGIN } from './page-style.js';
import { elementOf, type DrawState } from './part-structure.js';
import type { PdfWriter, StructElement } from './pdf-writer.js';
import type { Line } from './typeset.js';

/**
 * Drawing a table row (laid out by table-layout.ts): thin rules around every cell, as artifacts,
 * and each cell's text tagged `TH` or `TD` under the row's `TR`. A header row repeated on a
 * continuation page is drawn as an artifact: a screen reader reads it once, where it stands first.
 */

export interface RowTag {
  /** Names the table within its part: rows of one table share their rules. */
  table: string;
  cellType: 'TH' | 'TD';
  /** x of each column boundary from the block's left edge, first and last included. */
  edges: number[];
}

const RULE_WIDTH = 0.5;

function drawRowRules(
  writer: PdfWriter,
  row: RowTag,
  at: { x: number; y: number; height: number; top: boolean; bottom: boolean },
): void {
  const { x, y, height } = at;
  const [left, right] = [x + row.edges[0]!, x + row.edges.at(-1)!];
  writer.artifact('Layout', () => {
    for (const edge of row.edges) writer.rule(x + edge, y, x + edge, y + height, { width: RULE_WIDTH });
    if (at.top) writer.rule(left, y, right, y, { width: RULE_WIDTH });
    if (at.bottom) writer.rule(left, y + height, right, y + height, { width: RULE_WIDTH });
  });
}

function drawRepeatedLine(writer: PdfWriter, line: Line, x: number, y: number): void {
  writer.artifact('Pagination', () => {
    for (const segment of line.segments) writer.text(segment, x + segment.x, y + line.baseline, line.extraPerSpace);
  });
}

/** Each cell's segments of a row's line, under the cell's element. */
function drawCells(
  writer: PdfWriter,
  line: Line,
  at: { x: number; y: number; cells: StructElement[]; type: string },
  onFootnote: (cell: StructElement, n: number) => void,
): void {
  at.cells.forEach((element, column) => {
    const segments = line.segments.filter((segment) => segment.cell === column);
    if (segments.length === 0) return;
    writer.line({ ...line, segments }, at.x, at.y, {
      element,
      type: at.type,
      onFootnote: (n) => onFootnote(element, n),
    });
  });
}

/** A line of a table row: its rules, then each cell's text under the cell's element. */
export function drawRowLine(
  writer: PdfWriter,
  part: Part,
  at: { page: LaidOutPage; index: number; parent: StructElement; state: DrawState },
): void {
  const { page, index, state } = at;
  const placed = page.lines[index]!;
  const block = part.blocks[placed.block]!;
  const line = block.lines[placed.line]!;
  const row = block.tag.row!;
  const [before, after] = [page.lines[index - 1], page.lines[index + 1]];
  const x = MARGIN + block.indent;
  drawRowRules(writer, row, {
    x,
    y: placed.y,
    height: line.height,
    top: !before || part.blocks[before.block]!.tag.row?.table !== row.table,
    bottom: !after || after.block !== placed.block || after.repeated !== placed.repeated,
  });
  if (placed.repeated) return drawRepeatedLine(writer, line, x, placed.y);
  const element = elementOf(writer, part, placed.block, at.parent, state);
  drawCells(writer, line, { x, y: placed.y, cells: state.cells.get(placed.block)!, type: row.cellType }, (cell, n) => {
    writer.closeMark();
    // The row, not the cell, waits for a note that runs on: ending the row ends its cells.
    state.notes.set(n, { note: writer.element('Note', cell), parent: element });
  });
  if (placed.line === block.lines.length - 1) state.finished.push(element);
}
