import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { noteEtag } from '../../src/services/note-access.js';
import { eighteenthMeeting } from '../factories.js';
import { as, build, problemOf, reposOf, signedIn } from '../helper.js';
import { multipart } from '../support/multipart.js';
import { webPerson, webSession } from '../support/web-session.js';

/**
 * Repros of issue 13, "Two doors, two sets of rules": what the API refuses, the web forms
 * refused not at all. Each form now reads its fields with the API route's schema: the same
 * rule, the same message, the input kept and shown again with the message next to its field.
 */

const LINE_RULE = 'must not be blank, and must be one line without control characters';
const TEXT_RULE = 'must not be blank, and must not hold control characters other than line breaks and tabs';
const CHARACTERS_RULE = 'must not hold control characters other than line breaks and tabs';
/** 20,000 characters with NUL, CR LF and ESC in them. */
const HOSTILE = `Agenda${'\u0000'}item\r\n${'\u001b'}[31m${'x'.repeat(20000 - 18)}`;

async function setup(app: FastifyInstance) {
  const staff = await webPerson(app, 'secretariat');
  const api = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur', 'Rita Rapporteur');
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: [] });
  const meeting = eighteenthMeeting(app, staff);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Update', rapporteurIds: [rapporteur.id] });
  const web = await webSession(app, staff.email, `/meetings/${meeting.id}`);
  return { staff, api, rapporteur, meeting, item, web };
}

const itemTitles = (app: FastifyInstance, meetingId: number) =>
  reposOf(app)
    .agenda.listItems(meetingId)
    .map((i) => i.title);

t.test('a 20,000-character title with NUL, CR LF and ESC is refused by the web form as by the API', async (t) => {
  const app = await build(t);
  const { api, meeting, web } = await setup(app);

  const viaApi = await as(app, api, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/items`,
    payload: { title: HOSTILE },
  });
  t.equal(viaApi.statusCode, 400);
  t.same(problemOf(t, viaApi).errors, [
    { path: 'body.title', message: 'must NOT have more than 500 characters' },
    { path: 'body.title', message: LINE_RULE },
  ]);

  // Before: 303 and the title saved as typed.
  const viaWeb = await web.post(`/meetings/${meeting.id}/items`, { title: HOSTILE, parentId: '', rapporteurIds: '' });
  t.equal(viaWeb.statusCode, 422);
  t.match(
    viaWeb.body,
    '<div class="ecl-notification ecl-notification--error error-summary" id="error-summary" role="alert"',
  );
  t.match(
    viaWeb.body,
    '<li><a class="ecl-link" href="#item-title">Title: must NOT have more than 500 characters</a></li>',
  );
  t.match(viaWeb.body, '<div class="ecl-feedback-message" id="e-title">must NOT have more than 500 characters</div>');
  t.match(viaWeb.body, 'aria-invalid="true" aria-describedby="e-title"');
  t.match(viaWeb.body, 'value="Agenda', 'the input is kept');
  t.same(itemTitles(app, meeting.id), ['Update'], 'nothing saved');

  const short = await web.post(`/meetings/${meeting.id}/items`, { title: 'Closing\r\nremarks', parentId: '' });
  t.equal(short.statusCode, 422);
  t.match(short.body, `<li><a class="ecl-link" href="#item-title">Title: ${LINE_RULE}</a></li>`);
  t.same(itemTitles(app, meeting.id), ['Update']);
});

t.test('the web forms still do their work: an item with a parent and a rapporteur, renamed and moved', async (t) => {
  const app = await build(t);
  const { meeting, item, rapporteur, web } = await setup(app);
  const added = await web.post(`/meetings/${meeting.id}/items`, {
    title: 'Work Stream 12',
    parentId: String(item.id),
    rapporteurIds: String(rapporteur.id),
  });
  t.equal(added.statusCode, 303);
  t.equal(added.headers.location, `/meetings/${meeting.id}?done=Item%201.1%20added.`);
  const top = await web.post(`/meetings/${meeting.id}/items`, {
    title: 'Closing remarks',
    parentId: '',
    rapporteurIds: '',
  });
  t.equal(top.statusCode, 303);
  const rows = reposOf(app).agenda.listItems(meeting.id);
  const child = rows.find((r) => r.title === 'Work Stream 12')!;
  t.equal(child.parentId, item.id);

  const page = await web.get(`/meetings/${meeting.id}`);
  t.match(page.body, 'name="position" value="2"', 'the move buttons send the target position');
  const closing = rows.find((r) => r.title === 'Closing remarks')!;
  const moved = await web.post(`/items/${closing.id}/move`, { position: '1' });
  t.equal(moved.statusCode, 303);
  t.equal(
    decodeURIComponent(moved.headers.location as string),
    `/meetings/${meeting.id}?done=Item "Closing remarks" is now 1.#item-${closing.id}`,
  );
  const nowhere = await web.post(`/items/${closing.id}/move`, { position: '0' });
  t.equal(nowhere.statusCode, 422);
  t.match(nowhere.body, '<li><a class="ecl-link" href="#agenda">Agenda: must be &gt;&#x3D; 1</a></li>');

  const renamed = await web.post(`/items/${child.id}/edit`, {
    title: 'Work Stream 12 (NIS)',
    parentId: String(item.id),
  });
  t.equal(renamed.statusCode, 303);
  const refused = await web.post(`/items/${child.id}/edit`, { title: 'Bad\u0000title', parentId: '' });
  t.equal(refused.statusCode, 422);
  t.match(refused.body, `<li><a class="ecl-link" href="#item-title">Title: ${LINE_RULE}</a></li>`);
  t.match(refused.body, '<option value="" selected>(top level)</option>', 'the form is shown again');
  t.equal(reposOf(app).agenda.findItem(child.id)!.title, 'Work Stream 12 (NIS)', 'the refused title is not saved');
  t.equal(reposOf(app).agenda.findItem(child.id)!.parentId, item.id, 'nor the parent');
});

