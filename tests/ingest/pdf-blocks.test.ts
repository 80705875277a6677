import t from 'tap';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { extractPdf } from '../../src/ingest/extract-pdf.js';
import { listMarkerOf } from '../../src/ingest/pdf-lists.js';
import { cells, drawnPdf, item, line, MEETINGS, ruledTable } from '../support/pdf-drafts.js';
import { pdfLines } from '../support/pdf-text.js';

const COLUMNS = [70, 210, 350];
const RULE = { rule: [70, 500] as [number, number] };
const WRAPPED = 'in Brussels, to agree the mandate of the work stream and the timetable of its first three reports;';

t.test('bullets hung in the margin: a wrapped item is one item, a deeper bullet is nested', async (t) => {
  const bytes = await drawnPdf([
    line('The work stream met three times:'),
    item('•', WRAPPED),
    item('•', 'online, to review the risk register;'),
    item('◦', 'with the ENISA experts;', { nested: true }),
    item('–', 'in Lisbon.'),
    { gap: 12 },
    line('It reports in March.'),
  ]);
  t.same(
    (await pdfLines(bytes)).slice(1, 3),
    ['• in Brussels, to agree the mandate of the work stream and the', 'timetable of its first three reports;'],
    'the first item is printed on two lines',
  );
  t.same(await extractPdf(bytes), {
    lines: [
      'The work stream met three times:',
      { list: 'bullet', level: 0, text: WRAPPED },
      { list: 'bullet', level: 0, text: 'online, to review the risk register;' },
      { list: 'bullet', level: 1, text: 'with the ENISA experts;' },
      { list: 'bullet', level: 0, text: 'in Lisbon.' },
      '',
      'It reports in March.',
    ],
    wrapped: true,
    blankLineEndsParagraph: true,
  });
});

t.test(
  'numbers indented from the margin are a numbered list; a typed heading at the margin stays a line',
  async (t) => {
    const bytes = await drawnPdf([
      line('2. Summary', true),
      { gap: 6 },
      line('Its next steps:'),
      item('1.', 'a survey of Member States;'),
      item('2)', 'a report, in two parts:'),
      item('a)', 'the findings;', { nested: true }),
      item('3.', 'a workshop.'),
    ]);
    t.same((await extractPdf(bytes)).lines, [
      '2. Summary',
      '',
      'Its next steps:',
      { list: 'number', level: 0, text: 'a survey of Member States;' },
      { list: 'number', level: 0, text: 'a report, in two parts:' },
      { list: 'number', level: 1, text: 'the findings;' },
      { list: 'number', level: 0, text: 'a workshop.' },
    ]);
  },
);

t.test('a marker typed with its text in one run, indented, is a list item too', async (t) => {
  const bytes = await drawnPdf([
    line('The steps:'),
    [{ at: 88, text: '– a dash and its text typed together;' }],
    [{ at: 88, text: '1) a number and its text typed together.' }],
  ]);
  t.same((await extractPdf(bytes)).lines, [
    'The steps:',
    { list: 'bullet', level: 0, text: 'a dash and its text typed together;' },
    { list: 'number', level: 0, text: 'a number and its text typed together.' },
  ]);
});

t.test('a dash or a number that starts a wrapped line of running text is not a list', async (t) => {
  const bytes = await drawnPdf([
    line('The work stream met in Brussels, online and in Lisbon'),
    line('– which is more than planned – and reports in March.'),
    line('12 November 2020 is the date of the meeting.'),
  ]);
  t.same((await extractPdf(bytes)).lines, [
    'The work stream met in Brussels, online and in Lisbon',
    '– which is more than planned – and reports in March.',
    '12 November 2020 is the date of the meeting.',
  ]);
});

t.test('the bullets of Word\'s "Save as PDF" (Symbol font, private use U+F0B7) are bullets', async (t) => {
  const at = (str: string, x: number, width: number) =>
    ({ str, transform: [12, 0, 0, 12, x, 700], width, height: 12, fontName: 'f1' }) as unknown as TextItem;
  const entry = {
    line: { y: 700, height: 12, items: [at('\uF0B7', 88, 5), at('A risk register.', 106, 90)] },
    text: '',
  };
  t.same(listMarkerOf(entry, 70), { style: 'bullet', markerX: 88, textX: 106, text: 'A risk register.' });
});

t.test('an aligned table with a bold header and rules: one row per line, the header row marked', async (t) => {
  const bytes = await drawnPdf([
    line('The meetings:'),
    { gap: 12 },
    ...ruledTable(COLUMNS, MEETINGS),
    { gap: 12 },
    line('After the table.'),
  ]);
  t.same(await extractPdf(bytes), {
    lines: [
      'The meetings:',
      '',
      { table: 1, cells: ['Date', 'Meeting', 'Place'], header: true },
      { table: 1, cells: ['29 January 2020', 'First meeting', 'Brussels'], header: false },
      { table: 1, cells: ['3 March 2020', 'Second meeting', 'Online'], header: false },
      '',
      'After the table.',
    ],
    wrapped: true,
    blankLineEndsParagraph: true,
  });
});

