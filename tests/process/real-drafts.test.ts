import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { createItem, meetingSetup } from '../factories.js';
import { as, build, noteEtag, signedIn, type SignedIn } from '../helper.js';
import { fileUpload } from '../support/multipart.js';
import { pdfLines } from '../support/pdf-text.js';
import {
  bullet,
  deleted,
  inserted,
  ITEM_LINE,
  listNumberedHeading,
  listTableDraft,
  plain,
  table,
  wordDraft,
} from '../support/word-drafts.js';
import { TextRun } from 'docx';

/**
 * Issue 20's acceptance, end to end through the doors a rapporteur uses: a draft written in Word
 * the way Word users write it is uploaded, stored as blocks, and printed with its bullets and its
 * table; the same note written in Markdown gives the same blocks, and so the same content hash.
 */

async function setup(t: Parameters<typeof build>[0]) {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, {
    title: 'Health data in practice',
    rapporteurIds: [rapporteur.id],
  });
  return { app, rapporteur, item };
}

async function upload(app: FastifyInstance, who: SignedIn, itemId: number, name: string, bytes: Buffer | string) {
  const body = fileUpload(name, bytes);
  return as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions`,
    payload: body.payload,
    headers: { ...body.headers, 'if-match': await noteEtag(app, who, itemId) },
  });
}

t.test('a Word draft with numbered headings, bullets and a table of dates prints them', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  const res = await upload(app, rapporteur, item.id, 'draft.docx', await listTableDraft());
  t.equal(res.statusCode, 201, res.body);
  t.same(
    res.json().warnings.map((w: { code: string }) => w.code),
    ['tracked-changes', 'comments', 'item-mismatch'],
  );
  const pdf = await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note.pdf` });
  t.equal(pdf.statusCode, 200);
  const lines = (await pdfLines(pdf.rawPayload)).map((line) => line.replace(/\s+/g, ' ').trim());
  const from = lines.indexOf('2. Summary');
  t.ok(from > 0, 'the summary heading is printed');
  t.same(lines.slice(from, from + 9), [
    '2. Summary',
    'Three Member States reported:',
    '• Estonia connected its hospitals.',
    '• Finland opened the patient summary service.',
    '• Portugal tested e-prescriptions.',
    'The next dates are set:',
    'Kick-off 29 January 2020',
    'Workshop 12 March 2020',
    'Report 30 June 2020',
  ]);
});

const MARKDOWN = `**${ITEM_LINE}**

# 1. Issue at stake

The network is asked to take stock of the second pilot.

# 2. Summary

Three Member States reported:

- Estonia connected its hospitals.
- Finland opened the patient summary service.
- Portugal tested e-prescriptions.

The next dates are set:

| Step | Date |
| --- | --- |
| Kick-off | 29 January 2020 |
| Workshop | 12 March 2020 |

# 3. Format of procedure in the meeting

For information.
`;

t.test('the same note as Markdown and as Word parses to the same blocks and hash', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  const word = await wordDraft([
    plain(new TextRun({ text: ITEM_LINE, bold: true })),
    listNumberedHeading('Issue at stake'),
    plain('The network is asked to take stock of the ', inserted('second ', 1), deleted('first ', 2), 'pilot.'),
    listNumberedHeading('Summary'),
    plain('Three Member States reported:'),
    bullet('Estonia connected its hospitals.'),
    bullet('Finland opened the patient summary service.'),
    bullet('Portugal tested e-prescriptions.'),
    plain('The next dates are set:'),
    table(
      [
        ['Step', 'Date'],
        ['Kick-off', '29 January 2020'],
        ['Workshop', '12 March 2020'],
      ],
      { header: true },
    ),
    listNumberedHeading('Format of procedure in the meeting'),
    plain('For information.'),
  ]);
  const fromWord = await upload(app, rapporteur, item.id, 'draft.docx', word);
  t.equal(fromWord.statusCode, 201, fromWord.body);
  const fromMarkdown = await upload(app, rapporteur, item.id, 'draft.md', MARKDOWN);
  t.equal(fromMarkdown.statusCode, 201, fromMarkdown.body);
  // The draft says 9.3, the test meeting's first item is 1: the one warning, and a true one.
  t.same(
    fromMarkdown.json().warnings.map((w: { code: string }) => w.code),
    ['item-mismatch'],
  );
  t.same(fromMarkdown.json().version.sections.summary[3], {
    block: 'table',
    header: [[{ text: 'Step' }], [{ text: 'Date' }]],
    rows: [
      [[{ text: 'Kick-off' }], [{ text: '29 January 2020' }]],
      [[{ text: 'Workshop' }], [{ text: '12 March 2020' }]],
    ],
  });
  t.same(fromMarkdown.json().version.sections, fromWord.json().version.sections);
  t.equal(fromMarkdown.json().version.contentHash, fromWord.json().version.contentHash);
});
