import t from 'tap';
import { alignBlocks, diffInlines } from '../../src/domain/version-diff.js';

const ops = (changes: ReturnType<typeof diffInlines>) =>
  changes.map(({ op, inline }) => [op, 'footnote' in inline ? `[^${inline.footnote}]` : inline.text]);

t.test('a replaced phrase is one deletion and one insertion, the words around it kept', async (t) => {
  t.same(
    ops(
      diffInlines(
        [{ text: 'The Commission is working on a framework' }],
        [{ text: 'The Commission is preparing a framework' }],
      ),
    ),
    [
      ['equal', 'The Commission is '],
      ['delete', 'working on '],
      ['insert', 'preparing '],
      ['equal', 'a framework'],
    ],
  );
});

t.test('a paragraph that only wraps or spaces differently is no change', async (t) => {
  t.same(ops(diffInlines([{ text: 'One  line\nbroken  here.' }], [{ text: 'One line broken here.' }])), [
    ['equal', 'One line broken here.'],
  ]);
});

t.test('footnote markers and links are words of their own; a changed link is replaced whole', async (t) => {
  const before = [
    { text: 'capacity' },
    { footnote: 1 },
    { text: '. See ' },
    { text: 'the page', href: 'https://a.eu/x' },
  ];
  const after = [
    { text: 'capacity' },
    { footnote: 1 },
    { text: '. See ' },
    { text: 'the page', href: 'https://a.eu/y' },
  ];
  t.same(ops(diffInlines(before, after)), [
    ['equal', 'capacity'],
    ['equal', '[^1]'],
    ['equal', '. See '],
    ['delete', 'the page'],
    ['insert', 'the page'],
  ]);
  t.same(diffInlines(before, after).at(-1)!.inline, { text: 'the page', href: 'https://a.eu/y' });
});

t.test('blocks align: equal ones together, a replaced one against its replacement, the rest alone', async (t) => {
  t.same(
    alignBlocks(['a', 'b', 'c'], ['a', 'B', 'c', 'd'], (x) => x),
    [
      { before: 'a', after: 'a' },
      { before: 'b', after: 'B' },
      { before: 'c', after: 'c' },
      { before: null, after: 'd' },
    ],
  );
  t.same(
    alignBlocks(['a', 'b'], ['b'], (x) => x),
    [
      { before: 'a', after: null },
      { before: 'b', after: 'b' },
    ],
  );
});
