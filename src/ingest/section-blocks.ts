import { BlockKind, type Block, type Cell, type ListBlock, type TableBlock } from '../domain/note-blocks.js';
import { isListLine, type ExtractedLine, type ListLine, type RowLine } from './extracted-text.js';
import type { IngestWarning } from './ingest-warnings.js';
import { toRuns } from './inline-runs.js';
import { rejoinParagraphs } from './rejoin-paragraphs.js';
import { foldSpaces } from '../domain/note-blocks.js';

export interface BlockContext {
  wrapped: boolean;
  blankLineEndsParagraph: boolean;
  /** The longest plain line of the draft's sections: a much shorter line ends a paragraph. */
  measure: number;
  footnoteCount: number;
  warnings: IngestWarning[];
}

const isList = isListLine;
const isRow = (line: ExtractedLine): line is RowLine => typeof line !== 'string' && 'cells' in line;

/**
 * A section's lines as blocks: runs of plain lines become paragraphs (rejoined when the draft was
 * hard-wrapped), consecutive list lines one list, consecutive rows of one table one table. A
 * heading-styled line that heads no section is a paragraph of its own.
 */
export function buildBlocks(lines: ExtractedLine[], context: BlockContext): Block[] {
  const blocks: Block[] = [];
  const runsOf = (text: string) => toRuns(foldSpaces(text), context.footnoteCount, context.warnings);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (typeof line === 'string') {
      const plain: string[] = [];
      for (; i < lines.length && typeof lines[i] === 'string'; i += 1) plain.push(lines[i] as string);
      const paragraphs = context.wrapped
        ? rejoinParagraphs(plain, context.measure, context.blankLineEndsParagraph)
        : plain.map((l) => l.trim()).filter((l) => l !== '');
      blocks.push(...paragraphs.map(runsOf));
    } else if (isList(line)) {
      const items: ListLine[] = [];
      // A level-0 item of another style starts another list: bullets, then a numbered list.
      for (; i < lines.length && isList(lines[i]!); i += 1) {
        const next = lines[i] as ListLine;
        if (items.length > 0 && next.level === 0 && next.list !== items[0]!.list) break;
        items.push(next);
      }
      blocks.push(listBlock(items, runsOf));
    } else if (isRow(line)) {
      const rows: RowLine[] = [];
      for (; i < lines.length && isRow(lines[i]!) && (lines[i] as RowLine).table === line.table; i += 1)
        rows.push(lines[i] as RowLine);
      blocks.push(tableBlock(rows, runsOf));
    } else {
      blocks.push(runsOf(line.heading));
      i += 1;
    }
  }
  return blocks.filter((block) => !Array.isArray(block) || block.length > 0);
}

/** Level 0 makes an item; a deeper line goes to the previous item's sublist, or is an item when there is none. */
function listBlock(lines: ListLine[], runsOf: (text: string) => Cell): ListBlock {
  const list: ListBlock = { block: BlockKind.list, style: lines[0]!.list, items: [] };
  for (const line of lines) {
    const parent = list.items.at(-1);
    if (line.level === 0 || !parent) {
      list.items.push({ runs: runsOf(line.text) });
      continue;
    }
    parent.sublist ??= { style: line.list, items: [] };
    parent.sublist.items.push({ runs: runsOf(line.text) });
  }
  return list;
}

/** The first row the file marks as a header is the header; any later one is an ordinary row. */
function tableBlock(lines: RowLine[], runsOf: (text: string) => Cell): TableBlock {
  const headerAt = lines.findIndex((row) => row.header);
  const cells = (row: RowLine) => row.cells.map(runsOf);
  return {
    block: BlockKind.table,
    header: headerAt >= 0 ? cells(lines[headerAt]!) : [],
    rows: lines.filter((_, i) => i !== headerAt).map(cells),
  };
}
