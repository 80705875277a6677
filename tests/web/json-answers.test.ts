import t from 'tap';
import { build } from '../helper.js';
import { webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/**
 * The pages' own scripts ask for JSON (the agenda's order, a packet's progress). A refusal they
 * get is a problem they can read, never an HTML page or a redirect to the sign-in page.
 */
t.test("a script's request is refused in JSON: a missing token, a session that ended", async (t) => {
  const app = await build(t);
  const { sam, meeting } = await webSecretariatWithMeeting(app);
  const a = app.services.agenda.create({ id: sam.id, name: sam.name, role: 'secretariat' }, meeting.id, {
    title: 'Opening',
  });
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}`);
  const accept = { accept: 'application/json' };

  const noToken = await app.inject({
    method: 'POST',
    url: `/meetings/${meeting.id}/order`,
    cookies: web.cookies,
    headers: accept,
    payload: { items: [{ id: a.id }] },
  });
  t.equal(noToken.statusCode, 403);
  t.equal(noToken.headers['content-type'], 'application/problem+json; charset=utf-8', 'before: an HTML page');
  t.match(noToken.json(), { status: 403, detail: /\S/ });

  const signedOut = await app.inject({ method: 'GET', url: '/packets/1/progress', headers: accept });
  t.equal(signedOut.statusCode, 401, 'before: a 303 to the sign-in page');
  t.match(signedOut.json(), { status: 401 });

  const page = await app.inject({ method: 'GET', url: '/packets/1/progress' });
  t.equal(page.statusCode, 303, 'a browser asking for a page is still sent to sign in');
});
