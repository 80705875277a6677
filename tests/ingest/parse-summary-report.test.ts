import { FootnoteReferenceRun, TextRun } from 'docx';
import t from 'tap';
import { normaliseConclusions } from '../../src/domain/meeting-record.js';
import { parseSummaryReport, type ParsedSummaryReport } from '../../src/ingest/parse-summary-report.js';
import { readDraft } from '../../src/ingest/read-draft.js';
import { drawnPdf, item, line, ruledTable } from '../support/pdf-drafts.js';
import { agendaNumberedHeading, bullet, plain, styledHeading, table, wordDraft } from '../support/word-drafts.js';

const LIMITS = { maxUnzippedBytes: 50 * 1024 * 1024, maxEntries: 500 };

const ITEMS = [
  { itemId: 31, number: '9', title: 'European Health Data Space' },
  { itemId: 32, number: '9.1', title: 'State of play of the EHDS' },
  { itemId: 33, number: '9.2', title: 'MyHealth@EU: operations report' },
];

async function parseFile(bytes: Buffer, fileName: string, items = ITEMS) {
  const { extracted } = await readDraft(bytes, LIMITS, { fileName });
  return parseSummaryReport(extracted, items);
}

/** The opening and every item's conclusions, in the document's order. */
const partsOf = (parsed: ParsedSummaryReport) => [parsed.opening, ...parsed.items.map((item) => item.conclusions)];

const bold = (text: string) => plain(new TextRun({ text, bold: true }));

/** The layout of the published reports: letterhead, title block, co-chairs, opening, items, action points, annex. */
function fullReport(): Promise<Buffer> {
  return wordDraft(
    [
      bold('EUROPEAN COMMISSION'),
      plain('DIRECTORATE-GENERAL FOR HEALTH AND FOOD SAFETY'),
      plain('Ref. Ares(2021)6941533 - 11/11/2021'),
      bold('eHealth Network'),
      bold('Summary report'),
      plain('19th eHealth Network meeting'),
      plain('(Teleconference)'),
      plain('3 June 2021'),
      plain('Brussels, Belgium'),
      styledHeading('Co-chairs'),
      plain('Ms Ioana-Maria Gligor, Director, DG SANTE'),
      plain('Mr Henrique Martins, SPMS, Portugal'),
      styledHeading('Opening and approval of agenda'),
      plain('The co-chairs welcomed the participants', new FootnoteReferenceRun(1), '. The agenda was approved.'),
      styledHeading('9. European Health Data Space – for discussion'),
      plain('The Commission presented the timeline of the proposal.'),
      agendaNumberedHeading('State of play of the EHDS – for information', 1),
      plain('The Member States reported on their preparations:'),
      bullet('Estonia connected its hospitals.'),
      bullet('Finland opened its patient summary service'),
      bullet('in two regions.', 1),
      bold('Action points:'),
      bullet('Commission to circulate the timeline by 30 June 2021.'),
      bullet('Member States to name their contact points.'),
      plain('The discussion continues at the next meeting.'),
      bold('9.2. MyHealth@EU: operations report - for adoption'),
      plain('The network adopted the report', new FootnoteReferenceRun(2), ' without changes.'),
      table(
        [
          ['Service', 'Countries'],
          ['Patient summary', '10'],
        ],
        { header: true },
      ),
      styledHeading('Action points'),
      table(
        [
          ['Item', 'Action', 'Owner', 'Due date'],
          ['9.1', 'Commission to circulate the timeline', 'Commission', '30 June 2021'],
        ],
        { header: true },
      ),
      styledHeading('Annex – Attendance'),
      table([
        ['Delegation', 'Participants'],
        ['Belgium', 'Ms A. Delegate'],
      ]),
    ],
    {
      footnotes: {
        1: 'Thirty-one delegations attended.',
        2: 'Operations report of 12 May 2021 [source: https://health.ec.europa.eu/ehealth/report.pdf].',
      },
    },
  );
}

