import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractMarkdown } from '../../src/ingest/extract-markdown.js';
import { readDraft } from '../../src/ingest/read-draft.js';

const LIMITS = { maxEntries: 1000, maxUnzippedBytes: 50 * 1024 * 1024 };

/** A cover note as a rapporteur types it in Markdown, with a list, a nested list, a table and a footnote. */
const COVER_NOTE_MD = readFileSync(
  fileURLToPath(new URL('../fixtures/drafts/list-table-note.md', import.meta.url)),
  'utf8',
);

t.test(
  'a Markdown cover note: headings, lists, a GFM table and a footnote, each as the line the parser reads',
  async (t) => {
    t.same(extractMarkdown(COVER_NOTE_MD), {
      lines: [
        'EUROPEAN COMMISSION',
        'DG HEALTH AND FOOD SAFETY',
        '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
        'COVER NOTE',
        '9.1 Update from the Work Stream 12 of the NIS cooperation group',
        { heading: '1. Issue at stake' },
        'The Work Stream 12 of the NIS cooperation group reports on the security of health systems[^1].',
        { heading: '2. Summary' },
        'The work stream met three times:',
        { list: 'bullet', level: 0, text: 'in Brussels, to agree the mandate;' },
        { list: 'bullet', level: 0, text: 'online, to review the risk register;' },
        { list: 'bullet', level: 0, text: 'in Lisbon, with the [ENISA experts](https://www.enisa.europa.eu).' },
        'Its next steps:',
        { list: 'number', level: 0, text: 'a survey of Member States;' },
        { list: 'number', level: 0, text: 'a report, in two parts:' },
        { list: 'number', level: 1, text: 'the findings;' },
        { list: 'number', level: 0, text: 'a workshop.' },
        { table: 1, cells: ['Date', 'Meeting', 'Place'], header: true },
        { table: 1, cells: ['29 January 2020', 'First meeting', 'Brussels'], header: false },
        { table: 1, cells: ['3 March 2020', 'Second meeting', 'Online'], header: false },
        { heading: '3. Format of procedure in the meeting' },
        'For information.',
        '[^1]: NIS Cooperation Group, Work Stream 12 [source: https://ec.europa.eu/nis].',
      ],
      wrapped: false,
    });
  },
);

t.test('lists: a bullet nested in a numbered item, deeper levels read as 1, loose items one line each', async (t) => {
  const md = ['- top', '  1. inner', '     - deepest', '- loose item', '', '  its second paragraph', ''].join('\n');
  t.same(extractMarkdown(md).lines, [
    { list: 'bullet', level: 0, text: 'top' },
    { list: 'number', level: 1, text: 'inner' },
    { list: 'bullet', level: 1, text: 'deepest' },
    { list: 'bullet', level: 0, text: 'loose item its second paragraph' },
  ]);
});

t.test('two tables are numbered apart; a table with a blank header row has no header', async (t) => {
  const md = ['| A | B |', '|---|---|', '| 1 | 2 |', '', 'Between.', '', '| | |', '|---|---|', '| x | **y** |'].join(
    '\n',
  );
  t.same(extractMarkdown(md).lines, [
    { table: 1, cells: ['A', 'B'], header: true },
    { table: 1, cells: ['1', '2'], header: false },
    'Between.',
    { table: 2, cells: ['x', 'y'], header: false },
  ]);
});

t.test('inline text: emphasis, code, escapes, entities, hard breaks, HTML and bare URLs', async (t) => {
  const md = [
    'A ~~struck~~ **bold _nested_** `a < b` \\*star\\* &amp; Tom & Jerry <i>tag</i> line  ',
    'after a hard break, see https://example.org/x] or <https://example.org/y>.',
  ].join('\n');
  t.same(extractMarkdown(md).lines, [
    'A struck bold nested a < b *star* & Tom & Jerry tag line after a hard break, see https://example.org/x] or <https://example.org/y>.',
  ]);
});

t.test('quotes, code blocks and HTML blocks are plain lines; rules and link definitions give none', async (t) => {
  const md = [
    '> ## 2. Summary',
    '> - quoted item',
    '',
    '```',
    'first code line',
    '',
    'second code line',
    '```',
    '',
    '<div>An <b>HTML</b> &eacute;tude</div>',
    '',
    '<!-- a comment -->',
    '',
    '---',
    '',
    'See [the site][site].',
    '',
    '[site]: https://example.org',
  ].join('\n');
  t.same(extractMarkdown(md).lines, [
    '2. Summary',
    'quoted item',
    'first code line',
    'second code line',
    'An HTML étude',
    'See [the site](https://example.org).',
  ]);
});

t.test('a footnote definition right under a paragraph line is a line of its own', async (t) => {
  t.same(extractMarkdown('It grows[^1].\n[^1]: The source.\n[^2]: Another.').lines, [
    'It grows[^1].',
    '[^1]: The source.',
    '[^2]: Another.',
  ]);
});

t.test('an image is left out with a warning that names it', async (t) => {
  t.same(extractMarkdown('Before ![The chart](chart.png) after.'), {
    lines: ['Before after.'],
    wrapped: false,
    warnings: [{ code: 'embedded-object', message: 'An image ("The chart") in the Markdown draft was left out.' }],
  });
});

t.test('a draft is Markdown by its name or declared type; other text stays plain text', async (t) => {
  const bytes = Buffer.from('## 1. Issue at stake\n\n- one\n');
  const kinds = async (declared: { fileName?: string; mediaType?: string }) =>
    (await readDraft(bytes, LIMITS, declared)).kind;
  t.equal(await kinds({ fileName: 'note.md' }), 'markdown');
  t.equal(await kinds({ fileName: 'NOTE.Markdown' }), 'markdown');
  t.equal(await kinds({ fileName: 'note.txt', mediaType: 'text/markdown; charset=UTF-8' }), 'markdown');
  t.equal(await kinds({ fileName: 'note.txt', mediaType: 'text/plain' }), 'text');
  t.equal(await kinds({ fileName: 'note.md.txt' }), 'text');
  t.equal(await kinds({}), 'text');
  t.same((await readDraft(bytes, LIMITS, { fileName: 'note.md' })).extracted.lines, [
    { heading: '1. Issue at stake' },
    { list: 'bullet', level: 0, text: 'one' },
  ]);
  t.same((await readDraft(bytes, LIMITS, {})).extracted.lines, ['## 1. Issue at stake', '', '- one', '']);
});

t.test('a .md without a Markdown heading (headings typed as "1. Issue at stake") is read as text', async (t) => {
  const typed = Buffer.from('1. Issue at stake\nWhat is at stake.\n2. Summary\n- one\n');
  t.same(await readDraft(typed, LIMITS, { fileName: 'note.md' }), {
    kind: 'markdown',
    extracted: { lines: ['1. Issue at stake', 'What is at stake.', '2. Summary', '- one', ''], wrapped: true },
  });
});

t.test('a .md whose only Markdown heading is a title, with typed section numbers, is read as typed text', async (t) => {
  const typed =
    '# Cover note\n\n1. Issue at stake\nWhat is at stake.\n2. Summary\nThe summary.\n3. Format of procedure in the meeting\nFor information.\n';
  const { kind, extracted } = await readDraft(
    Buffer.from(typed),
    { maxUnzippedBytes: 1e6, maxEntries: 10 },
    { fileName: 'note.md' },
  );
  t.equal(kind, 'markdown', 'stored as the Markdown it was sent as');
  t.same(
    extracted.lines.slice(2, 4),
    ['1. Issue at stake', 'What is at stake.'],
    'its lines as typed, not one long list',
  );
});
