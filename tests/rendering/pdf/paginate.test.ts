import t from 'tap';
import {
  footnoteHeight,
  paginate,
  type Block,
  type FootnoteArea,
  type LaidOutPage,
} from '../../../src/rendering/pdf/paginate.js';
import type { Line } from '../../../src/rendering/pdf/typeset.js';

/**
 * Pagination counts heights only, so these pages are made of 10 pt lines in a body 100 pt tall
 * (ten lines a page); `B2.0@30` below reads "block 2, line 0, its top at y = 30".
 */

const FRAME = { top: 0, bottom: 100 };

/** `count` lines 10 pt high; `footnotes[i]` lists the footnotes whose markers are on line i. */
function lines(count: number, footnotes: Record<number, number[]> = {}): Line[] {
  return Array.from({ length: count }, (_, i) => ({
    segments: [],
    extraPerSpace: 0,
    baseline: 8,
    height: 10,
    footnotes: footnotes[i] ?? [],
  }));
}

function block(count: number, options: Partial<Block<null>> & { footnotes?: Record<number, number[]> } = {}) {
  const { footnotes, ...rest } = options;
  return { lines: lines(count, footnotes), spaceBefore: 0, spaceAfter: 0, indent: 0, tag: null, ...rest };
}

/** Footnotes of `n` lines each; 10 pt above the notes for the rule, 2 pt between two notes. */
const area = (notes: Record<number, number> = {}): FootnoteArea => ({
  notes: new Map(Object.entries(notes).map(([n, count]) => [Number(n), lines(count)])),
  separator: 10,
  between: 2,
});

/** Each page as its placed lines and its footnote slices. */
const shown = (pages: LaidOutPage[]) =>
  pages.map((page) => ({
    lines: page.lines.map((l) => `B${l.block}.${l.line}@${l.y}`),
    notes: page.footnotes.map((s) => `${s.number}:${s.from}-${s.to}`),
  }));

const range = (blockIndex: number, from: number, to: number, top = 0) =>
  Array.from({ length: to - from }, (_, i) => `B${blockIndex}.${from + i}@${top + i * 10}`);

t.test('a block taller than a page runs on over the next pages', async (t) => {
  t.same(shown(paginate([block(25)], FRAME, area())), [
    { lines: range(0, 0, 10), notes: [] },
    { lines: range(0, 10, 20), notes: [] },
    { lines: range(0, 20, 25), notes: [] },
  ]);
});

t.test('a paragraph leaves no single line at the top of the next page (no widow)', async (t) => {
  t.same(shown(paginate([block(11)], FRAME, area())), [
    { lines: range(0, 0, 9), notes: [] },
    { lines: range(0, 9, 11), notes: [] },
  ]);
});

t.test('a paragraph with room for one line only starts on the next page (no orphan)', async (t) => {
  t.same(shown(paginate([block(9), block(5)], FRAME, area())), [
    { lines: range(0, 0, 9), notes: [] },
    { lines: range(1, 0, 5), notes: [] },
  ]);
});

t.test('space before a block is kept inside a page and dropped at the top of one', async (t) => {
  const blocks = [block(2, { spaceAfter: 5 }), block(2, { spaceBefore: 6 }), block(8, { spaceBefore: 6 })];
  t.same(shown(paginate(blocks, FRAME, area())), [
    { lines: ['B0.0@0', 'B0.1@10', 'B1.0@31', 'B1.1@41', 'B2.0@57', 'B2.1@67', 'B2.2@77', 'B2.3@87'], notes: [] },
    { lines: range(2, 4, 8), notes: [] },
  ]);
});

t.test('a heading moves to the next page rather than end one without two lines of its text', async (t) => {
  const blocks = [block(8), block(1, { keepWithNext: true }), block(3)];
  t.same(shown(paginate(blocks, FRAME, area())), [
    { lines: range(0, 0, 8), notes: [] },
    { lines: ['B1.0@0', 'B2.0@10', 'B2.1@20', 'B2.2@30'], notes: [] },
  ]);
});

t.test('a paragraph that does not fit with its footnote moves to the next page with it', async (t) => {
  const blocks = [block(7), block(2, { footnotes: { 0: [1] } })];
  t.same(shown(paginate(blocks, FRAME, area({ 1: 2 }))), [
    { lines: range(0, 0, 7), notes: [] },
    { lines: ['B1.0@0', 'B1.1@10'], notes: ['1:0-2'] },
  ]);
  t.same(
    shown(paginate([block(7), block(2)], FRAME, area())),
    [{ lines: [...range(0, 0, 7), 'B1.0@70', 'B1.1@80'], notes: [] }],
    'without the footnote it fits',
  );
});

