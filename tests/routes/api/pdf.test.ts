import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { actor, createItem, meetingSetup } from '../../factories.js';
import { as, build, problemOf, signedIn, type SignedIn } from '../../helper.js';
import { fileUpload } from '../../support/multipart.js';
import { pdfText } from '../../support/pdf-text.js';

interface Cast {
  secretariat: SignedIn;
  rapporteur: SignedIn;
  delegate: SignedIn;
}

/** Meeting 18 with 9 Cybersecurity > 9.1 (released) and 9.2 (in review), written by the rapporteur. */
async function meetingWithNotes(app: FastifyInstance) {
  const who: Cast = {
    secretariat: await signedIn(app, 'secretariat'),
    rapporteur: await signedIn(app, 'rapporteur'),
    delegate: await signedIn(app, 'delegate'),
  };
  const meeting = await meetingSetup(app, who.secretariat);
  const heading = createItem(app, who.secretariat, meeting.id, { title: 'Cybersecurity' });
  const [released, review] = [ITEM_9_1, ITEM_9_2].map((seed) => {
    const item = createItem(app, who.secretariat, meeting.id, {
      title: seed.title,
      parentId: heading.id,
      rapporteurIds: [who.rapporteur.id],
    });
    app.services.notes.createVersion(actor(who.rapporteur), item.id, seed.content);
    app.services.workflow.perform(actor(who.rapporteur), item.id, { event: 'submit' });
    return item;
  });
  app.services.workflow.perform(actor(who.secretariat), released!.id, {
    event: 'release',
    procedure: 'for-information',
  });
  return { who, meeting, released: released!, review: review!, heading };
}

const get = (app: FastifyInstance, who: SignedIn, url: string) => as(app, who, { method: 'GET', url: `/api/v1${url}` });

t.test('a note PDF follows the note reading rules', async (t) => {
  const app = await build(t);
  const { who, released, review } = await meetingWithNotes(app);

  const ok = await get(app, who.delegate, `/items/${released.id}/note.pdf`);
  t.equal(ok.statusCode, 200);
  t.equal(ok.headers['content-type'], 'application/pdf');
  t.equal(ok.headers['content-disposition'], 'inline; filename=18th-ehealth-network-item-1.1-v1.pdf');
  t.equal(ok.rawPayload.subarray(0, 5).toString(), '%PDF-');

  const hidden = await get(app, who.delegate, `/items/${review.id}/note.pdf`);
  t.equal(hidden.statusCode, 404, 'a draft is not found by a delegate');
  t.equal(problemOf(t, hidden).code, 'AGENDUM_NOT_FOUND');

  const draft = await get(app, who.rapporteur, `/items/${review.id}/note.pdf`);
  t.equal(draft.statusCode, 200, 'its rapporteur prints it');
  t.match(draft.headers['content-disposition'], /item-1\.2-v1-draft\.pdf/);
  const [page] = await pdfText(draft.rawPayload);
  t.same(page!.rotated, ['DRAFT']);
  t.ok(page!.lines.some((l) => l.startsWith('Draft — version 1, review')));

  t.equal((await get(app, who.secretariat, `/items/${review.id}/note.pdf?version=1`)).statusCode, 200);
  const missing = await get(app, who.secretariat, `/items/${review.id}/note.pdf?version=9`);
  t.equal(missing.statusCode, 404);
  t.match(problemOf(t, missing).detail, 'no version 9');
  t.equal((await get(app, who.secretariat, `/items/999999/note.pdf`)).statusCode, 404);
});

t.test('the same version gives the same file on every request', async (t) => {
  const app = await build(t);
  const { who, released } = await meetingWithNotes(app);
  const first = await get(app, who.delegate, `/items/${released.id}/note.pdf`);
  const second = await get(app, who.secretariat, `/items/${released.id}/note.pdf`);
  t.ok(first.rawPayload.equals(second.rawPayload));
});

