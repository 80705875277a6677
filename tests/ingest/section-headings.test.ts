import t from 'tap';
import type { ExtractedLine } from '../../src/ingest/extracted-text.js';
import { readHeading } from '../../src/ingest/section-headings.js';

t.test('a section heading is known by its words, whatever its number, case or spacing', async (t) => {
  const cases: [ExtractedLine, unknown][] = [
    ['1. Issue at stake', { key: 'issueAtStake' }],
    ['Issues at stake', { key: 'issueAtStake' }],
    ['Issue(s) at stake', { key: 'issueAtStake' }],
    ['2)  issue (s)  AT stake:', { key: 'issueAtStake' }],
    ['**2. Summary**', { key: 'summary' }],
    ['## 7 SUMMARY', { key: 'summary' }],
    ['Executive summary', { key: 'summary' }],
    ['3.Format of procedure', { key: 'procedure' }],
    ['Format of the procedure in the meeting', { key: 'procedure' }],
    ['Procedure', { key: 'procedure' }],
    [{ heading: 'Format of procedure in the meeting.' }, { key: 'procedure' }],
    [{ list: 'number', level: 0, text: 'Summary' }, { key: 'summary' }],
    [{ list: 'bullet', level: 1, text: '1. Issue at stake' }, { key: 'issueAtStake' }],
  ];
  for (const [line, expected] of cases) t.same(readHeading(line), expected, JSON.stringify(line));
});

t.test('never a heading: sentence ends, longer text, table cells, other list items', async (t) => {
  const cases: ExtractedLine[] = [
    'procedure.',
    'Summary of the findings',
    'The procedure in the meeting is a vote',
    { table: 1, cells: ['Summary'], header: true },
    { table: 1, cells: ['29 January 2020'], header: false },
    { list: 'number', level: 0, text: 'Next steps' },
    { list: 'number', level: 0, text: '4. Next steps' },
    'A claim 2.',
    '2020 was a year',
  ];
  for (const line of cases) t.equal(readHeading(line), null, JSON.stringify(line));
});

t.test('an unknown heading: numbered, short, capitalised, in a plain or heading-styled line', async (t) => {
  t.same(readHeading('4. Next steps'), { unknown: '4. Next steps' });
  t.same(readHeading({ heading: '5  Annexes:' }), { unknown: '5 Annexes:' });
  t.same(readHeading('29 January 2020'), { unknown: '29 January 2020' });
  t.equal(readHeading('4. Next steps.'), null, 'a sentence end makes it text');
});
