import t from 'tap';
import { blockLines, normaliseBlock, paragraphText, runListsOf, type Inline } from '../../src/domain/note-blocks.js';
import { hashNoteContent, normaliseNoteContent } from '../../src/domain/note-content.js';

const text = (runs: Inline[]) => paragraphText(runs);

t.test('a note of paragraphs keeps the JSON, and so the hash, it had before lists and tables', async (t) => {
  const content = normaliseNoteContent({ sections: { summary: ['One two.'] } });
  t.equal(
    JSON.stringify(content),
    '{"sections":{"issueAtStake":[],"summary":[[{"text":"One two."}]],"procedure":[]},"footnotes":[]}',
  );
  // sha256 of the JSON above, computed with `printf %s '<json>' | sha256sum`.
  t.equal(hashNoteContent(content), '66e62ea921e6897b7ddba32af66644595ba3647a4e7c2833cb5a2b19a2d8396f');
});

t.test('a list: items as text or runs, a nested list under an item, empty items dropped', async (t) => {
  const block = normaliseBlock({
    block: 'list',
    style: 'bullet',
    items: ['  First  item ', '', { runs: 'Second', sublist: { style: 'number', items: ['a', { runs: ' b ' }, ''] } }],
  });
  t.same(block, {
    block: 'list',
    style: 'bullet',
    items: [
      { runs: [{ text: 'First item' }] },
      {
        runs: [{ text: 'Second' }],
        sublist: { style: 'number', items: [{ runs: [{ text: 'a' }] }, { runs: [{ text: 'b' }] }] },
      },
    ],
  });
  t.same(blockLines(block!, text), ['• First item', '• Second', '    a) a', '    b) b']);
  t.equal(normaliseBlock({ block: 'list', style: 'number', items: [' ', ''] }), null, 'a list of nothing is no block');
});

t.test('a table: a grid, short rows padded, empty rows dropped, no header when the header is blank', async (t) => {
  const block = normaliseBlock({
    block: 'table',
    header: ['Date', 'Event'],
    rows: [['29 January 2020', 'Kick-off'], ['', ''], ['4 March 2020']],
  });
  t.same(block, {
    block: 'table',
    header: [[{ text: 'Date' }], [{ text: 'Event' }]],
    rows: [
      [[{ text: '29 January 2020' }], [{ text: 'Kick-off' }]],
      [[{ text: '4 March 2020' }], []],
    ],
  });
  t.same(blockLines(block!, text), ['| Date | Event |', '| 29 January 2020 | Kick-off |', '| 4 March 2020 |  |']);
  t.same(normaliseBlock({ block: 'table', header: [' '], rows: [['x']] }), {
    block: 'table',
    header: [],
    rows: [[[{ text: 'x' }]]],
  });
  t.equal(normaliseBlock({ block: 'table', rows: [['', ' ']] }), null);
  t.throws(() => normaliseBlock({ block: 'table', rows: [Array.from({ length: 9 }, () => 'x')] }), {
    code: 'AGENDUM_INVALID',
    message: "A table has 9 columns; a cover note's table has at most 8.",
  });
});

t.test('footnote markers and links inside lists and tables are checked like those in paragraphs', async (t) => {
  const content = normaliseNoteContent({
    sections: {
      summary: [
        { block: 'list', style: 'number', items: [[{ text: 'Item' }, { footnote: 1 }]] },
        { block: 'table', rows: [[[{ text: 'Cell' }, { footnote: 2 }]]] },
      ],
    },
    footnotes: [{ text: 'One' }, { text: 'Two' }],
  });
  t.same(content.sections.summary.flatMap(runListsOf), [
    [{ text: 'Item' }, { footnote: 1 }],
    [{ text: 'Cell' }, { footnote: 2 }],
  ]);
  t.throws(
    () =>
      normaliseNoteContent({
        sections: { summary: [{ block: 'table', rows: [[[{ text: 'Cell' }, { footnote: 3 }]]] }] },
        footnotes: [{ text: 'One' }],
      }),
    { message: 'Footnote marker 3 has no footnote (the version has 1).' },
  );
  t.throws(
    () =>
      normaliseNoteContent({
        sections: {
          summary: ['Intro', { block: 'list', style: 'bullet', items: [[{ text: 'bad', href: 'javascript:x' }]] }],
        },
      }),
    { message: /^The link "bad" in section 2, list 2 points to/ },
  );
  t.throws(
    () =>
      normaliseNoteContent({ sections: { summary: [{ block: 'list', style: 'bullet', items: [[{ footnote: 1 }]] }] } }),
    { message: 'Footnote marker 1 has no footnote (the version has 0).' },
  );
});

t.test('a version of only an empty list or table is refused like one of empty paragraphs', async (t) => {
  t.throws(() => normaliseNoteContent({ sections: { summary: [{ block: 'list', style: 'bullet', items: [' '] }] } }), {
    message: 'A version needs at least one paragraph in one of its sections.',
  });
});
