import t from 'tap';
import { simpleContent } from '../factories.js';
import { build } from '../helper.js';
import { multipart } from '../support/multipart.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** An item with a rapporteur and a first version, its note submitted for review. */
async function inReview(t: Parameters<typeof build>[0]) {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  const ritaActor = { id: rita.id, name: rita.name, role: 'rapporteur' as const };
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  app.services.notes.createVersion(ritaActor, item.id, simpleContent());
  app.services.workflow.perform(ritaActor, item.id, { event: 'submit' });
  const secretariat = await webSession(app, sam.email, `/items/${item.id}`);
  return { app, staff, rita, ritaActor, item, secretariat };
}

const etagOf = (body: string) => /name="etag" value="([^"]+)"/.exec(body)![1]!.replaceAll('&quot;', '"');

t.test('a returned note says so, with its reason, to its rapporteur until a new version is saved', async (t) => {
  const { app, rita, ritaActor, item, secretariat } = await inReview(t);
  const page = await secretariat.get(`/items/${item.id}`);
  const back = await secretariat.post(`/items/${item.id}/transition`, {
    event: 'return',
    comment: 'Please shorten the summary.',
    etag: etagOf(page.body),
  });
  t.equal(back.statusCode, 303);
  t.equal(decodeURIComponent(back.headers.location!), `/items/${item.id}?done=The note is back with its rapporteurs.`);

  const rapporteur = await webSession(app, rita.email, '/my-items');
  const itemPage = await rapporteur.get(`/items/${item.id}`);
  t.match(itemPage.body, '<div class="ecl-notification__title">Returned — action needed</div>');
  t.match(itemPage.body, '<q id="return-reason">Please shorten the summary.</q>');
  t.match(itemPage.body, '<span class="ecl-label ecl-label--high">Returned — action needed</span>');
  const mine = await rapporteur.get('/my-items');
  t.match(mine.body, '<span class="ecl-label ecl-label--high">Returned — action needed</span>');
  t.match(mine.body, 'Please shorten the summary.');
  const api = await app.inject({ method: 'GET', url: `/api/v1/items/${item.id}`, cookies: rapporteur.cookies });
  t.equal(api.json().note.returned, true, 'the API says the same');

  app.services.notes.createVersion(ritaActor, item.id, simpleContent('A shorter summary.'));
  const after = await rapporteur.get(`/items/${item.id}`);
  t.notMatch(after.body, 'Returned — action needed');
  t.notMatch((await rapporteur.get('/my-items')).body, 'Returned — action needed');
});

t.test('release keeps the proposed procedure; return and release are apart', async (t) => {
  const { app, staff, item, secretariat } = await inReview(t);
  app.services.workflow.setProcedure(staff, item.id, 'for-discussion');
  const page = await secretariat.get(`/items/${item.id}`);
  t.match(page.body, '<h3 class="agendum-action__title" id="a-return">Return to the rapporteur</h3>');
  t.match(page.body, '<h3 class="agendum-action__title" id="a-release">Release</h3>');
  t.match(page.body, '<option value="for-discussion" selected>For discussion</option>', 'preselected');
  const done = await secretariat.post(`/items/${item.id}/transition`, {
    event: 'release',
    procedure: 'for-discussion',
    etag: etagOf(page.body),
  });
  t.equal(decodeURIComponent(done.headers.location!), `/items/${item.id}?done=The note is released.`);
  t.equal(app.services.notes.get(staff, item.id).procedure, 'for-discussion');
});

t.test('a blank return reason, a stale tab and an unknown event come back to the item page', async (t) => {
  const { app, staff, ritaActor, item, secretariat } = await inReview(t);
  const page = await secretariat.get(`/items/${item.id}`);
  const etag = etagOf(page.body);

  const blank = await secretariat.post(`/items/${item.id}/transition`, { event: 'return', comment: '  ', etag });
  t.equal(blank.statusCode, 422);
  t.match(
    blank.body,
    '<a class="ecl-link" href="#c-return">Comment or reason: To return a note, say why in a comment.</a>',
  );
  t.match(blank.body, '<div class="ecl-feedback-message" id="e-comment">To return a note, say why in a comment.</div>');

  app.services.workflow.setProcedure(ritaActor, item.id, 'for-adoption');
  const stale = await secretariat.post(`/items/${item.id}/transition`, {
    event: 'return',
    comment: 'Shorter, please.',
    etag,
  });
  t.equal(stale.statusCode, 422);
  t.match(stale.body, `The note of item ${item.id} changed since you read it`);
  t.match(stale.body, '>Shorter, please.</textarea>', 'the reason typed is kept');
  t.equal(app.services.notes.get(staff, item.id).state, 'review', 'not returned');

  const unknown = await secretariat.post(`/items/${item.id}/transition`, { event: 'archive', etag });
  t.equal(unknown.statusCode, 422);
  t.match(unknown.body, 'id="error-summary"');
});