t.test('a lone CR in the city is refused by the web form as by the API; no meeting, no invite', async (t) => {
  const app = await build(t);
  const { api, web } = await setup(app);
  const fields = {
    ordinal: '19',
    startDate: '2021-05-10',
    endDate: '2021-05-11',
    city: 'Brussels\rDTSTART:19700101T000000Z',
    country: 'Belgium',
    draftingDeadline: '',
  };
  const viaApi = await as(app, api, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...fields, ordinal: 19, draftingDeadline: null },
  });
  t.equal(viaApi.statusCode, 400);
  t.same(problemOf(t, viaApi).errors, [{ path: 'body.city', message: LINE_RULE }]);

  const viaWeb = await web.post('/meetings', fields);
  t.equal(viaWeb.statusCode, 422);
  t.match(viaWeb.body, `<li><a class="ecl-link" href="#f-city">City: ${LINE_RULE}</a></li>`);
  t.match(viaWeb.body, `<div class="ecl-feedback-message" id="e-city">${LINE_RULE}</div>`);
  t.match(viaWeb.body, 'id="f-ordinal" name="ordinal" type="number" value="19"', 'the input is kept');
  t.same(
    app.services.meetings.list().map((m) => m.ordinal),
    [18],
    'no meeting 19',
  );

  const notANumber = await web.post('/meetings', { ...fields, city: 'Brussels', ordinal: 'nineteen' });
  t.equal(notANumber.statusCode, 422);
  t.match(notANumber.body, '<li><a class="ecl-link" href="#f-ordinal">Number of the meeting: must be integer</a></li>');
  const good = await web.post('/meetings', { ...fields, city: 'Brussels' });
  t.equal(good.statusCode, 303, 'the same form with a clean city creates the meeting');
  t.same(
    app.services.meetings.list().map((m) => [m.ordinal, m.city, m.draftingDeadline]),
    [
      [19, 'Brussels', null],
      [18, 'Brussels', null],
    ],
    'the newest meeting first',
  );
});