t.test('the page breaks early enough for a footnote to sit under its marker', async (t) => {
  const blocks = [block(12, { footnotes: { 5: [1] } })];
  t.same(shown(paginate(blocks, FRAME, area({ 1: 1 }))), [
    { lines: range(0, 0, 8), notes: ['1:0-1'] },
    { lines: range(0, 8, 12), notes: [] },
  ]);
});

t.test('two footnotes on one page are both at its foot', async (t) => {
  const blocks = [block(4, { footnotes: { 0: [1], 3: [2] } })];
  const pages = paginate(blocks, FRAME, area({ 1: 1, 2: 2 }));
  t.same(shown(pages), [{ lines: range(0, 0, 4), notes: ['1:0-1', '2:0-2'] }]);
  t.equal(footnoteHeight(area({ 1: 1, 2: 2 }), pages[0]!.footnotes), 10 + 30 + 2);
});

t.test('a block kept together moves whole; a page break before starts a new page', async (t) => {
  t.same(shown(paginate([block(7), block(4, { keepTogether: true })], FRAME, area())), [
    { lines: range(0, 0, 7), notes: [] },
    { lines: range(1, 0, 4), notes: [] },
  ]);
  t.same(shown(paginate([block(2), block(2, { pageBreakBefore: true })], FRAME, area())), [
    { lines: range(0, 0, 2), notes: [] },
    { lines: range(1, 0, 2), notes: [] },
  ]);
});

t.test('a footnote taller than half a page runs on at the foot of the next page', async (t) => {
  const blocks = [block(3, { footnotes: { 0: [1] } })];
  t.same(shown(paginate(blocks, FRAME, area({ 1: 12 }))), [
    { lines: range(0, 0, 3), notes: ['1:0-6'] },
    { lines: [], notes: ['1:6-12'] },
  ]);
});

/** `shown` with repeated lines marked `*`. */
const shownRepeats = (pages: LaidOutPage[]) =>
  pages.map((page) => page.lines.map((l) => `${l.repeated ? '*' : ''}B${l.block}.${l.line}@${l.y}`));

t.test("a table's header row is repeated above the rows that run on to the next page", async (t) => {
  const header = block(1, { keepTogether: true, keepWithNext: true, footnotes: { 0: [1] } });
  const rows = [3, 3, 3, 3].map(() => block(3, { keepTogether: true, header }));
  t.same(shownRepeats(paginate([block(2), header, ...rows, block(2)], FRAME, area({ 1: 1 }))), [
    ['B0.0@0', 'B0.1@10', 'B1.0@20', 'B2.0@30', 'B2.1@40', 'B2.2@50'],
    ['*B1.0@0', 'B3.0@10', 'B3.1@20', 'B3.2@30', 'B4.0@40', 'B4.1@50', 'B4.2@60', 'B5.0@70', 'B5.1@80', 'B5.2@90'],
    ['B6.0@0', 'B6.1@10'],
  ]);
  const pages = paginate([block(2), header, ...rows, block(2)], FRAME, area({ 1: 1 }));
  t.same(
    pages.map((p) => p.footnotes.map((s) => s.number)),
    [[1], [], []],
    "the repeated header's footnote is not brought again",
  );
});

t.test('a header row moves with its first row rather than end a page alone', async (t) => {
  const header = block(1, { keepTogether: true, keepWithNext: true });
  const pages = paginate([block(7), header, block(3, { keepTogether: true, header })], FRAME, area());
  t.same(shownRepeats(pages), [range(0, 0, 7), ['B1.0@0', 'B2.0@10', 'B2.1@20', 'B2.2@30']]);
});

t.test('a row taller than a page is the one row cut, under the header repeated', async (t) => {
  const header = block(2, { keepTogether: true, keepWithNext: true });
  const pages = paginate([header, block(12, { keepTogether: true, header })], FRAME, area());
  t.same(shownRepeats(pages), [
    ['B0.0@0', 'B0.1@10', ...range(1, 0, 8, 20)],
    ['*B0.0@0', '*B0.1@10', ...range(1, 8, 12, 20)],
  ]);
});
