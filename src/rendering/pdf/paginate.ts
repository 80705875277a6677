import type { Line } from './typeset.js';

/**
 * Places typeset blocks on pages. Pure: it only counts heights. The rules:
 * - a footnote sits at the foot of the page that holds its marker, so a line comes with the
 *   height of the footnotes it brings;
 * - a heading (`keepWithNext`) stays with the first two lines of what follows (no orphaned
 *   headings);
 * - a paragraph leaves at least two lines at the bottom of a page and carries at least two
 *   to the next (no single orphan or widow line);
 * - `keepTogether` blocks move whole (a table row), and a heading kept with such a block (a
 *   table's header row) needs all of it below; `pageBreakBefore` starts a page;
 * - a block with a `header` (a table's body row) that starts a page, or runs on to it, has that
 *   header's lines placed above it again (`repeated`: drawn, but read and footnoted only once);
 * - a footnote taller than half a page (a note of one endless word) starts with its first lines
 *   under its marker, fills what is left of the page and runs on at the foot of the next pages,
 *   so that no line is ever drawn off the page.
 */

export interface Block<Tag> {
  lines: Line[];
  spaceBefore: number;
  spaceAfter: number;
  /** Left offset of the block inside the text area. */
  indent: number;
  keepWithNext?: boolean;
  keepTogether?: boolean;
  pageBreakBefore?: boolean;
  /** A block of the same list (a table's header row) repeated above this one at the top of a page. */
  header?: Block<Tag>;
  /** What the writer needs to draw and tag the block; pagination only passes it on. */
  tag: Tag;
}

export interface FootnoteArea {
  /** Footnote number -> its typeset lines. */
  notes: ReadonlyMap<number, Line[]>;
  /** Space between the body and the notes, the separator rule included. */
  separator: number;
  /** Space between two notes. */
  between: number;
}

export interface PageFrame {
  top: number;
  /** The lowest y the body (and the footnotes) may reach. */
  bottom: number;
}

export interface PlacedLine {
  block: number;
  line: number;
  /** Top of the line box. */
  y: number;
  /** A line of a table header repeated on a continuation page. */
  repeated?: boolean;
}

/** The lines `from` to `to` (excluded) of footnote `number` placed at the foot of a page. */
export interface FootnoteSlice {
  number: number;
  from: number;
  to: number;
}

export interface LaidOutPage {
  lines: PlacedLine[];
  footnotes: FootnoteSlice[];
}

const MIN_LINES = 2;

const linesHeight = (lines: readonly Line[], from = 0, to = lines.length) => {
  let height = 0;
  for (let i = from; i < to; i++) height += lines[i]!.height;
  return height;
};

/** Height of the footnote area holding these slices (0 for none). */
export function footnoteHeight(area: FootnoteArea, slices: readonly FootnoteSlice[]): number {
  if (slices.length === 0) return 0;
  const lines = slices.reduce((sum, s) => sum + linesHeight(area.notes.get(s.number) ?? [], s.from, s.to), 0);
  return area.separator + lines + area.between * (slices.length - 1);
}