t.test('a Word report in the published layout gives the opening and each item, nothing of the record', async (t) => {
  const parsed = await parseFile(await fullReport(), 'report.docx');
  t.same(parsed.opening, {
    blocks: [
      [{ text: 'The co-chairs welcomed the participants' }, { footnote: 1 }, { text: '. The agenda was approved.' }],
    ],
    footnotes: [{ text: 'Thirty-one delegations attended.' }],
  });
  t.same(parsed.items, [
    {
      itemId: 31,
      conclusions: { blocks: [[{ text: 'The Commission presented the timeline of the proposal.' }]], footnotes: [] },
    },
    {
      itemId: 32,
      conclusions: {
        blocks: [
          [{ text: 'The Member States reported on their preparations:' }],
          {
            block: 'list',
            style: 'bullet',
            items: [
              { runs: [{ text: 'Estonia connected its hospitals.' }] },
              {
                runs: [{ text: 'Finland opened its patient summary service' }],
                sublist: { style: 'bullet', items: [{ runs: [{ text: 'in two regions.' }] }] },
              },
            ],
          },
          [{ text: 'The discussion continues at the next meeting.' }],
        ],
        footnotes: [],
      },
    },
    {
      itemId: 33,
      conclusions: {
        blocks: [
          [{ text: 'The network adopted the report' }, { footnote: 1 }, { text: ' without changes.' }],
          {
            block: 'table',
            header: [[{ text: 'Service' }], [{ text: 'Countries' }]],
            rows: [[[{ text: 'Patient summary' }], [{ text: '10' }]]],
          },
        ],
        footnotes: [
          { text: 'Operations report of 12 May 2021', sourceUrl: 'https://health.ec.europa.eu/ehealth/report.pdf' },
        ],
      },
    },
  ]);
  t.same(parsed.warnings, []);
  t.same(partsOf(parsed).map(normaliseConclusions), partsOf(parsed), 'already in the stored spelling');
});

const TEXT_REPORT = `EUROPEAN COMMISSION
DIRECTORATE-GENERAL FOR HEALTH AND FOOD SAFETY

eHealth Network
Summary report
19th eHealth Network meeting
(Teleconference)
3 June 2021

Co-chairs
Ms Ioana-Maria Gligor, Director, DG SANTE

Opening and approval of agenda

The co-chairs welcomed the participants. The agenda was
approved without changes.

9. European Health
Data Space – for discussion

The Commission presented the timeline of the proposal and
the steps to its adoption by the co-legislators 1.

9.1. State of play of the EHDS —
for information

The Member States reported on their preparations:
- Estonia connected its hospitals.

Action points:
- Commission to circulate the timeline by 30 June
  2021.
- Member States to name their contact points.

9.2 MyHealth@EU: operations report

The network adopted the report without changes.

Action points

Item  Action                                Owner       Due date
9.1   Commission to circulate the timeline  Commission  30 June 2021

Annex – Attendance

Belgium  Ms A. Delegate
________________
1 Regulation proposal COM(2022) 197.
`;

t.test('a plain-text report: typed numbers, wrapped lines and headings, a footnote after the rule', async (t) => {
  const parsed = await parseFile(Buffer.from(TEXT_REPORT), 'report.txt');
  t.same(parsed.opening, {
    blocks: [[{ text: 'The co-chairs welcomed the participants. The agenda was approved without changes.' }]],
    footnotes: [],
  });
  t.same(parsed.items, [
    {
      itemId: 31,
      conclusions: {
        blocks: [
          [
            {
              text: 'The Commission presented the timeline of the proposal and the steps to its adoption by the co-legislators',
            },
            { footnote: 1 },
            { text: '.' },
          ],
        ],
        footnotes: [{ text: 'Regulation proposal COM(2022) 197.' }],
      },
    },
    {
      itemId: 32,
      conclusions: {
        // Plain text marks no list: a typed bullet stays a paragraph, as in cover notes.
        blocks: [
          [{ text: 'The Member States reported on their preparations:' }],
          [{ text: '- Estonia connected its hospitals.' }],
        ],
        footnotes: [],
      },
    },
    {
      itemId: 33,
      conclusions: { blocks: [[{ text: 'The network adopted the report without changes.' }]], footnotes: [] },
    },
  ]);
  t.same(parsed.warnings, []);
  t.same(partsOf(parsed).map(normaliseConclusions), partsOf(parsed), 'already in the stored spelling');
});