t.test('the procedure is set before release, through the API door', async (t) => {
  const { app, staff, item, secretariat } = await inReview(t);
  const page = await secretariat.get(`/items/${item.id}`);
  const set = await secretariat.post(`/items/${item.id}/procedure`, {
    procedure: 'for-adoption',
    etag: etagOf(page.body),
  });
  t.equal(decodeURIComponent(set.headers.location!), `/items/${item.id}?done=The procedure is now For adoption.`);
  t.equal(app.services.notes.get(staff, item.id).procedure, 'for-adoption');
  const now = await secretariat.get(`/items/${item.id}`);
  const wrong = await secretariat.post(`/items/${item.id}/procedure`, {
    procedure: 'whenever',
    etag: etagOf(now.body),
  });
  t.equal(wrong.statusCode, 422);
  t.match(wrong.body, '<ul class="ecl-notification__description"><li>A procedure is one of');
  t.match(
    wrong.body,
    '<option value="for-adoption" selected>For adoption</option>',
    'the stored procedure stays chosen',
  );
});

t.test('versions are listed with their files, and any two compare side by side', async (t) => {
  const { app, ritaActor, item, secretariat } = await inReview(t);
  app.services.workflow.perform({ id: 1, name: 'Web secretariat', role: 'secretariat' }, item.id, {
    event: 'return',
    comment: 'More.',
  });
  app.services.notes.createVersion(ritaActor, item.id, simpleContent('The summary, longer.'));
  app.services.notes.createVersion(ritaActor, item.id, {
    sections: { issueAtStake: ['What is at stake.'], summary: ['The   summary, longer.', 'A new paragraph.'] },
  });
  const page = await secretariat.get(`/items/${item.id}`);
  t.match(
    page.body,
    `<a class="ecl-link" href="/api/v1/items/${item.id}/note.pdf?version&#x3D;1">PDF<span class="ecl-u-sr-only"> of version 1</span></a>`,
  );
  t.notMatch(page.body, '/versions/1/original', 'no original for a version typed as text');
  t.match(page.body, '<option value="2" selected>Version 2</option>');
  t.match(page.body, '<h2 id="history">History</h2>');
  t.match(page.body, 'Reason: More.');

  const diff = await secretariat.get(`/items/${item.id}/diff?a=1&b=3`);
  t.equal(diff.statusCode, 200);
  t.match(diff.body, '<p class="agendum-diff__summary" id="diff-summary">2 insertions, 1 deletion</p>');
  t.match(diff.body, '<ins><span class="ecl-u-sr-only">inserted: </span>A new paragraph.</ins>');
  t.match(diff.body, '<h2 id="d-1">2. Summary</h2>');
});

