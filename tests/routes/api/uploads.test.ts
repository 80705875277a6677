import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { PDFDocument } from 'pdf-lib';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { normaliseNoteContent } from '../../../src/domain/note-content.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { actor, createItem } from '../../factories.js';
import { noteEtag as currentEtag } from '../../../src/services/note-access.js';
import { as, build, noteEtag, problemOf, reposOf, signedIn, type SignedIn } from '../../helper.js';
import { draftDocx, draftPdf } from '../../support/draft-files.js';
import { fileUpload, multipart } from '../../support/multipart.js';

const seedText = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/seeds/${name}`, import.meta.url)));
const SEED_91 = seedText('ehn18-item-9.1-nis-ws12-update.txt');
const SEED_92 = seedText('ehn18-item-9.2-cybersecurity-reflections.txt');
const MEETING_LINE = '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM';

async function setup(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const delegate = await signedIn(app, 'delegate');
  app.services.meetings.createNetwork(actor(secretariat), {
    name: 'eHealth Network',
    headerLines: EHEALTH_HEADER_LINES,
  });
  const meeting = app.services.meetings.create(actor(secretariat), {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
  });
  for (let i = 1; i < 9; i += 1) createItem(app, secretariat, meeting.id, { title: `Item ${i}` });
  const heading = createItem(app, secretariat, meeting.id, { title: 'Cybersecurity' });
  const item91 = createItem(app, secretariat, meeting.id, {
    title: ITEM_9_1.title,
    parentId: heading.id,
    rapporteurIds: [rapporteur.id],
  });
  const item92 = createItem(app, secretariat, meeting.id, {
    title: ITEM_9_2.title,
    parentId: heading.id,
    rapporteurIds: [rapporteur.id],
  });
  return { secretariat, rapporteur, delegate, item91, item92 };
}

async function upload(
  app: FastifyInstance,
  who: SignedIn,
  itemId: number,
  fileName: string,
  bytes: Buffer,
  dryRun = false,
) {
  const body = fileUpload(fileName, bytes);
  const headers: Record<string, string> = { ...body.headers };
  if (!dryRun) headers['if-match'] = etagOf(app, itemId);
  return as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions${dryRun ? '?dryRun=true' : ''}`,
    payload: body.payload,
    headers,
  });
}

/** The note's ETag straight from the database: the uploader may not be allowed to read the note. */
const etagOf = (app: FastifyInstance, itemId: number) => currentEtag(reposOf(app).notes.findByItem(itemId)!);

const uploadsDir = (app: FastifyInstance) => readdirSync(app.config.uploadsDir).filter((f) => !f.startsWith('.'));

