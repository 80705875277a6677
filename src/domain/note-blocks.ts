import { Errors } from './errors.js';
import { named } from './words.js';

/**
 * The blocks a section of a cover note is made of. A paragraph is a list of inline runs (text,
 * optionally a link, and footnote markers) and is stored as that bare list, as it was before
 * lists and tables existed: a note of paragraphs keeps its JSON, and so its content hash. A list
 * or a table is an object that names its kind in `block`.
 */
export type TextRun = { text: string; href?: string };
export type FootnoteMarker = { footnote: number };
export type Inline = TextRun | FootnoteMarker;
export type Paragraph = Inline[];

export const BLOCK_KINDS = ['paragraph', 'list', 'table'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
export const BlockKind = named(BLOCK_KINDS);

/** How a list marks its items: a bullet, or a number counted from 1. */
export const LIST_STYLES = ['bullet', 'number'] as const;
export type ListStyle = (typeof LIST_STYLES)[number];
export const ListStyle = named(LIST_STYLES);

/** A list nested in an item: one level only, as cover notes use them (and Word's second level). */
export interface SubList {
  style: ListStyle;
  items: { runs: Inline[] }[];
}
export interface ListItem {
  runs: Inline[];
  sublist?: SubList;
}
export interface ListBlock {
  block: typeof BlockKind.list;
  style: ListStyle;
  items: ListItem[];
}
/** A cell is a run list, like a paragraph. `header` is the header row, empty when the table has none. */
export type Cell = Inline[];
export interface TableBlock {
  block: typeof BlockKind.table;
  header: Cell[];
  rows: Cell[][];
}
export type Block = Paragraph | ListBlock | TableBlock;

/** What a client may send for each: plain text wherever runs are expected. */
export type RunsInput = string | Inline[];
type SubItemInput = RunsInput | { runs: RunsInput };
export type ListItemInput = RunsInput | { runs: RunsInput; sublist?: { style: ListStyle; items: SubItemInput[] } };
export type BlockInput =
  | RunsInput
  | { block: typeof BlockKind.list; style: ListStyle; items: ListItemInput[] }
  | { block: typeof BlockKind.table; header?: RunsInput[]; rows: RunsInput[][] };

export function isFootnoteMarker(inline: Inline): inline is FootnoteMarker {
  return 'footnote' in inline;
}

export function isParagraph(block: Block): block is Paragraph {
  return Array.isArray(block);
}

export function kindOf(block: Block): BlockKind {
  return isParagraph(block) ? BlockKind.paragraph : block.block;
}

/** Every run list of a block in reading order: a paragraph, each item then its sub-items, each cell row by row. */
export function runListsOf(block: Block): Inline[][] {
  if (isParagraph(block)) return [block];
  if (block.block === BlockKind.list) {
    return block.items.flatMap((item) => [item.runs, ...(item.sublist?.items.map((sub) => sub.runs) ?? [])]);
  }
  return [...block.header, ...block.rows.flat()];
}

/** Runs as plain text, footnote markers left out. */
export function paragraphText(runs: Inline[]): string {
  return runs.map((run) => (isFootnoteMarker(run) ? '' : run.text)).join('');
}

/** Every run of whitespace as one space: how typed and extracted text is compared and stored. */
export const collapseSpaces = (s: string) => s.replace(/\s+/g, ' ');
/** Whitespace folded and the ends trimmed: one line of text as a reader sees it. */
export const foldSpaces = (s: string) => collapseSpaces(s).trim();

/** Whitespace folded, adjacent plain runs merged (two spellings of a paragraph hash the same), empty runs gone. */
export function normaliseRuns(input: RunsInput): Inline[] {
  const runs: Inline[] = typeof input === 'string' ? [{ text: input }] : input;
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (isFootnoteMarker(run)) out.push({ footnote: run.footnote });
    else if (last && !isFootnoteMarker(last) && !last.href && !run.href) last.text += run.text;
    else out.push(run.href ? { text: run.text, href: run.href } : { text: run.text });
  }
  out.forEach((run, i) => {
    if (isFootnoteMarker(run)) return;
    run.text = collapseSpaces(run.text);
    if (i === 0) run.text = run.text.trimStart();
    if (i === out.length - 1) run.text = run.text.trimEnd();
  });
  return out.filter((run) => isFootnoteMarker(run) || run.text !== '');
}

