import t from 'tap';
import type { ExtractedLine } from '../../src/ingest/extracted-text.js';
import { parseCoverNote } from '../../src/ingest/parse-cover-note.js';

/** Lines as any extractor hands them over (Word, Markdown, PDF), not hard-wrapped. */
const parse = (lines: ExtractedLine[], extra: { footnotes?: string[]; sourceText?: string[] } = {}) =>
  parseCoverNote({ lines, wrapped: false, ...extra });
const messages = (parsed: ReturnType<typeof parse>) => parsed.warnings.map((w) => w.message);

const ALL_SECTIONS: ExtractedLine[] = ['1. Issue at stake', 'Stake.', '2. Summary'];
const PROCEDURE: ExtractedLine[] = ['3. Format of procedure in the meeting', 'For information.'];

t.test('a table cell is never a heading: "29 January 2020" stays a cell', async (t) => {
  const parsed = parse([
    ...ALL_SECTIONS,
    { table: 1, cells: ['Kick-off', '29 January 2020'], header: false },
    { table: 1, cells: ['Summary', '4. Next steps'], header: false },
    ...PROCEDURE,
  ]);
  t.same(parsed.content.sections.summary, [
    {
      block: 'table',
      header: [],
      rows: [
        [[{ text: 'Kick-off' }], [{ text: '29 January 2020' }]],
        [[{ text: 'Summary' }], [{ text: '4. Next steps' }]],
      ],
    },
  ]);
  t.same(parsed.warnings, []);
});

t.test('a list item heads a section only when its whole text is a heading', async (t) => {
  const parsed = parse([
    { list: 'number', level: 0, text: 'Issue at stake' },
    'Stake.',
    { list: 'number', level: 0, text: 'Summary' },
    { list: 'number', level: 0, text: 'Summary of the findings' },
    { list: 'bullet', level: 0, text: '4. Next steps' },
    { list: 'number', level: 0, text: 'Format of the procedure in the meeting' },
    'For information.',
  ]);
  t.same(parsed.content.sections.summary, [
    { block: 'list', style: 'number', items: [{ runs: [{ text: 'Summary of the findings' }] }] },
    { block: 'list', style: 'bullet', items: [{ runs: [{ text: '4. Next steps' }] }] },
  ]);
  t.same(parsed.warnings, [], 'a list item is never an unknown heading');
});

t.test('a plain line that looks like an unknown heading keeps its text where the warning says', async (t) => {
  const parsed = parse([...ALL_SECTIONS, 'Dates:', '29 January 2020', 'Kick-off.', ...PROCEDURE]);
  t.same(parsed.content.sections.summary, [
    [{ text: 'Dates:' }],
    [{ text: '29 January 2020' }],
    [{ text: 'Kick-off.' }],
  ]);
  t.same(messages(parsed), [
    'Unknown heading "29 January 2020": its text was kept as a paragraph in the section before it.',
  ]);
});

t.test('lists: nesting one level, an orphan sub-item, a change of style starts a new list', async (t) => {
  const parsed = parse([
    ...ALL_SECTIONS,
    { list: 'bullet', level: 1, text: 'Orphan' },
    { list: 'bullet', level: 0, text: 'One' },
    { list: 'number', level: 1, text: 'One a' },
    { list: 'number', level: 2, text: 'One b, deeper' },
    { list: 'bullet', level: 0, text: 'Two' },
    { list: 'number', level: 0, text: 'First' },
    'Between.',
    { list: 'number', level: 0, text: 'Again' },
    ...PROCEDURE,
  ]);
  t.same(parsed.content.sections.summary, [
    {
      block: 'list',
      style: 'bullet',
      items: [
        { runs: [{ text: 'Orphan' }] },
        {
          runs: [{ text: 'One' }],
          sublist: { style: 'number', items: [{ runs: [{ text: 'One a' }] }, { runs: [{ text: 'One b, deeper' }] }] },
        },
        { runs: [{ text: 'Two' }] },
      ],
    },
    { block: 'list', style: 'number', items: [{ runs: [{ text: 'First' }] }] },
    [{ text: 'Between.' }],
    { block: 'list', style: 'number', items: [{ runs: [{ text: 'Again' }] }] },
  ]);
});

