import t from 'tap';
import { buildOutline, type NotePages, type OutlineNode } from '../../../src/rendering/pdf/packet-outline.js';

/**
 * The packet's bookmark tree, from the agenda's entries and the pages each note and annex takes.
 * A packet of 12 pages: cover (0), contents (1), agenda (2-3), then the notes and annexes.
 */

const entry = (itemId: number, number: string, title: string, depth: number, withheld = false) => ({
  itemId,
  number,
  title,
  depth,
  withheld,
});

const ENTRIES = [
  entry(1, '1', 'Opening', 0),
  entry(9, '9', 'Cybersecurity', 0),
  entry(91, '9.1', 'NIS work stream', 1),
  entry(92, '9.2', 'Reflections', 1),
  entry(10, '10', 'Any other business', 0),
  entry(11, '11', 'Closed session', 0, true),
  entry(111, '11.1', 'Public summary', 1),
];

/** A note of `pages` pages starting at `firstPage`, with annexes of the given page counts. */
const note = (itemId: number, firstPage: number, pages: number, annexes: [string, number][] = []): NotePages => ({
  entry: { itemId },
  part: { pages: Array.from({ length: pages }) },
  annexes: annexes.map(([title, count]) => ({ title, sizes: Array.from({ length: count }) })),
  firstPage,
});

/** Each bookmark as `title @page`, children indented under it. */
const shown = (nodes: OutlineNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.title} @${n.page}`, ...shown(n.children, depth + 1)]);

t.test('bookmarks nest like the agenda, annexes under their note, withheld items without their own', async (t) => {
  const outline = buildOutline(
    { entries: ENTRIES },
    {
      contents: 1,
      agenda: 2,
      listed: new Map([
        [1, 2],
        [10, 3],
        [11, 3],
      ]),
      notes: [note(91, 4, 2, [['Slides', 3]]), note(92, 9, 2), note(111, 11, 1)],
    },
  );
  t.same(shown(outline), [
    'Contents @1',
    'Agenda @2',
    '1 Opening @2',
    '9 Cybersecurity @4',
    '  9.1 NIS work stream @4',
    '    Annex: Slides @6',
    '  9.2 Reflections @9',
    '10 Any other business @3',
    '11.1 Public summary @11',
  ]);
});