t.test('every signed-in person prints the agenda', async (t) => {
  const app = await build(t);
  const { who, meeting } = await meetingWithNotes(app);
  const res = await get(app, who.delegate, `/meetings/${meeting.id}/agenda.pdf`);
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-disposition'], 'inline; filename=18th-ehealth-network-agenda.pdf');
  const lines = (await pdfText(res.rawPayload)).flatMap((p) => p.lines).map((l) => l.replace(/\s+/g, ' '));
  t.ok(lines.includes(`1.1 ${ITEM_9_1.title}`));
  t.ok(lines.includes('For information.'), 'the released note shows its procedure');
  t.equal((await get(app, who.delegate, `/meetings/999999/agenda.pdf`)).statusCode, 404);
  t.equal((await as(app, null, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/agenda.pdf` })).statusCode, 401);
});

t.test(
  'a packet with unreleased notes is refused with the list, or printed with drafts by the secretariat',
  async (t) => {
    const app = await build(t);
    const { who, meeting, review } = await meetingWithNotes(app);

    const refused = await get(app, who.secretariat, `/meetings/${meeting.id}/packet.pdf`);
    t.equal(refused.statusCode, 409);
    const problem = problemOf(t, refused) as ReturnType<typeof problemOf> & { unreleased: unknown[] };
    t.equal(problem.code, 'AGENDUM_CONFLICT');
    t.same(problem.unreleased, [{ itemId: review.id, number: '1.2', title: ITEM_9_2.title, state: 'review' }]);

    const forDelegate = problemOf(
      t,
      await get(app, who.delegate, `/meetings/${meeting.id}/packet.pdf`),
    ) as typeof problem;
    t.equal(forDelegate.detail, 'Not every note of this meeting is released yet; the packet is ready once they are.');
    t.equal(forDelegate.unreleased, undefined, 'a delegate learns no list of the items with drafts, nor their states');
    t.equal((await get(app, who.delegate, `/meetings/${meeting.id}/packet.pdf?includeDrafts=true`)).statusCode, 403);

    const withDrafts = await get(app, who.secretariat, `/meetings/${meeting.id}/packet.pdf?includeDrafts=true`);
    t.equal(withDrafts.statusCode, 200);
    t.match(withDrafts.headers['content-disposition'], /packet-with-drafts\.pdf/);
    const pages = await pdfText(withDrafts.rawPayload);
    t.ok(
      pages.some((p) => p.rotated.includes('DRAFT')),
      'the note in review is marked',
    );
  },
);

t.test('delegates receive the packet once every note is released', async (t) => {
  const app = await build(t);
  const { who, meeting, review } = await meetingWithNotes(app);
  app.services.workflow.perform(actor(who.secretariat), review.id, { event: 'release' });
  const res = await get(app, who.delegate, `/meetings/${meeting.id}/packet.pdf`);
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-disposition'], 'inline; filename=18th-ehealth-network-packet.pdf');
  const text = (await pdfText(res.rawPayload)).map((p) => p.lines.join(' ').replace(/\s+/g, ' '));
  t.match(text[0], 'MEETING PACKET');
  t.ok(text.some((p) => p.includes(`1.2 ${ITEM_9_2.title}`) && p.includes('COVER NOTE')));
});

t.test('the API documents the PDF routes', async (t) => {
  const app = await build(t);
  const spec = (await as(app, null, { method: 'GET', url: '/api/v1/openapi.json' })).json();
  const note = spec.paths['/api/v1/items/{itemId}/note.pdf'].get;
  t.ok(note.responses['200'].content['application/pdf']);
  t.ok(note.responses['404'].content['application/problem+json']);
  t.ok(spec.paths['/api/v1/meetings/{meetingId}/packet.pdf'].get.responses['409']);
});

t.test('an uploaded annex follows its note in the packet, numbered and bookmarked', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title: ITEM_9_1.title, rapporteurIds: [rapporteur.id] });
  app.services.notes.createVersion(actor(rapporteur), item.id, ITEM_9_1.content);
  const annex = await PDFDocument.create();
  const font = await annex.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2])
    annex.addPage([595.28, 841.89]).drawText(`Work plan page ${n}`, { x: 72, y: 700, size: 18, font });
  const upload = await as(app, rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${item.id}/annexes`,
    ...fileUpload('work-plan.pdf', Buffer.from(await annex.save())),
  });
  t.equal(upload.statusCode, 201);
  app.services.workflow.perform(actor(rapporteur), item.id, { event: 'submit' });
  app.services.workflow.perform(actor(secretariat), item.id, { event: 'release', procedure: 'for-information' });

  const res = await get(app, secretariat, `/meetings/${meeting.id}/packet.pdf`);
  t.equal(res.statusCode, 200);
  const pages = await pdfText(res.rawPayload);
  const text = pages.map((p) => p.lines.join(' ').replace(/\s+/g, ' '));
  const note = text.findIndex((p) => p.includes('COVER NOTE'));
  t.match(text[note + 1], 'Work plan page 1');
  t.match(text[note + 1], `Annex to item 1 Page ${note + 2} of ${pages.length}`);
  t.match(text[note + 2], 'Work plan page 2');
  t.match(text[1], 'Annex: work-plan . .');
  const doc = await PDFDocument.load(res.rawPayload);
  t.equal(doc.getPageCount(), pages.length);
});
