import t from 'tap';
import { as, build, problemOf, reposOf, signedIn } from '../../helper.js';

const PASSWORD = 'correct horse battery';

/** Signs a person in with their password, as a browser would; answers the session cookie. */
async function signIn(app: Awaited<ReturnType<typeof build>>, email: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { 'user-agent': 'Firefox/120 (test)' },
    payload: { email, password: PASSWORD },
  });
  return res.cookies.find((c) => c.name === 'agendum_session')!.value;
}

t.test("the secretariat sees a delegate's sessions and tokens, never their secrets, and ends them", async (t) => {
  const app = await build(t);
  const staff = await signedIn(app, 'secretariat');
  const delegate = await app.services.people.create('system', {
    name: 'Sophie Dubois',
    email: 'sophie.dubois@health.fgov.be',
    role: 'delegate',
    password: PASSWORD,
  });
  const cookie = await signIn(app, 'sophie.dubois@health.fgov.be');
  const token = app.services.auth.createToken({ id: delegate.id, name: delegate.name, role: 'delegate' }, 'script');

  const sessions = await as(app, staff, { method: 'GET', url: `/api/v1/people/${delegate.id}/sessions` });
  t.equal(sessions.statusCode, 200);
  const [session] = sessions.json();
  t.match(session, {
    method: 'password',
    pendingSecondFactor: false,
    isExpired: false,
  });
  t.notOk(sessions.body.includes(cookie), 'the cookie value is not in the answer');
  t.notMatch(sessions.body, /tokenHash|token_hash/);

  const tokens = await as(app, staff, { method: 'GET', url: `/api/v1/people/${delegate.id}/tokens` });
  t.same(
    tokens.json().map((x: { name: string; revokedAt: null }) => [x.name, x.revokedAt]),
    [['script', null]],
  );
  t.notOk(tokens.body.includes(token.token), 'the token is not in the answer');

  const ended = await as(app, staff, {
    method: 'DELETE',
    url: `/api/v1/people/${delegate.id}/sessions/${session.id}`,
  });
  t.equal(ended.statusCode, 204);
  const after = await app.inject({ method: 'GET', url: '/api/v1/session', cookies: { agendum_session: cookie } });
  t.equal(after.statusCode, 401, 'the ended session opens nothing');
  const again = await as(app, staff, { method: 'DELETE', url: `/api/v1/people/${delegate.id}/sessions/${session.id}` });
  t.equal(again.statusCode, 404);

  const revoked = await as(app, staff, { method: 'DELETE', url: `/api/v1/people/${delegate.id}/tokens/${token.id}` });
  t.equal(revoked.statusCode, 204);
  const withToken = await app.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { authorization: `Bearer ${token.token}` },
  });
  t.equal(withToken.statusCode, 401, 'the revoked token opens nothing');
  const twice = await as(app, staff, { method: 'DELETE', url: `/api/v1/people/${delegate.id}/tokens/${token.id}` });
  t.equal(twice.statusCode, 204, 'revoking again is done');

  const audit = reposOf(app)
    .personAudit.aboutPerson(delegate.id)
    .map((e) => [e.action, e.actorId, e.detail]);
  t.same(
    audit.filter(([action]) => action !== 'created'),
    [
      ['token-revoked', staff.id, JSON.stringify({ tokenId: token.id })],
      ['session-revoked', staff.id, JSON.stringify({ sessionId: session.id })],
    ],
  );
});

t.test('the secretariat may not see an admin or a colleague; an admin may; a delegate may not; 404s', async (t) => {
  const app = await build(t);
  const staff = await signedIn(app, 'secretariat');
  const admin = await signedIn(app, 'admin');
  const colleague = await signedIn(app, 'secretariat');
  const delegate = await signedIn(app, 'delegate');
  for (const url of [`/api/v1/people/${colleague.id}/sessions`, `/api/v1/people/${admin.id}/tokens`]) {
    const res = await as(app, staff, { method: 'GET', url });
    t.equal(res.statusCode, 403, url);
    t.equal(problemOf(t, res).code, 'AGENDUM_FORBIDDEN');
  }
  const byAdmin = await as(app, admin, { method: 'GET', url: `/api/v1/people/${colleague.id}/tokens` });
  t.equal(byAdmin.statusCode, 200);
  t.equal(byAdmin.json().length, 1);
  const colleagueToken = byAdmin.json()[0].id;
  const refused = await as(app, staff, {
    method: 'DELETE',
    url: `/api/v1/people/${colleague.id}/tokens/${colleagueToken}`,
  });
  t.equal(refused.statusCode, 403);
  const byDelegate = await as(app, delegate, { method: 'GET', url: `/api/v1/people/${delegate.id}/sessions` });
  t.equal(byDelegate.statusCode, 403);
  t.equal((await as(app, admin, { method: 'GET', url: '/api/v1/people/9999/sessions' })).statusCode, 404);
  const otherToken = await as(app, admin, {
    method: 'DELETE',
    url: `/api/v1/people/${delegate.id}/tokens/${colleagueToken}`,
  });
  t.equal(otherToken.statusCode, 404, "another person's token is not this person's");
  const stillWorks = await as(app, colleague, { method: 'GET', url: '/api/v1/session' });
  t.equal(stillWorks.statusCode, 200);
});
