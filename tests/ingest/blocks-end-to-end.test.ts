// needs i20-ingest: the parser that builds blocks from the extractors' list, table and heading lines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { normaliseNoteContent } from '../../src/domain/note-content.js';
import { createItem, meetingSetup } from '../factories.js';
import { as, build, signedIn } from '../helper.js';
import { fileUpload } from '../support/multipart.js';
import { listTablePdf } from '../support/pdf-drafts.js';

/** Upload → parsed blocks: a draft with a list, a nested list and a table, as .md and as .pdf. */

const NOTE_MD = readFileSync(fileURLToPath(new URL('../fixtures/drafts/list-table-note.md', import.meta.url)));
const text = (value: string) => [{ text: value }];

const BULLETS = {
  block: 'list',
  style: 'bullet',
  items: [
    { runs: text('in Brussels, to agree the mandate;') },
    { runs: text('online, to review the risk register;') },
    {
      runs: [
        { text: 'in Lisbon, with the ' },
        { text: 'ENISA experts', href: 'https://www.enisa.europa.eu' },
        { text: '.' },
      ],
    },
  ],
};
const NUMBERS = {
  block: 'list',
  style: 'number',
  items: [
    { runs: text('a survey of Member States;') },
    { runs: text('a report, in two parts:'), sublist: { style: 'number', items: [{ runs: text('the findings;') }] } },
    { runs: text('a workshop.') },
  ],
};
const TABLE = {
  block: 'table',
  header: [text('Date'), text('Meeting'), text('Place')],
  rows: [
    [text('29 January 2020'), text('First meeting'), text('Brussels')],
    [text('3 March 2020'), text('Second meeting'), text('Online')],
  ],
};

async function dryRun(app: FastifyInstance, fileName: string, bytes: Buffer) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const { id } = createItem(app, secretariat, meeting.id, { rapporteurIds: [rapporteur.id] });
  const body = fileUpload(fileName, bytes);
  const res = await as(app, rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${id}/note/versions?dryRun=true`,
    payload: body.payload,
    headers: body.headers,
  });
  return { status: res.statusCode, ...res.json() };
}

t.test('a Markdown draft gives its list, nested list and table as blocks, with its footnote and link', async (t) => {
  const app = await build(t);
  const result = await dryRun(app, 'note.md', NOTE_MD);
  t.equal(result.status, 200);
  t.same(
    { sections: result.recognised.sections, footnotes: result.recognised.footnotes },
    normaliseNoteContent({
      sections: {
        issueAtStake: [
          [
            { text: 'The Work Stream 12 of the NIS cooperation group reports on the security of health systems' },
            { footnote: 1 },
            { text: '.' },
          ],
        ],
        summary: [text('The work stream met three times:'), BULLETS, text('Its next steps:'), NUMBERS, TABLE] as never,
        procedure: [text('For information.')],
      },
      footnotes: [{ text: 'NIS Cooperation Group, Work Stream 12', sourceUrl: 'https://ec.europa.eu/nis' }],
    }),
  );
  t.same(
    result.warnings,
    [{ code: 'item-mismatch', message: 'The draft is numbered 9.1, but this is item 1 (An agenda item).' }],
    'no warning about lists, tables or headings: only that the draft is of another item',
  );
});

t.test(
  'a PDF draft with hung bullets, an indented numbered list and a ruled table gives the same blocks',
  async (t) => {
    const app = await build(t);
    const pdf = await listTablePdf();
    const result = await dryRun(app, 'note.pdf', pdf);
    t.equal(result.status, 200);
    t.same(
      result.recognised.sections,
      normaliseNoteContent({
        sections: {
          issueAtStake: [text('The work stream reports on the security of health systems.')],
          summary: [
            text('The work stream met three times:'),
            { ...BULLETS, items: [...BULLETS.items.slice(0, 2), { runs: text('in Lisbon, with the ENISA experts.') }] },
            text('Its next steps:'),
            NUMBERS,
            TABLE,
          ] as never,
          procedure: [text('For information.')],
        },
      }).sections,
    );
    t.same(result.warnings, [], 'no warnings: the table was read as a table, the item line is this item');
  },
);
