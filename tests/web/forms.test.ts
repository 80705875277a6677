import t from 'tap';
import { eighteenthMeeting } from '../factories.js';
import { build, reposOf } from '../helper.js';
import { noteEtag } from '../../src/services/note-access.js';
import { multipart } from '../support/multipart.js';

const PASSWORD = 'correct horse battery';

/** Signs in through the API and reads a page's CSRF token, as the browser would. */
async function signedInPage(app: Awaited<ReturnType<typeof build>>, url: string) {
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: PASSWORD },
  });
  const cookies: Record<string, string> = { agendum_session: signIn.cookies[0]!.value };
  const page = await app.inject({ method: 'GET', url, cookies });
  for (const cookie of page.cookies) cookies[cookie.name] = cookie.value;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return { cookies, csrf };
}

/** Sam of the secretariat (with a password, for the web) and one item of the 18th meeting. */
async function secretariatWithItem(app: Awaited<ReturnType<typeof build>>) {
  const sam = await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: PASSWORD,
  });
  const staff = { id: sam.id, name: sam.name, role: 'secretariat' as const };
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: [] });
  const meeting = eighteenthMeeting(app, staff);
  return { staff, item: app.services.agenda.create(staff, meeting.id, { title: 'Update' }) };
}

/** What a user types into the web forms is checked like the API's bodies: a 4xx page, never a 500. */
t.test('web forms: an unknown action and a blank comment are refused clearly', async (t) => {
  const app = await build(t);
  const { staff, item } = await secretariatWithItem(app);
  app.services.notes.createVersion(staff, item.id, { sections: { summary: ['Text.'] } });
  const { cookies, csrf } = await signedInPage(app, `/items/${item.id}`);
  const post = (url: string, form: string) =>
    app.inject({
      method: 'POST',
      url,
      cookies,
      payload: `_csrf=${encodeURIComponent(csrf)}&${form}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  for (const event of ['toString', 'constructor', 'launch']) {
    const res = await post(`/items/${item.id}/transition`, `event=${event}`);
    t.equal(res.statusCode, 422, `event "${event}" -> 422`);
    t.match(res.body, 'Cover note: must be one of submit, return, release, reopen, withdraw, restore');
  }
  t.equal(reposOf(app).notes.findByItem(item.id)!.state, 'drafting', 'nothing moved');

  const blank = await post(`/items/${item.id}/comments`, 'section=&body=%20%20%20');
  t.equal(blank.statusCode, 422, 'a blank comment -> 422');
  t.match(
    blank.body,
    'Add a comment: must not be blank, and must not hold control characters other than line breaks and tabs',
  );
  t.same(app.services.review.list(staff, item.id), [], 'no empty comment stored');
});

t.test('an upload preview is kept once per person and item: a second preview replaces the first', async (t) => {
  const app = await build(t);
  const { staff, item } = await secretariatWithItem(app);
  const { cookies, csrf } = await signedInPage(app, `/items/${item.id}`);
  const draft = (summary: string) =>
    `1. Issue at stake\nWhat is at stake.\n2. Summary\n${summary}\n3. Format of procedure in the meeting\nFor information.\n`;
  const preview = async (summary: string) => {
    // As the browser sends the form: the CSRF field first, then the file.
    const body = multipart([
      { name: '_csrf', content: csrf },
      { name: 'file', fileName: 'draft.txt', type: 'text/plain', content: draft(summary) },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: `/items/${item.id}/upload`,
      cookies,
      ...body,
    });
    t.equal(res.statusCode, 200, 'preview shown');
    return /\/upload\/([0-9a-f]+)\/save/.exec(res.body)![1]!;
  };
  const save = (previewId: string) =>
    app.inject({
      method: 'POST',
      url: `/items/${item.id}/upload/${previewId}/save`,
      cookies,
      payload: `_csrf=${encodeURIComponent(csrf)}&etag=${encodeURIComponent(noteEtag(app.services.notes.get(staff, item.id)))}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  const first = await preview('The first draft.');
  const second = await preview('The second draft.');
  const stale = await save(first);
  t.equal(stale.statusCode, 410, 'the replaced preview is gone');
  t.match(stale.body, /upload the file again/);
  const saved = await save(second);
  t.equal(saved.statusCode, 303, 'the latest preview is saved');
  t.equal(app.services.notes.get(staff, item.id).versionCount, 1, 'one version, the second draft');
});

t.test('a draft declared as Markdown is saved as Markdown, as its preview read it', async (t) => {
  const app = await build(t);
  const { staff, item } = await secretariatWithItem(app);
  const { cookies, csrf } = await signedInPage(app, `/items/${item.id}`);
  const markdown =
    '# 1. Issue at stake\n\nStake.\n\n# 2. Summary\n\n- one\n- two\n\n# 3. Format of procedure\n\nFor information.\n';
  // A name that says text, a declared type that says Markdown: the declared type decides.
  const body = multipart([
    { name: '_csrf', content: csrf },
    { name: 'file', fileName: 'draft.txt', type: 'text/markdown', content: markdown },
  ]);
  const res = await app.inject({ method: 'POST', url: `/items/${item.id}/upload`, cookies, ...body });
  t.equal(res.statusCode, 200, 'preview shown');
  t.match(res.body.replace(/\s+/g, ' '), '<ul class="body-list"> <li>one</li> <li>two</li> </ul>');
  const previewId = /\/upload\/([0-9a-f]+)\/save/.exec(res.body)![1]!;
  const saved = await app.inject({
    method: 'POST',
    url: `/items/${item.id}/upload/${previewId}/save`,
    cookies,
    payload: `_csrf=${encodeURIComponent(csrf)}&etag=${encodeURIComponent(noteEtag(app.services.notes.get(staff, item.id)))}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(saved.statusCode, 303);
  const [version] = app.services.notes.listVersions(staff, item.id);
  t.same(version!.sections.summary, [
    { block: 'list', style: 'bullet', items: [{ runs: [{ text: 'one' }] }, { runs: [{ text: 'two' }] }] },
  ]);
});
