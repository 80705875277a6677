import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import t, { type Test } from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import type { NoteContentInput } from '../../../src/domain/note-content.js';
import { actor, createItem, meetingSetup } from '../../factories.js';
import { as, build, noteEtag, postVersion, problemOf, signedIn, type SignedIn } from '../../helper.js';
import { LIST_TABLE_NOTE } from '../../support/docx-notes.js';
import { fileUpload } from '../../support/multipart.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const get = (app: FastifyInstance, who: SignedIn | null, url: string) =>
  as(app, who, { method: 'GET', url: `/api/v1${url}` });

/** Meeting 18: item 1 released at version 1 then reopened and revised (version 2), item 2 in review. */
async function meetingWithNotes(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const delegate = await signedIn(app, 'delegate');
  const meeting = await meetingSetup(app, secretariat);
  const [released, review] = [ITEM_9_1, ITEM_9_2].map((seed) => {
    const item = createItem(app, secretariat, meeting.id, { title: seed.title, rapporteurIds: [rapporteur.id] });
    app.services.notes.createVersion(actor(rapporteur), item.id, seed.content);
    app.services.workflow.perform(actor(rapporteur), item.id, { event: 'submit' });
    return item;
  });
  const staff = actor(secretariat);
  app.services.workflow.perform(staff, released!.id, { event: 'release', procedure: 'for-information' });
  app.services.workflow.perform(staff, released!.id, { event: 'reopen', comment: 'A figure was wrong.' });
  app.services.notes.createVersion(actor(rapporteur), released!.id, ITEM_9_2.content);
  return { who: { secretariat, rapporteur, delegate }, released: released!, review: review! };
}

t.test('a version downloads as a Word file named like its PDF', async (t) => {
  const app = await build(t);
  const { who, released, review } = await meetingWithNotes(app);

  const res = await get(app, who.delegate, `/items/${released.id}/note/versions/1/docx`);
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], DOCX);
  t.equal(res.headers['content-disposition'], 'attachment; filename=18th-ehealth-network-item-1-v1.docx');
  const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
  t.match(text, /COVER NOTE\s+1\s+Update from the Work Stream 12 of the NIS cooperation group\s+1\. Issue at stake/);

  const draft = await get(app, who.rapporteur, `/items/${review.id}/note/versions/1/docx`);
  t.equal(draft.statusCode, 200);
  t.equal(draft.headers['content-disposition'], 'attachment; filename=18th-ehealth-network-item-2-v1-draft.docx');
});

t.test('whoever may read a version may download it, and the others get the PDF route answer', async (t) => {
  const app = await build(t);
  const { who, released, review } = await meetingWithNotes(app);
  const cases: [SignedIn | null, number, number, number][] = [
    [who.delegate, released.id, 1, 200],
    [who.delegate, released.id, 2, 404], // the revision after the reopening is not published
    [who.delegate, review.id, 1, 404], // a note in review is not found by a delegate
    [who.rapporteur, released.id, 2, 200],
    [who.rapporteur, review.id, 1, 200],
    [who.secretariat, review.id, 1, 200],
    [who.secretariat, review.id, 9, 404],
    [who.secretariat, 999999, 1, 404],
    [null, released.id, 1, 401],
  ];
  for (const [reader, itemId, number, status] of cases) {
    const docx = await get(app, reader, `/items/${itemId}/note/versions/${number}/docx`);
    const pdf = await get(app, reader, `/items/${itemId}/note.pdf?version=${number}`);
    const label = `${reader?.role ?? 'nobody'} asks for version ${number} of item ${itemId}`;
    t.equal(docx.statusCode, status, label);
    t.equal(docx.statusCode, pdf.statusCode, `${label}: as the PDF route answers`);
    if (status === 404) t.equal(problemOf(t, docx).detail, problemOf(t, pdf).detail, 'in the same words');
  }
  t.equal((await get(app, who.secretariat, `/items/${review.id}/note/versions/0/docx`)).statusCode, 400);
});

t.test('the OpenAPI document lists the download', async (t) => {
  const app = await build(t);
  const res = await as(app, null, { method: 'GET', url: '/api/v1/openapi.json' });
  const path = res.json().paths['/api/v1/items/{itemId}/note/versions/{number}/docx'];
  t.ok(path?.get, 'GET is documented');
  t.ok(path.get.responses['200'].content[DOCX], 'as a Word document');
  t.ok(path.get.responses['404'], 'with its 404');
});

/** Posts a version, downloads it as .docx, uploads that file: both versions' content hashes. */
async function roundTrip(t: Test, app: FastifyInstance, title: string, content: NoteContentInput) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title, rapporteurIds: [rapporteur.id] });
  const posted = await postVersion(app, rapporteur, item.id, content);
  t.equal(posted.statusCode, 201, 'the version is written');
  const download = await get(app, rapporteur, `/items/${item.id}/note/versions/1/docx`);
  t.equal(download.statusCode, 200, 'and downloaded');
  const body = fileUpload('next-draft.docx', download.rawPayload);
  const uploaded = await as(app, rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${item.id}/note/versions`,
    payload: body.payload,
    headers: { ...body.headers, 'if-match': await noteEtag(app, rapporteur, item.id) },
  });
  t.equal(uploaded.statusCode, 201, 'and uploaded again');
  const result = uploaded.json();
  t.same(result.warnings, [], 'with nothing to warn about');
  return { first: posted.json().contentHash as string, again: result.version?.contentHash as string };
}

for (const seed of [ITEM_9_1, ITEM_9_2]) {
  t.test(`the seed note "${seed.title}" comes back from its .docx with the same content hash`, async (t) => {
    const { first, again } = await roundTrip(t, await build(t), seed.title, seed.content);
    t.equal(again, first);
  });
}

// needs i20-ingest
t.test('a note with lists and a table comes back from its .docx with the same content hash', async (t) => {
  const { first, again } = await roundTrip(t, await build(t), LIST_TABLE_NOTE.title, LIST_TABLE_NOTE.content);
  t.equal(again, first);
});