t.test('a PDF report: bullets hung as a word processor prints them, the closing table ruled', async (t) => {
  const bytes = await drawnPdf([
    line('EUROPEAN COMMISSION', true),
    line('Summary report', true),
    line('3 June 2021'),
    { gap: 12 },
    line('Opening and approval of agenda', true),
    { gap: 6 },
    line('The agenda was approved.'),
    { gap: 12 },
    line('9.1. State of play of the EHDS – for information', true),
    { gap: 6 },
    line('The Member States reported:'),
    item('•', 'Estonia connected its hospitals.'),
    item('•', 'Finland opened its service.'),
    { gap: 6 },
    line('Action points:', true),
    item('•', 'Commission to circulate the timeline.'),
    { gap: 6 },
    line('The discussion continues.'),
    { gap: 12 },
    line('Action points', true),
    { gap: 6 },
    ...ruledTable(
      [70, 150, 350],
      [
        ['Item', 'Action', 'Owner'],
        ['9.1', 'Circulate the timeline', 'Commission'],
      ],
    ),
  ]);
  const parsed = await parseFile(bytes, 'report.pdf', [ITEMS[1]!]);
  t.same(parsed, {
    opening: { blocks: [[{ text: 'The agenda was approved.' }]], footnotes: [] },
    items: [
      {
        itemId: 32,
        conclusions: {
          blocks: [
            [{ text: 'The Member States reported:' }],
            {
              block: 'list',
              style: 'bullet',
              items: [
                { runs: [{ text: 'Estonia connected its hospitals.' }] },
                { runs: [{ text: 'Finland opened its service.' }] },
              ],
            },
            [{ text: 'The discussion continues.' }],
          ],
          footnotes: [],
        },
      },
    ],
    warnings: [],
  });
});

t.test('a heading whose number is not on the agenda is kept as text under the item before, and said', async (t) => {
  const bytes = await wordDraft([
    bold('Summary report'),
    plain('This draft was prepared by the secretariat and is not yet approved by the co-chairs.'),
    styledHeading('Opening and approval of agenda'),
    plain('The agenda was approved.'),
    plain('9. European Health Data Space'),
    plain('Introduction by the Commission.'),
    plain('9.1. State of play of the EHDS – for information'),
    plain('Noted.'),
    plain('9.2. MyHealth@EU: operations report – for adoption'),
    plain('Adopted.'),
    plain('9.3. Cross-border services – for information'),
    plain('Two new services started.'),
    styledHeading('Action points'),
    table([
      ['9.2', 'Publish the report', 'Commission'],
      ['9.3', 'Report on the services', 'Member States'],
    ]),
  ]);
  const parsed = await parseFile(bytes, 'report.docx');
  t.same(parsed.opening, { blocks: [[{ text: 'The agenda was approved.' }]], footnotes: [] });
  t.same(
    parsed.items.map((item) => item.itemId),
    [31, 32, 33],
  );
  t.same(parsed.items[2]!.conclusions, {
    blocks: [
      [{ text: 'Adopted.' }],
      [{ text: '9.3. Cross-border services – for information' }],
      [{ text: 'Two new services started.' }],
    ],
    footnotes: [],
  });
  t.same(parsed.warnings, [
    'Text before the heading "Opening and approval of agenda" is not the letterhead, the title or the co-chairs; it was left out: "This draft was prepared by the secretariat and is not yet approved by the co-chairs.".',
    'The heading "9.3. Cross-border services – for information" has a number that is not on the agenda; it was kept, with the text under it, in the conclusions of item 9.2.',
  ]);
  t.same(partsOf(parsed).map(normaliseConclusions), partsOf(parsed), 'already in the stored spelling');
});

t.test('agenda items without a heading in the file are named; a title read differently is said', async (t) => {
  const text = [
    'Opening and approval of agenda',
    'The agenda was approved.',
    '9. European Health Data Space',
    'Introduction by the Commission.',
    '9.2. Operations of the cross-border services',
    'Adopted.',
  ].join('\n');
  const items = [...ITEMS, { itemId: 34, number: '10', title: 'Any other business' }];
  const parsed = await parseFile(Buffer.from(text), 'report.txt', items);
  t.same(
    parsed.items.map((item) => [item.itemId, item.conclusions.blocks]),
    [
      [31, [[{ text: 'Introduction by the Commission.' }]]],
      [33, [[{ text: 'Adopted.' }]]],
    ],
  );
  t.same(parsed.warnings, [
    'The heading "9.2. Operations of the cross-border services" reads differently from item 9.2\'s title on the agenda, "MyHealth@EU: operations report"; the text under it was read as that item\'s conclusions.',
    'The file has no heading for agenda items 9.1, 10; nothing was read for them.',
  ]);
});

t.test('a file with neither the opening nor any item heading gives no parts, and says so', async (t) => {
  const parsed = await parseFile(Buffer.from('Minutes of the meeting\nThe network met.\n'), 'report.txt');
  t.same(parsed.opening, { blocks: [], footnotes: [] });
  t.same(parsed.items, []);
  t.same(parsed.warnings, [
    'The file has no heading for agenda items 9, 9.1, 9.2; nothing was read for them.',
    'Neither "Opening and approval of agenda" nor the heading of any agenda item was found in the file.',
  ]);
});
