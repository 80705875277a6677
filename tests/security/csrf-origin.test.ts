import t, { type Test } from 'tap';
import type { TestApp } from '../helper.js';
import { eighteenthMeeting } from '../factories.js';
import { build, problemOf } from '../helper.js';
import { multipart } from '../support/multipart.js';

const PASSWORD = 'correct horse battery';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** A new meeting's form; each post numbers its meeting anew (a network numbers each meeting once). */
let ordinal = 18;
const newMeeting = () => `ordinal=${++ordinal}&startDate=2021-06-08&endDate=2021-06-08&city=Lisbon&country=Portugal`;

async function withStaff(t: Test) {
  const app = await build(t);
  const sam = await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: PASSWORD,
  });
  app.services.meetings.createNetwork(
    { id: sam.id, name: 'Sam', role: 'secretariat' },
    { name: 'eHealth Network', headerLines: [] },
  );
  return app;
}

/** A browser session: signed in through the API, with the CSRF token of the meetings page. */
async function session(app: TestApp) {
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: PASSWORD },
  });
  const cookies: Record<string, string> = { agendum_session: signIn.cookies[0]!.value };
  const page = await app.inject({ method: 'GET', url: '/meetings', cookies });
  for (const cookie of page.cookies) cookies[cookie.name] = cookie.value;
  return { cookies, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
}

const meetingCount = (app: TestApp) => app.services.meetings.list().length;

t.test('a CSRF token works only with the session it was made for', async (t) => {
  const app = await withStaff(t);
  const mine = await session(app);
  const theirs = await session(app);
  const post = (cookies: Record<string, string>, csrf: string) =>
    app.inject({
      method: 'POST',
      url: '/meetings',
      cookies,
      headers: FORM,
      payload: `_csrf=${encodeURIComponent(csrf)}&${newMeeting()}`,
    });

  const foreign = await post(theirs.cookies, mine.csrf);
  t.equal(foreign.statusCode, 403, "another session's token is refused");
  t.match(foreign.headers['content-type'], /text\/html/);
  // Even with the other session's own CSRF cookies copied in (a cookie planted by a neighbour site).
  const planted = await post({ ...mine.cookies, agendum_session: theirs.cookies.agendum_session! }, mine.csrf);
  t.equal(planted.statusCode, 403, 'the token is bound to the session, not to a cookie beside it');
  t.equal(meetingCount(app), 0, 'nothing was created');

  t.equal((await post(mine.cookies, mine.csrf)).statusCode, 303, 'its own session: accepted');
  t.equal(meetingCount(app), 1);
});

t.test('the CSRF token is read from the form body or a header, never from the query string', async (t) => {
  const app = await withStaff(t);
  const { cookies, csrf } = await session(app);
  const inQuery = await app.inject({
    method: 'POST',
    url: `/meetings?_csrf=${encodeURIComponent(csrf)}`,
    cookies,
    headers: FORM,
    payload: newMeeting(),
  });
  t.equal(inQuery.statusCode, 403, 'a token in the URL is refused');
  t.equal(meetingCount(app), 0);

  const inHeader = await app.inject({
    method: 'POST',
    url: '/meetings',
    cookies,
    headers: { ...FORM, 'x-csrf-token': csrf },
    payload: newMeeting(),
  });
  t.equal(inHeader.statusCode, 303, 'X-CSRF-Token is accepted');
  t.equal(meetingCount(app), 1);
});

t.test('the upload form sends its CSRF token as a field before the file, not in its address', async (t) => {
  const app = await withStaff(t);
  const staff = { id: 1, name: 'Sam', role: 'secretariat' as const };
  const meeting = eighteenthMeeting(app, staff);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Update' });
  const { cookies, csrf } = await session(app);
  const page = await app.inject({ method: 'GET', url: `/items/${item.id}`, cookies });
  t.match(page.body, `<form method="post" action="/items/${item.id}/upload" enctype="multipart/form-data"`);
  t.notMatch(page.body, /_csrf=/, 'no token in any address of the page');

  const draft =
    '1. Issue at stake\nStake.\n2. Summary\nSummary.\n3. Format of procedure in the meeting\nFor information.\n';
  const file = { name: 'file', fileName: 'draft.txt', type: 'text/plain', content: draft };
  const inQuery = await app.inject({
    method: 'POST',
    url: `/items/${item.id}/upload?_csrf=${encodeURIComponent(csrf)}`,
    cookies,
    ...multipart([file]),
  });
  t.equal(inQuery.statusCode, 403, 'the token in the query string is refused');
  const inBody = await app.inject({
    method: 'POST',
    url: `/items/${item.id}/upload`,
    cookies,
    ...multipart([{ name: '_csrf', content: csrf }, file]),
  });
  t.equal(inBody.statusCode, 200, 'the token as the first field: the preview is shown');
});

t.test('a form posted from another origin is refused with 403, as a page and as a problem', async (t) => {
  const app = await withStaff(t);
  const { cookies, csrf } = await session(app);
  const post = (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/meetings',
      cookies,
      headers: { ...FORM, ...headers },
      payload: `_csrf=${encodeURIComponent(csrf)}&${newMeeting()}`,
    });

  for (const headers of <Record<string, string>[]>[
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: 'http://localhost:80.evil.example' },
    { 'sec-fetch-site': 'cross-site' },
  ]) {
    const res = await post(headers);
    t.equal(res.statusCode, 403, JSON.stringify(headers));
    t.match(res.headers['content-type'], /text\/html/, 'a page');
    t.match(res.body, /sent from another site/);
  }
  t.equal(meetingCount(app), 0, 'nothing was created');

  const api = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { origin: 'https://evil.example' },
    payload: { email: 'sam@example.org', password: PASSWORD },
  });
  t.equal(api.statusCode, 403, 'the API refuses a cross-site sign-in too');
  t.equal(problemOf(t, api).code, 'AGENDUM_CROSS_SITE');

  t.equal(
    (await post({ origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' })).statusCode,
    303,
    'own origin: accepted',
  );
  t.equal((await post({})).statusCode, 303, 'no Origin: the CSRF token decides');
  const noOriginNoToken = await app.inject({
    method: 'POST',
    url: '/meetings',
    cookies,
    headers: FORM,
    payload: newMeeting(),
  });
  t.equal(noOriginNoToken.statusCode, 403, 'no Origin and no token: refused by the CSRF check');
  t.equal(meetingCount(app), 2);
});