t.test(
  'tables: the first header row is the header, a later one a row; another table number is another table',
  async (t) => {
    const parsed = parse([
      ...ALL_SECTIONS,
      { table: 1, cells: ['Step', 'Date'], header: true },
      { table: 1, cells: ['Again', 'Header'], header: true },
      { table: 1, cells: ['Kick-off', '29 January 2020'], header: false },
      { table: 2, cells: ['Other'], header: false },
      ...PROCEDURE,
    ]);
    t.same(parsed.content.sections.summary, [
      {
        block: 'table',
        header: [[{ text: 'Step' }], [{ text: 'Date' }]],
        rows: [
          [[{ text: 'Again' }], [{ text: 'Header' }]],
          [[{ text: 'Kick-off' }], [{ text: '29 January 2020' }]],
        ],
      },
      { block: 'table', header: [], rows: [[[{ text: 'Other' }]]] },
    ]);
  },
);

t.test(
  'footnote markers and links inside items and cells; unreferenced notes quoted, the rest renumbered',
  async (t) => {
    const parsed = parse(
      [
        ...ALL_SECTIONS,
        { list: 'bullet', level: 0, text: 'Cited[^3] in an item, with [a link](https://example.org/a).' },
        { table: 1, cells: ['Cell[^1]', '[mail](mailto:x@example.org)'], header: false },
        ...PROCEDURE,
      ],
      { footnotes: ['First note.', 'Nobody cites me.', 'Third note [source: https://example.org/3].'] },
    );
    t.same(parsed.content.sections.summary, [
      {
        block: 'list',
        style: 'bullet',
        items: [
          {
            runs: [
              { text: 'Cited' },
              { footnote: 2 },
              { text: ' in an item, with ' },
              { text: 'a link', href: 'https://example.org/a' },
              { text: '.' },
            ],
          },
        ],
      },
      {
        block: 'table',
        header: [],
        rows: [[[{ text: 'Cell' }, { footnote: 1 }], [{ text: 'mail', href: 'mailto:x@example.org' }]]],
      },
    ]);
    t.same(parsed.content.footnotes, [
      { text: 'First note.' },
      { text: 'Third note', sourceUrl: 'https://example.org/3' },
    ]);
    t.same(messages(parsed), ['Footnote 2 is not referenced in the text; it was left out: "Nobody cites me.".']);
  },
);

t.test(
  'a heading-styled line that heads no section is a paragraph; a numbered one is an unknown heading',
  async (t) => {
    const parsed = parse([
      { heading: 'Issue at stake' },
      'Stake.',
      { heading: 'Background' },
      'Some history.',
      { heading: '4. Next steps' },
      { heading: '2. Summary' },
      ...PROCEDURE.slice(1),
    ]);
    t.same(parsed.content.sections.issueAtStake, [
      [{ text: 'Stake.' }],
      [{ text: 'Background' }],
      [{ text: 'Some history.' }],
      [{ text: '4. Next steps' }],
    ]);
    t.same(parsed.content.sections.summary, [[{ text: 'For information.' }]]);
    t.same(messages(parsed), [
      'Unknown heading "4. Next steps": its text was kept as a paragraph in the section before it.',
      'Section "3. Format of procedure in the meeting" is missing.',
    ]);
  },
);

t.test('text placed nowhere is quoted: stray preamble lines, text above the first footnote', async (t) => {
  const parsed = parseCoverNote({
    lines: [
      '9.3  An item',
      'A stray line after the item line',
      '1. Issue at stake',
      'Stake 1.',
      '__________',
      'Orphan words',
      '1 The note.',
    ],
    wrapped: true,
  });
  t.same(parsed.content.footnotes, [{ text: 'The note.' }]);
  t.same(messages(parsed), [
    'Text before "1. Issue at stake" was not placed in any section: "A stray line after the item line"',
    'Text below the footnote rule but before footnote 1 was left out: "Orphan words".',
    'Section "2. Summary" is missing.',
    'Section "3. Format of procedure in the meeting" is missing.',
  ]);
});

t.test(
  "the file's own text is checked: a paragraph that reached neither the note nor a warning is quoted",
  async (t) => {
    const parsed = parse([...ALL_SECTIONS, 'Kept.', ...PROCEDURE], {
      sourceText: [
        'Issue at stake',
        'Stake.',
        'Summary',
        'Kept.',
        'Lost somewhere in the extractor.',
        'For information.',
      ],
    });
    t.same(parsed.warnings, [
      {
        code: 'unread-content',
        message: 'Text of the file did not reach the note: "Lost somewhere in the extractor.".',
      },
    ]);
  },
);