t.test('comments and return reasons: the API limits and character rules hold in the web forms', async (t) => {
  const app = await build(t);
  const { api, staff, item, web } = await setup(app);
  app.services.notes.createVersion(staff, item.id, { sections: { summary: ['Text.'] } });
  app.services.workflow.perform(staff, item.id, { event: 'submit' });

  const viaApi = await as(app, api, {
    method: 'POST',
    url: `/api/v1/items/${item.id}/note/comments`,
    payload: { body: HOSTILE },
  });
  t.equal(viaApi.statusCode, 400);
  t.same(problemOf(t, viaApi).errors, [
    { path: 'body.body', message: 'must NOT have more than 10000 characters' },
    { path: 'body.body', message: TEXT_RULE },
  ]);
  const comment = await web.post(`/items/${item.id}/comments`, { section: 'summary', body: HOSTILE });
  t.equal(comment.statusCode, 422);
  t.match(
    comment.body,
    '<li><a class="ecl-link" href="#comment-body">Add a comment: must NOT have more than 10000 characters</a></li>',
  );
  t.match(comment.body, '<option value="summary" selected>', 'the section chosen is kept');
  const ctl = await web.post(`/items/${item.id}/comments`, { section: '', body: 'Fine\u001b[2J' });
  t.equal(ctl.statusCode, 422);
  t.match(ctl.body, `Add a comment: ${TEXT_RULE}`);
  t.same(app.services.review.list(staff, item.id), [], 'no comment stored');
  const multiLine = await web.post(`/items/${item.id}/comments`, { section: '', body: 'Two lines:\r\nthe second.' });
  t.equal(multiLine.statusCode, 303, 'line breaks from a textarea are fine');

  const etag = noteEtag(reposOf(app).notes.findByItem(item.id)!);
  const reason = await web.post(`/items/${item.id}/transition`, { etag, event: 'return', comment: 'See\u0000 above' });
  t.equal(reason.statusCode, 422);
  t.match(reason.body, `<li><a class="ecl-link" href="#c-return">Comment or reason: ${CHARACTERS_RULE}</a></li>`);
  t.match(reason.body, '>See', 'the reason typed is kept');
  t.equal(reposOf(app).notes.findByItem(item.id)!.state, 'review', 'the note did not move');
  const viaApiReason = await as(app, api, {
    method: 'POST',
    url: `/api/v1/items/${item.id}/note/transitions`,
    headers: { 'if-match': etag },
    payload: { event: 'return', comment: 'See\u0000 above' },
  });
  t.equal(viaApiReason.statusCode, 400);
  t.same(problemOf(t, viaApiReason).errors, [{ path: 'body.comment', message: CHARACTERS_RULE }]);
});

t.test('packet subject and message: the same rules through the web form and the API', async (t) => {
  const app = await build(t);
  const { api, meeting, web } = await setup(app);
  const viaApi = await as(app, api, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/packets`,
    payload: { subject: 'Documents\r\nBcc: everyone@example.org', message: '   ' },
  });
  t.equal(viaApi.statusCode, 400);
  t.same(problemOf(t, viaApi).errors, [
    { path: 'body.subject', message: LINE_RULE },
    { path: 'body.message', message: TEXT_RULE },
  ]);
  const viaWeb = await web.post(`/meetings/${meeting.id}/packets`, {
    subject: 'Documents\r\nBcc: everyone@example.org',
    message: '   ',
  });
  t.equal(viaWeb.statusCode, 422);
  t.match(viaWeb.body, `<li><a class="ecl-link" href="#packet-subject">Subject: ${LINE_RULE}</a></li>`);
  t.match(viaWeb.body, `<li><a class="ecl-link" href="#packet-message">Message: ${TEXT_RULE}</a></li>`);
  t.match(viaWeb.body, '<div class="ecl-feedback-message" id="e-subject">');
  const long = await web.post(`/meetings/${meeting.id}/packets`, { subject: 'x'.repeat(301), message: 'Hello.' });
  t.equal(long.statusCode, 422);
  t.match(
    long.body,
    '<li><a class="ecl-link" href="#packet-subject">Subject: must NOT have more than 300 characters</a></li>',
  );
  t.match(long.body, '>Hello.</textarea>', 'the message is kept');
  t.equal(reposOf(app).mail.findPacket(1), undefined, 'no packet created');
});

t.test('an annex title is read with a schema too: no control characters, at most 300 characters', async (t) => {
  const app = await build(t);
  const { api, item } = await setup(app);
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const pdf = Buffer.from(await doc.save());
  const send = (title: string) =>
    as(app, api, {
      method: 'POST',
      url: `/api/v1/items/${item.id}/annexes`,
      ...multipart([
        { name: 'title', content: title },
        { name: 'file', fileName: 'annex.pdf', content: pdf },
      ]),
    });
  const refused = await send('Mandate\r\nX-Evil: 1');
  t.equal(refused.statusCode, 400);
  t.same(problemOf(t, refused).errors, [{ path: 'body.title', message: LINE_RULE }]);
  t.equal((await send('Mandate')).statusCode, 201);
});
