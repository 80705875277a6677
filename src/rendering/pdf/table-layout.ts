import type { BlockView, InlineView } from '../views/note-view.js';
import type { BlockKind } from '../../domain/note-blocks.js';
import type { FontSet } from './fonts.js';
import { inlineRuns } from './inline-runs.js';
import type { BlockTag, StructContainer } from './page-drawing.js';
import type { Block } from './paginate.js';
import { BODY_LEADING, body, bold, PARAGRAPH_SPACE, TEXT_WIDTH } from './page-style.js';
import type { Run, TextStyle } from './styled-text.js';
import type { RowTag } from './table-drawing.js';
import { typesetParagraph, type Line, type ParagraphFormat } from './typeset.js';
import { measureWords } from './word-breaking.js';

/**
 * A table as the note prints it: the text width, ruled around every cell, the header row in bold.
 * Each row is one block kept together (it moves whole to the next page) whose lines hold the
 * cells side by side; body rows name the header row, which pagination repeats at the top of
 * every page the table runs on to. The one exception: a row taller than a page is cut where the
 * page is full (pagination places what fits on an empty page), as there is nowhere to move it.
 */

export type TableView = Extract<BlockView, { kind: typeof BlockKind.table }>;

/** Word's default cell margins: 0.19 cm left and right; a little air above and below the text. */
const PAD_X = 5.4;
const PAD_Y = 2;
/** No column narrower than half an inch, unless the table has more columns than that allows. */
const MIN_COLUMN = 36;

interface Measure {
  /** The cell's text on one line. */
  natural: number;
  /** Its longest word: a column narrower than that cuts the word. */
  longest: number;
}

function measure(f: FontSet, runs: Run[]): Measure {
  let natural = 0;
  let longest = 0;
  for (const word of measureWords(f, runs, Infinity)) {
    natural += word.width + word.spaceWidth;
    longest = Math.max(longest, word.width);
  }
  return { natural, longest };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Column widths filling `width`, a stable rule: when every cell fits on one line, columns are
 * proportional to their natural widths. Else a column whose text fits in an equal share of the
 * room keeps its natural width (a date stays on one line), again among the others until none
 * does; the others get their longest word each and share the room left in proportion to what
 * they still lack of their natural widths. When even their longest words do not fit, they are
 * proportional to those (and the words are cut).
 */
export function columnWidths(rows: Measure[][], columns: number, width: number): number[] {
  const floor = Math.min(MIN_COLUMN, width / columns);
  const widest = (pick: (m: Measure) => number) =>
    Array.from({ length: columns }, (_, c) =>
      Math.max(floor, 2 * PAD_X + Math.max(0, ...rows.map((row) => (row[c] ? pick(row[c]) : 0)))),
    );
  const natural = widest((m) => m.natural);
  const least = widest((m) => m.longest);
  if (sum(natural) <= width) return natural.map((n) => (n * width) / sum(natural));
  const widths = [...natural];
  let open = natural.map((_, c) => c);
  let room = width;
  for (;;) {
    const share = room / open.length;
    const fitting = open.filter((c) => natural[c]! <= share);
    if (fitting.length === 0) break;
    room -= sum(fitting.map((c) => natural[c]!));
    open = open.filter((c) => natural[c]! > share);
  }
  const needed = sum(open.map((c) => least[c]!));
  const lacking = sum(open.map((c) => natural[c]! - least[c]!));
  for (const c of open) {
    widths[c] =
      needed >= room
        ? (least[c]! * room) / needed
        : least[c]! + ((room - needed) * (natural[c]! - least[c]!)) / lacking;
  }
  return widths;
}

/** One row: its cells typeset in their columns, merged line by line into the row's lines. */
function rowLines(f: FontSet, cells: Run[][], style: TextStyle, edges: number[]): Line[] {
  const format = (c: number): ParagraphFormat => ({
    width: edges[c + 1]! - edges[c]! - 2 * PAD_X,
    align: 'left',
    leading: BODY_LEADING,
  });
  const typeset = cells.map((runs, c) => typesetParagraph(f, runs, format(c)));
  // Every cell of a row shares the row's baselines (an empty cell or a lone marker has none of its own).
  const baseline = typesetParagraph(f, [{ text: 'x', style }], format(0))[0]!.baseline;
  const count = Math.max(1, ...typeset.map((lines) => lines.length));
  const lines: Line[] = Array.from({ length: count }, (_, k) => ({
    segments: typeset.flatMap((lines, c) =>
      (lines[k]?.segments ?? []).map((segment) => ({ ...segment, x: segment.x + edges[c]! + PAD_X, cell: c })),
    ),
    extraPerSpace: 0,
    baseline,
    height: BODY_LEADING,
    footnotes: typeset.flatMap((lines) => lines[k]?.footnotes ?? []),
  }));
  lines[0]!.height += PAD_Y;
  lines[0]!.baseline += PAD_Y;
  lines.at(-1)!.height += PAD_Y;
  return lines;
}

/** The blocks of a table, one per row; `key` names it uniquely within its part (the tree's containers). */
export function tableBlocks(f: FontSet, table: TableView, key: string): Block<BlockTag>[] {
  const header = table.header.map((cell) => inlineRuns(cell, bold));
  const rows = table.rows.map((row) => row.map((cell: InlineView[]) => inlineRuns(cell, body)));
  const measures = [header, ...rows].map((row) => row.map((runs) => measure(f, runs)));
  const widths = columnWidths(measures, table.columns, TEXT_WIDTH);
  const edges = widths.reduce((at, w) => [...at, at.at(-1)! + w], [0]);
  const outer: StructContainer = { key, type: 'Table' };
  const rowTag = (cellType: RowTag['cellType']): RowTag => ({ table: key, cellType, edges });
  const blocks: Block<BlockTag>[] = [];
  let headerBlock: Block<BlockTag> | undefined;
  if (header.length > 0) {
    headerBlock = {
      lines: rowLines(f, header, bold, edges),
      spaceBefore: 0,
      spaceAfter: 0,
      indent: 0,
      keepTogether: true,
      keepWithNext: true,
      tag: { type: 'TR', path: [outer, { key: `${key}/head`, type: 'THead' }], row: rowTag('TH') },
    };
    blocks.push(headerBlock);
  }
  const path = headerBlock ? [outer, { key: `${key}/body`, type: 'TBody' }] : [outer];
  for (const row of rows) {
    blocks.push({
      lines: rowLines(f, row, body, edges),
      spaceBefore: 0,
      spaceAfter: 0,
      indent: 0,
      keepTogether: true,
      ...(headerBlock ? { header: headerBlock } : {}),
      tag: { type: 'TR', path, row: rowTag('TD') },
    });
  }
  blocks.at(-1)!.spaceAfter = PARAGRAPH_SPACE;
  return blocks;
}