function normaliseItem(input: ListItemInput): ListItem {
  if (typeof input === 'string' || Array.isArray(input)) return { runs: normaliseRuns(input) };
  const runs = normaliseRuns(input.runs);
  const items = (input.sublist?.items ?? [])
    .map((sub) => ({ runs: normaliseRuns(typeof sub === 'string' || Array.isArray(sub) ? sub : sub.runs) }))
    .filter((sub) => sub.runs.length > 0);
  return items.length > 0 ? { runs, sublist: { style: input.sublist!.style, items } } : { runs };
}

/**
 * One block in its one stored spelling (fixed key order: the content hash is of the JSON), or
 * null when nothing of it is left: an empty paragraph, a list without items, a table without text.
 */
export function normaliseBlock(input: BlockInput): Block | null {
  if (typeof input === 'string' || Array.isArray(input)) {
    const runs = normaliseRuns(input);
    return runs.length > 0 ? runs : null;
  }
  if (input.block === BlockKind.list) {
    const items = input.items.map(normaliseItem).filter((item) => item.runs.length > 0 || item.sublist);
    return items.length > 0 ? { block: BlockKind.list, style: input.style, items } : null;
  }
  const header = (input.header ?? []).map(normaliseRuns);
  const rows = input.rows.map((row) => row.map(normaliseRuns)).filter((row) => row.some((cell) => cell.length > 0));
  const hasHeader = header.some((cell) => cell.length > 0);
  // A blank header row is dropped, so it does not widen the table either.
  const width = Math.max(hasHeader ? header.length : 0, ...rows.map((row) => row.length));
  // A short row is padded with empty cells: a table is a grid, so the PDF and .docx can rule it.
  const pad = (row: Cell[]) => [...row, ...Array.from({ length: width - row.length }, (): Cell => [])];
  if (rows.length === 0 && !hasHeader) return null;
  if (width > MAX_TABLE_COLUMNS)
    throw Errors.invalid(`A table has ${width} columns; a cover note's table has at most ${MAX_TABLE_COLUMNS}.`);
  return { block: BlockKind.table, header: hasHeader ? pad(header) : [], rows: rows.map(pad) };
}

/** Wider tables do not fit an A4 page in the note's type; they belong in an annex. */
export const MAX_TABLE_COLUMNS = 8;

/** An item's marker as printed: `•` or `1.`; in a nested list `–` or `a)` (Word's second level). */
export function listMarker(style: ListStyle, index: number, nested: boolean): string {
  if (style === ListStyle.bullet) return nested ? '–' : '•';
  return nested ? `${String.fromCharCode(97 + (index % 26))})` : `${index + 1}.`;
}

/**
 * A block as plain-text lines, as a reader of a text e-mail or a diff sees it: list items after
 * a bullet or their number (a nested item indented, lettered when numbered), a table row by row
 * with its cells between `|`. `runText` spells one run list (footnote markers as the caller wants).
 */
export function blockLines(block: Block, runText: (runs: Inline[]) => string): string[] {
  if (isParagraph(block)) return [runText(block)];
  if (block.block === BlockKind.list) {
    return block.items.flatMap((item, i) => [
      `${listMarker(block.style, i, false)} ${runText(item.runs)}`,
      ...(item.sublist?.items.map((sub, j) => `    ${listMarker(item.sublist!.style, j, true)} ${runText(sub.runs)}`) ??
        []),
    ]);
  }
  const row = (cells: Cell[]) => `| ${cells.map(runText).join(' | ')} |`;
  return [...(block.header.length > 0 ? [row(block.header)] : []), ...block.rows.map(row)];
}