t.test(
  'both seed texts uploaded as .txt give exactly their structure; the original comes back unchanged',
  async (t) => {
    const app = await build(t);
    const { rapporteur, item91, item92 } = await setup(app);
    t.equal(item91.number, '9.1', 'the item is numbered as in the seeds');
    for (const [item, bytes, seed] of [
      [item91, SEED_91, ITEM_9_1],
      [item92, SEED_92, ITEM_9_2],
    ] as const) {
      const res = await upload(app, rapporteur, item.id, `${item.number}.txt`, bytes);
      t.equal(res.statusCode, 201, `${item.number} stored`);
      const result = res.json();
      t.same(result.recognised.item, { number: item.number, title: seed.title });
      t.same(result.warnings, [], `${item.number}: no warnings`);
      t.same(
        { sections: result.version.sections, footnotes: result.version.footnotes },
        normaliseNoteContent(seed.content),
      );
      const original = await as(app, rapporteur, {
        method: 'GET',
        url: `/api/v1/items/${item.id}/note/versions/1/original`,
      });
      t.equal(original.statusCode, 200);
      t.ok(original.rawPayload.equals(bytes), 'the original is downloaded byte for byte');
    }
    const note92 = (await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item92.id}/note` })).json();
    t.equal(note92.currentVersion.sections.summary.length, 7);
    t.equal(
      note92.currentVersion.footnotes[0].sourceUrl,
      'https://ec.europa.eu/digital-single-market/en/cyber-security',
    );
  },
);

t.test('the same notes as .docx and as .pdf give the same structure', async (t) => {
  const app = await build(t);
  const { rapporteur, item91, item92 } = await setup(app);
  const sources = [
    { item: item91, seed: ITEM_9_1, headerLines: EHEALTH_HEADER_LINES.filter(Boolean), meetingLine: MEETING_LINE },
    { item: item92, seed: ITEM_9_2 },
  ];
  for (const { item, seed, headerLines, meetingLine } of sources) {
    const source = { headerLines, meetingLine, itemLine: `${item.number}  ${seed.title}`, content: seed.content };
    for (const [kind, bytes] of [
      ['docx', await draftDocx(source)],
      ['pdf', await draftPdf(source)],
    ] as const) {
      const res = await upload(app, rapporteur, item.id, `draft.${kind}`, bytes, true);
      t.equal(res.statusCode, 200, `${item.number}.${kind} parsed`);
      const { recognised, warnings, file } = res.json();
      t.equal(file.kind, kind);
      t.same(warnings, [], `${item.number}.${kind}: no warnings`);
      t.same(recognised.item, { number: item.number, title: seed.title });
      t.same(
        { sections: recognised.sections, footnotes: recognised.footnotes },
        normaliseNoteContent(seed.content),
        `${item.number}.${kind}: same structure`,
      );
      if (meetingLine) t.equal(recognised.meetingLine, meetingLine);
    }
  }
  t.same(uploadsDir(app), [], 'a dry run stores nothing');
});

t.test('a draft of another meeting or item is stored with warnings that say so', async (t) => {
  const app = await build(t);
  const { rapporteur, item91 } = await setup(app);
  const text = SEED_91.toString('utf8')
    .replace('18TH EHEALTH NETWORK', '19TH EHEALTH NETWORK')
    .replace('9.1  Update', '7.3  Update');
  const res = await upload(app, rapporteur, item91.id, 'old.txt', Buffer.from(text), true);
  t.equal(res.statusCode, 200);
  t.same(
    res
      .json()
      .warnings.map((w: { code: string }) => w.code)
      .sort(),
    ['item-mismatch', 'meeting-mismatch'],
  );
});

t.test('a draft with no recognisable section is 422 naming the expected headings', async (t) => {
  const app = await build(t);
  const { rapporteur, item91 } = await setup(app);
  const res = await upload(
    app,
    rapporteur,
    item91.id,
    'letter.txt',
    Buffer.from('Dear colleagues,\nplease find attached.\n'),
  );
  t.equal(res.statusCode, 422);
  const problem = problemOf(t, res) as unknown as { code: string; expectedHeadings: string[] };
  t.equal(problem.code, 'AGENDUM_NO_SECTIONS');
  t.same(problem.expectedHeadings, ['1. Issue at stake', '2. Summary', '3. Format of procedure in the meeting']);
});

t.test('bad files get a clear 4xx and leave no row and no file behind', async (t) => {
  const app = await build(t, { config: undefined });
  const { rapporteur, item91 } = await setup(app);
  const zipOf = async (files: Record<string, string>) => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const bomb = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': ' '.repeat(120 * 1024 * 1024) });
  const encrypted = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      '3 0 obj<</Filter/Standard/V 1/R 2/O(xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)/U(xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)/P -4>>endobj\n' +
      'trailer<</Root 1 0 R/Encrypt 3 0 R/ID[<01><01>]>>\n%%EOF',
  );
  const cases: [string, Buffer, number, RegExp][] = [
    ['empty.docx', Buffer.alloc(0), 422, /empty/],
    [
      'setup.docx',
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0)]),
      415,
      /not a Word document/,
    ],
    [
      'photo.docx',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]),
      415,
      /not a Word document/,
    ],
    ['archive.docx', await zipOf({ 'readme.txt': 'hello' }), 415, /not a Word document/],
    ['bomb.docx', bomb, 422, /zip bomb/],
    ['broken.pdf', Buffer.from('%PDF-1.7\n%garbage that is not a pdf'), 422, /PDF cannot be read/],
    ['locked.pdf', encrypted, 422, /PDF/],
    // Two million short lines: refused by count, not a stack overflow (a 500) in the parser.
    ['huge.txt', Buffer.from('a\n'.repeat(2_000_000)), 422, /2,000,001 lines; a cover note has at most 10,000/],
    [
      'truncated.docx',
      (await draftDocx({ itemLine: '9.1 X', content: ITEM_9_1.content })).subarray(0, 900),
      422,
      /damaged|cannot be read/,
    ],
  ];
  for (const [name, bytes, status, detail] of cases) {
    const res = await upload(app, rapporteur, item91.id, name, bytes);
    t.equal(res.statusCode, status, `${name} -> ${status}`);
    t.match(problemOf(t, res).detail, detail, `${name}: says what was wrong`);
  }
  t.equal(reposOf(app).notes.countVersions(reposOf(app).notes.findByItem(item91.id)!.id), 0, 'no version written');
  t.same(uploadsDir(app), [], 'no file left on disk');
});

t.test('limits: size, one file per request, the file part required', async (t) => {
  const app = await build(t, {
    config: (await import('../../helper.js')).testConfig(t, { AGENDUM_MAX_UPLOAD_MB: '0.01' }),
  });
  const { rapporteur, item91 } = await setup(app);
  const big = await upload(app, rapporteur, item91.id, 'big.txt', Buffer.alloc(20_000, 'a'));
  t.equal(big.statusCode, 413);
  t.equal(problemOf(t, big).code, 'AGENDUM_FILE_TOO_LARGE');
  const two = multipart([
    { name: 'file', fileName: 'a.txt', content: SEED_91.subarray(0, 100) },
    { name: 'file', fileName: 'b.txt', content: SEED_91.subarray(0, 100) },
  ]);
  const etag = await noteEtag(app, rapporteur, item91.id);
  const twoRes = await as(app, rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${item91.id}/note/versions`,
    payload: two.payload,
    headers: { ...two.headers, 'if-match': etag },
  });
  t.equal(twoRes.statusCode, 422);
  t.match(problemOf(t, twoRes).detail, /one file per request/);
  const none = multipart([{ name: 'comment', content: 'no file' }]);
  const noneRes = await as(app, rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${item91.id}/note/versions`,
    payload: none.payload,
    headers: { ...none.headers, 'if-match': etag },
  });
  t.equal(noneRes.statusCode, 422);
  t.same(uploadsDir(app), []);
});

t.test('uploading follows the workflow: If-Match, drafting only, the right people', async (t) => {
  const app = await build(t);
  const { rapporteur, delegate, item91 } = await setup(app);
  const other = await signedIn(app, 'rapporteur');
  const body = fileUpload('9.1.txt', SEED_91);
  const url = `/api/v1/items/${item91.id}/note/versions`;
  t.equal((await as(app, rapporteur, { method: 'POST', url, ...body })).statusCode, 428, 'If-Match required');
  t.equal((await upload(app, other, item91.id, '9.1.txt', SEED_91)).statusCode, 404);
  t.equal((await upload(app, delegate, item91.id, '9.1.txt', SEED_91)).statusCode, 404);
  t.equal((await upload(app, rapporteur, item91.id, '9.1.txt', SEED_91)).statusCode, 201);
  app.services.workflow.perform(actor(rapporteur), item91.id, { event: 'submit' });
  t.equal((await upload(app, rapporteur, item91.id, '9.1.txt', SEED_91)).statusCode, 409, 'not while in review');
  t.equal(uploadsDir(app).length, 1, 'the refused upload left no file');
});

t.test('annexes: PDF only, listed, downloadable, removable while drafting', async (t) => {
  const app = await build(t);
  const { rapporteur, delegate, item91 } = await setup(app);
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const annexBytes = Buffer.from(await pdf.save());
  const url = `/api/v1/items/${item91.id}/annexes`;
  const added = await as(app, rapporteur, {
    method: 'POST',
    url,
    ...multipart([
      { name: 'title', content: 'Work Stream 12 mandate' },
      { name: 'file', fileName: 'mandate.pdf', content: annexBytes },
    ]),
  });
  t.equal(added.statusCode, 201);
  t.match(added.json(), { title: 'Work Stream 12 mandate', fileName: 'mandate.pdf', size: annexBytes.length });
  const notPdf = await as(app, rapporteur, { method: 'POST', url, ...fileUpload('notes.pdf', SEED_91) });
  t.equal(notPdf.statusCode, 415);
  t.equal((await as(app, rapporteur, { method: 'GET', url })).json().length, 1);
  const download = await as(app, rapporteur, { method: 'GET', url: `${url}/${added.json().id}` });
  t.ok(download.rawPayload.equals(annexBytes));
  t.equal(download.headers['content-type'], 'application/pdf');
  t.equal(
    (await as(app, delegate, { method: 'GET', url })).statusCode,
    404,
    'annexes of a draft are hidden from delegates',
  );
  const forPacket = await app.services.ingest.annexesForPacket(item91.id);
  t.equal(forPacket[0]!.title, 'Work Stream 12 mandate');

  app.services.notes.createVersion(actor(rapporteur), item91.id, ITEM_9_1.content);
  app.services.workflow.perform(actor(rapporteur), item91.id, { event: 'submit' });
  t.equal(
    (await as(app, rapporteur, { method: 'DELETE', url: `${url}/${added.json().id}` })).statusCode,
    409,
    'not removable in review',
  );
  app.services.workflow.perform(actor(await signedIn(app, 'secretariat')), item91.id, {
    event: 'return',
    comment: 'Fix the annex',
  });
  t.equal((await as(app, rapporteur, { method: 'DELETE', url: `${url}/${added.json().id}` })).statusCode, 204);
  t.same(uploadsDir(app), [], 'the annex file is gone too');
});

t.test('a crash between writing a file and recording it leaves no orphan after restart', async (t) => {
  const { testConfig } = await import('../../helper.js');
  const config = testConfig(t);
  const first = await build(t, { config });
  const name = await first.services.ingest.sweepOrphans().then(() => reposOf(first).files.allStoredNames());
  t.equal(name.size, 0);
  const { createFileStore } = await import('../../../src/ingest/file-store.js');
  await createFileStore(config.uploadsDir).write(Buffer.from('orphan'), 'txt');
  await first.close();
  const second = await build(t, { config });
  t.same(uploadsDir(second), [], 'the orphan was swept at start');
});