t.test('a table ruled between its rows keeps wrapped cells in their row, the first column too', async (t) => {
  const bytes = await drawnPdf([
    RULE,
    cells(COLUMNS, ['Date', 'Meeting', 'Place'], true),
    RULE,
    [
      { at: 70, text: '29 January 2020, morning', width: 120 },
      { at: 210, text: 'First meeting of the work stream', width: 120 },
      { at: 350, text: 'Brussels' },
    ],
    RULE,
    cells(COLUMNS, ['3 March 2020', 'Second meeting', 'Online']),
    RULE,
  ]);
  t.same((await extractPdf(bytes)).lines, [
    { table: 1, cells: ['Date', 'Meeting', 'Place'], header: true },
    { table: 1, cells: ['29 January 2020, morning', 'First meeting of the work stream', 'Brussels'], header: false },
    { table: 1, cells: ['3 March 2020', 'Second meeting', 'Online'], header: false },
  ]);
});

t.test('a table without rules or bold: rows by the first column, a wrapped later cell joined, no header', async (t) => {
  const bytes = await drawnPdf([
    cells(COLUMNS, ['29 January 2020', 'First meeting', 'Brussels']),
    [
      { at: 70, text: '3 March 2020' },
      { at: 210, text: 'Second meeting of the work stream', width: 120 },
      { at: 350, text: 'Online' },
    ],
    { gap: 12 },
    line('After the table.'),
  ]);
  t.same((await extractPdf(bytes)).lines, [
    { table: 1, cells: ['29 January 2020', 'First meeting', 'Brussels'], header: false },
    { table: 1, cells: ['3 March 2020', 'Second meeting of the work stream', 'Online'], header: false },
    '',
    'After the table.',
  ]);
});

t.test(
  'a first row ruled off alone (no bold) is the header; the rows below are read by their first column',
  async (t) => {
    const bytes = await drawnPdf([
      cells(COLUMNS, ['Date', 'Meeting', 'Place']),
      RULE,
      cells(COLUMNS, ['29 January 2020', 'First meeting', 'Brussels']),
      cells(COLUMNS, ['3 March 2020', 'Second meeting', 'Online']),
    ]);
    t.same((await extractPdf(bytes)).lines, [
      { table: 1, cells: ['Date', 'Meeting', 'Place'], header: true },
      { table: 1, cells: ['29 January 2020', 'First meeting', 'Brussels'], header: false },
      { table: 1, cells: ['3 March 2020', 'Second meeting', 'Online'], header: false },
    ]);
  },
);

t.test('columns that do not line up stay paragraphs, with a warning naming the page', async (t) => {
  const bytes = await drawnPdf([
    line('The meetings:'),
    cells(COLUMNS, ['Date', 'Meeting', 'Place']),
    cells([70, 260], ['29 January 2020', 'First meeting in Brussels']),
    cells(COLUMNS, ['3 March 2020', 'Second meeting', 'Online']),
  ]);
  t.same(await extractPdf(bytes), {
    lines: [
      'The meetings:',
      'Date Meeting Place',
      '29 January 2020 First meeting in Brussels',
      '3 March 2020 Second meeting Online',
    ],
    wrapped: true,
    blankLineEndsParagraph: true,
    warnings: [
      {
        code: 'table-as-paragraphs',
        message: 'A table on page 1 could not be read as a table; its text was kept as paragraphs.',
      },
    ],
  });
});

t.test('wide gaps that line up nowhere are text, not a table, and no warning', async (t) => {
  const bytes = await drawnPdf([
    cells([70, 350], ['Brussels,', '12 November 2020']),
    line('The text.'),
    { gap: 12 },
    cells([70, 300], ['Signed:', 'the rapporteur']),
    cells([70, 380], ['Seen:', 'the secretariat']),
  ]);
  t.same(await extractPdf(bytes), {
    lines: ['Brussels, 12 November 2020', 'The text.', '', 'Signed: the rapporteur', 'Seen: the secretariat'],
    wrapped: true,
    blankLineEndsParagraph: true,
  });
});

t.test('a table that runs over a page break, its header printed again, stays one table', async (t) => {
  const rows = Array.from({ length: 4 }, (_, i) =>
    cells(COLUMNS, [`${i + 1} March 2020`, `Meeting ${i + 1}`, 'Online']),
  );
  const header = cells(COLUMNS, ['Date', 'Meeting', 'Place'], true);
  const bytes = await drawnPdf([header, ...rows.slice(0, 2), { newPage: true }, header, ...rows.slice(2)]);
  t.same((await extractPdf(bytes)).lines, [
    { table: 1, cells: ['Date', 'Meeting', 'Place'], header: true },
    { table: 1, cells: ['1 March 2020', 'Meeting 1', 'Online'], header: false },
    { table: 1, cells: ['2 March 2020', 'Meeting 2', 'Online'], header: false },
    { table: 1, cells: ['3 March 2020', 'Meeting 3', 'Online'], header: false },
    { table: 1, cells: ['4 March 2020', 'Meeting 4', 'Online'], header: false },
  ]);
});
