import t from 'tap';
import type { NoteContent } from '../../../src/domain/note-content.js';
import type { ItemView } from '../../../src/services/presenters.js';
import { compareParagraphs, diffView } from '../../../src/web/views/diff-view.js';

const item = { id: 3 } as ItemView;
const content = (summary: string[], footnotes: string[] = []): NoteContent =>
  ({
    sections: { issueAtStake: [[{ text: 'Same.' }]], summary: summary.map((text) => [{ text }]), procedure: [] },
    footnotes: footnotes.map((text) => ({ text, sourceUrl: null })),
  }) as unknown as NoteContent;

const words = (row: ReturnType<typeof compareParagraphs>[number], side: 'before' | 'after') =>
  (row[side] ?? []).map((p) => [p.op, p.segments.map((s) => s.text).join('')]);

t.test('paragraphs are compared one by one, whitespace alone is no change', async (t) => {
  const rows = compareParagraphs(['One two.', 'Three  four.'], ['One three.', 'Three four.']);
  t.equal(rows.length, 2, 'never merged');
  t.same(words(rows[0]!, 'before'), [
    ['equal', 'One '],
    ['delete', 'two'],
    ['equal', '.'],
  ]);
  t.same(words(rows[0]!, 'after'), [
    ['equal', 'One '],
    ['insert', 'three'],
    ['equal', '.'],
  ]);
  const spaced = diffView(
    item,
    { number: 1, content: content(['Three  four.']) },
    { number: 2, content: content(['Three four.']) },
  );
  t.equal(spaced.summary, '0 insertions, 0 deletions');
  t.equal(spaced.identical, true);
});

t.test('an added paragraph stands alone; the summary counts insertions and deletions', async (t) => {
  const view = diffView(
    item,
    { number: 1, content: content(['Kept.', 'Old words here.']) },
    { number: 3, content: content(['Kept.', 'New words here.', 'Added.']) },
  );
  const summary = view.sections[1]!;
  t.equal(summary.heading, '2. Summary');
  t.same(
    summary.rows.map((r) => [r.changed, r.before === null, r.after === null]),
    [
      [false, false, false],
      [true, false, false],
      [true, true, false],
    ],
  );
  t.equal(view.summary, '2 insertions, 1 deletion');
});

t.test('footnote markers are footnotes, not [^1]', async (t) => {
  const withMarker = {
    sections: { issueAtStake: [], summary: [[{ text: 'Cited' }, { footnote: 1 }, { text: ' here.' }]], procedure: [] },
    footnotes: [{ text: 'A source.', sourceUrl: null }],
  } as unknown as NoteContent;
  const view = diffView(item, { number: 1, content: withMarker }, { number: 2, content: withMarker });
  t.same(view.sections[1]!.rows[0]!.after![0]!.segments, [
    { text: 'Cited', footnote: null },
    { text: '', footnote: 1 },
    { text: ' here.', footnote: null },
  ]);
  t.equal(view.footnotes.length, 1);
});