t.test('a version is written as text; a stale tab keeps what was typed', async (t) => {
  const app = await build(t);
  const { staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  const ritaActor = { id: rita.id, name: rita.name, role: 'rapporteur' as const };
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  app.services.notes.createVersion(ritaActor, item.id, simpleContent());
  const web = await webSession(app, rita.email, `/items/${item.id}/write`);
  const form = await web.get(`/items/${item.id}/write`);
  t.match(form.body, '>The summary.</textarea>', 'prefilled from the latest version');
  const etag = etagOf(form.body);
  const saved = await web.post(`/items/${item.id}/versions`, {
    etag,
    issueAtStake: 'What is at stake.',
    summary: 'First paragraph.\r\n\r\nSecond paragraph[^1].',
    procedure: 'For information.',
    footnotes: 'A source.',
  });
  t.equal(saved.statusCode, 303);
  t.equal(decodeURIComponent(saved.headers.location!), `/items/${item.id}?done=Version 2 saved.`);
  const note = app.services.notes.get(ritaActor, item.id);
  t.same(note.currentVersion!.sections.summary, [
    [{ text: 'First paragraph.' }],
    [{ text: 'Second paragraph' }, { footnote: 1 }, { text: '.' }],
  ]);
  t.same(note.currentVersion!.footnotes, [{ text: 'A source.' }]);
  const stale = await web.post(`/items/${item.id}/versions`, { etag, summary: 'Typed in an old tab.' });
  t.equal(stale.statusCode, 422);
  t.match(stale.body, `The note of item ${item.id} changed since you read it`);
  t.match(stale.body, '>Typed in an old tab.</textarea>');
});

t.test('an upload is read once; a wrong file type comes back to the upload form', async (t) => {
  const app = await build(t);
  const { staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  const web = await webSession(app, rita.email, `/items/${item.id}`);
  const upload = (fileName: string, type: string, content: string | Buffer) =>
    app.inject({
      method: 'POST',
      url: `/items/${item.id}/upload`,
      cookies: web.cookies,
      ...multipart([
        { name: '_csrf', content: web.csrf },
        { name: 'file', fileName, type, content },
      ]),
    });

  const wrong = await upload(
    'photo.png',
    'image/png',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  );
  t.equal(wrong.statusCode, 422);
  t.match(wrong.body, '<div class="ecl-feedback-message" id="e-file">');
  t.match(wrong.body, '<a class="ecl-link" href="#draft-file">Upload a draft: ');
  t.match(wrong.body, 'id="upload-form"', 'the upload form is shown again');

  // No file chosen: the same form, with the reason, not an error page.
  const none = await app.inject({
    method: 'POST',
    url: `/items/${item.id}/upload`,
    cookies: web.cookies,
    ...multipart([{ name: '_csrf', content: web.csrf }]),
  });
  t.equal(none.statusCode, 422);
  t.match(none.body, '<div class="ecl-feedback-message" id="e-file">');
  t.match(none.body, 'id="upload-form"');

  const draft = `1. Issue at stake\nWhat is at stake.\n2. Summary\nRead once.\n3. Format of procedure in the meeting\nFor information.\n`;
  // A preview left open while another version was saved: the save says so on the upload form.
  const early = await upload('draft.txt', 'text/plain', draft);
  const earlyId = /\/upload\/([0-9a-f]+)\/save/.exec(early.body)![1]!;
  const ritaActor = { id: rita.id, name: rita.name, role: 'rapporteur' as const };
  app.services.notes.createVersion(ritaActor, item.id, simpleContent());
  const late = await web.post(`/items/${item.id}/upload/${earlyId}/save`, { etag: etagOf(early.body) });
  t.equal(late.statusCode, 422);
  t.match(late.body, `The note of item ${item.id} changed since you read it`);
  t.match(late.body, 'id="upload-form"');

  const preview = await upload('draft.txt', 'text/plain', draft);
  t.equal(preview.statusCode, 200);
  const previewId = /\/upload\/([0-9a-f]+)\/save/.exec(preview.body)![1]!;
  let parsed = 0;
  const original = app.services.ingest.ingestDraft;
  app.services.ingest.ingestDraft = (...args) => (parsed++, original(...args));
  const saved = await web.post(`/items/${item.id}/upload/${previewId}/save`, { etag: etagOf(preview.body) });
  t.equal(decodeURIComponent(saved.headers.location!), `/items/${item.id}?done=Version 2 saved.`);
  t.equal(parsed, 0, 'not parsed again');
  const page = await web.get(`/items/${item.id}`);
  t.match(page.body, `href="/api/v1/items/${item.id}/note/versions/2/original"`, 'its original is listed');
});

t.test('the text form is not offered over what it would flatten, nor to those who may not write', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  const ritaActor = { id: rita.id, name: rita.name, role: 'rapporteur' as const };
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  app.services.notes.createVersion(ritaActor, item.id, {
    sections: {
      issueAtStake: ['What is at stake.'],
      summary: [
        [{ text: 'See ' }, { text: 'the report', href: 'https://example.org/report' }, { text: '.' }],
        { block: 'list', style: 'bullet', items: [{ runs: [{ text: 'Estonia' }] }, { runs: [{ text: 'Finland' }] }] },
      ],
      procedure: ['For information.'],
    },
  } as never);
  const web = await webSession(app, rita.email, `/items/${item.id}`);
  const page = await web.get(`/items/${item.id}`);
  t.notMatch(page.body, 'Write the version as text', 'no link to a form that would lose the list and the link');
  const form = await web.get(`/items/${item.id}/write`);
  t.equal(form.statusCode, 200);
  t.match(form.body, 'The latest version holds a list, a table or a link');
  t.notMatch(form.body, '<textarea', 'and no form to save over it');

  // Once submitted, nobody writes a version until it is returned: the form is refused, not shown.
  app.services.workflow.perform(ritaActor, item.id, { event: 'submit' });
  const inReview = await web.get(`/items/${item.id}/write`);
  t.equal(inReview.statusCode, 409);
  t.match(inReview.body, 'A new version is written by the drafting circle while the note is in drafting.');
  const secretariat = await webSession(app, sam.email, `/items/${item.id}`);
  t.equal((await secretariat.get(`/items/${item.id}/write`)).statusCode, 409);
});