export function paginate<Tag>(blocks: Block<Tag>[], frame: PageFrame, area: FootnoteArea): LaidOutPage[] {
  const pages: LaidOutPage[] = [];
  let page: LaidOutPage = { lines: [], footnotes: [] };
  let y = frame.top;
  const indexOf = new Map(blocks.map((block, index) => [block, index]));
  /**
   * A page holding only a repeated table header is empty: what follows it must be placed. A
   * header is repeated only at the top of a page, so the last line tells.
   */
  const isEmpty = () => page.lines.length === 0 || page.lines.at(-1)!.repeated === true;
  const noteLines = (n: number) => area.notes.get(n) ?? [];
  const isTall = (n: number) => linesHeight(noteLines(n)) > (frame.bottom - frame.top) / 2;
  /** What a note needs under its marker: all of it, or the first lines of a tall one. */
  const firstSlice = (n: number): FootnoteSlice => {
    const count = noteLines(n).length;
    return { number: n, from: 0, to: isTall(n) ? Math.min(MIN_LINES, count) : count };
  };
  const withNote = (slices: FootnoteSlice[], n: number) => {
    if (!slices.some((s) => s.number === n)) slices.push(firstSlice(n));
  };

  /** Gives the unfinished tall notes the room left on the page; returns what runs on. */
  const fillFootnotes = (): FootnoteSlice[] => {
    let free = frame.bottom - y - footnoteHeight(area, page.footnotes);
    const runOn: FootnoteSlice[] = [];
    for (const slice of page.footnotes) {
      const lines = noteLines(slice.number);
      while (slice.to < lines.length && lines[slice.to]!.height <= free + 0.01) free -= lines[slice.to++]!.height;
      if (slice.to < lines.length) {
        runOn.push({ number: slice.number, from: slice.to, to: Math.min(slice.to + MIN_LINES, lines.length) });
      }
    }
    return runOn;
  };

  const newPage = () => {
    const runOn = fillFootnotes();
    pages.push(page);
    page = { lines: [], footnotes: runOn };
    y = frame.top;
  };

  /** How many lines of `block`, from `from`, fit below `top` with the footnotes they bring. */
  const fitCount = (block: Block<Tag>, from: number, top: number, extraNotes: number[] = []): number => {
    const slices = page.footnotes.map((s) => ({ ...s }));
    for (const n of extraNotes) withNote(slices, n);
    let height = 0;
    let count = 0;
    for (let i = from; i < block.lines.length; i++) {
      const line = block.lines[i]!;
      for (const n of line.footnotes) withNote(slices, n);
      height += line.height;
      if (top + height > frame.bottom - footnoteHeight(area, slices) + 0.01) break;
      count++;
    }
    return count;
  };

  const place = (index: number, from: number, to: number) => {
    const block = blocks[index]!;
    for (let i = from; i < to; i++) {
      const line = block.lines[i]!;
      page.lines.push({ block: index, line: i, y });
      y += line.height;
      for (const n of line.footnotes) withNote(page.footnotes, n);
    }
  };

  /** A block kept together that no page can hold (a table row longer than a page) is cut as a paragraph is. */
  const keptWhole = (block: Block<Tag>) =>
    block.keepTogether && linesHeight(block.lines) + linesHeight(block.header?.lines ?? []) <= frame.bottom - frame.top;

  /**
   * A heading must fit together with the first lines of the block after it; with all of it when
   * that block is kept whole or kept with the next in turn (a heading above a table's header row
   * above its first row).
   */
  const fitsWithNext = (index: number, top: number, notes: number[] = []): boolean => {
    const block = blocks[index]!;
    const next = blocks[index + 1];
    if (!block.keepWithNext || !next || next.lines.length === 0) return true;
    const withNotes = [...notes, ...block.lines.flatMap((l) => l.footnotes)];
    const afterBlock = top + linesHeight(block.lines) + block.spaceAfter + next.spaceBefore;
    const fit = fitCount(next, 0, afterBlock, withNotes);
    if (keptWhole(next) || next.keepWithNext) {
      return fit >= next.lines.length && fitsWithNext(index + 1, afterBlock, withNotes);
    }
    return fit >= Math.min(MIN_LINES, next.lines.length);
  };

  /** A table's header row again at the top of a page its rows run on to; its notes are already placed. */
  const repeat = (header: Block<Tag>) => {
    const block = indexOf.get(header)!;
    header.lines.forEach((line, i) => {
      page.lines.push({ block, line: i, y, repeated: true });
      y += line.height;
    });
  };

  blocks.forEach((block, index) => {
    if (block.pageBreakBefore && !isEmpty()) newPage();
    let from = 0;
    while (from < block.lines.length) {
      if (block.header && page.lines.length === 0) repeat(block.header);
      const top = y + (from === 0 && !isEmpty() ? block.spaceBefore : 0);
      const remaining = block.lines.length - from;
      const fit = fitCount(block, from, top);
      if (fit >= remaining && (isEmpty() || fitsWithNext(index, top))) {
        y = top;
        place(index, from, block.lines.length);
        break;
      }
      let take = Math.min(fit, remaining);
      if (take >= remaining || keptWhole(block) || block.keepWithNext) take = 0;
      const minFirst = from === 0 ? Math.min(MIN_LINES, remaining) : 1;
      if (take > 0 && remaining - take < MIN_LINES) take = remaining - MIN_LINES;
      if (take < minFirst) take = 0;
      if (take === 0) {
        if (!isEmpty()) {
          newPage();
          continue;
        }
        // Nothing fits even on an empty page (a giant footnote): place what we must, move on.
        take = Math.max(1, Math.min(fit, remaining));
      }
      y = top;
      place(index, from, from + take);
      from += take;
      if (from < block.lines.length) newPage();
    }
    y += block.spaceAfter;
  });
  // What is left of a tall note runs on over pages of its own.
  while (fillFootnotes().length > 0) newPage();
  pages.push(page);
  return pages;
}
