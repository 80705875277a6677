import t, { type Test } from 'tap';
import { as, build, problemOf, reposOf, signedIn } from '../../helper.js';

async function withPassword(t: Test) {
  const app = await build(t);
  await app.services.people.create('system', {
    name: 'Sam Secretariat',
    email: 'Sam@Example.org',
    role: 'secretariat',
    password: 'correct horse battery',
  });
  return app;
}

t.test('signing in sets an httpOnly, SameSite=Lax session cookie that opens the API', async (t) => {
  const app = await withPassword(t);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: 'correct horse battery' },
  });
  t.equal(res.statusCode, 200);
  t.equal(res.json().person.role, 'secretariat');
  const cookie = res.cookies.find((c) => c.name === 'agendum_session');
  t.ok(cookie, 'session cookie set');
  t.equal(cookie!.httpOnly, true);
  t.equal(cookie!.sameSite, 'Lax');
  t.equal(cookie!.path, '/');

  const me = await app.inject({ method: 'GET', url: '/api/v1/session', cookies: { agendum_session: cookie!.value } });
  t.equal(me.statusCode, 200);
  t.equal(me.json().email, 'Sam@Example.org');

  const out = await app.inject({
    method: 'DELETE',
    url: '/api/v1/session',
    cookies: { agendum_session: cookie!.value },
  });
  t.equal(out.statusCode, 204);
  const after = await app.inject({
    method: 'GET',
    url: '/api/v1/meetings',
    cookies: { agendum_session: cookie!.value },
  });
  t.equal(after.statusCode, 401, 'the cookie no longer opens anything after sign-out');
});

t.test('a wrong password and an unknown email get the same 401 problem', async (t) => {
  const app = await withPassword(t);
  for (const payload of [
    { email: 'sam@example.org', password: 'wrong password!' },
    { email: 'nobody@example.org', password: 'correct horse battery' },
  ]) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload });
    t.equal(res.statusCode, 401);
    const problem = problemOf(t, res);
    t.equal(problem.code, 'AGENDUM_BAD_CREDENTIALS');
    t.equal(problem.detail, 'The email or the password is not right.');
    t.notOk(res.cookies.length, 'no cookie on failure');
  }
});

t.test('a deactivated person can no longer sign in', async (t) => {
  const app = await withPassword(t);
  const admin = await signedIn(app, 'admin');
  const sam = reposOf(app).people.findByEmail('sam@example.org')!;
  const res = await as(app, admin, { method: 'PATCH', url: `/api/v1/people/${sam.id}`, payload: { isActive: false } });
  t.equal(res.statusCode, 200);
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: 'correct horse battery' },
  });
  t.equal(signIn.statusCode, 401);
});

t.test('an API token is shown once, works as a bearer token, and stops working when revoked', async (t) => {
  const app = await build(t);
  const me = await signedIn(app, 'rapporteur');
  const created = await as(app, me, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'laptop' } });
  t.equal(created.statusCode, 201);
  const { id, token } = created.json();
  t.match(token, /^agd_[A-Za-z0-9_-]{43}$/);

  const stored = app.database.sqlite.prepare('select token_hash from api_tokens where id = ?').get(id) as {
    token_hash: string;
  };
  t.not(stored.token_hash, token, 'only a hash of the token is stored');

  const bearer = { authorization: `Bearer ${token}` };
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode, 200);
  const listed = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer });
  t.notOk(JSON.stringify(listed.json()).includes(token), 'the token is never shown again');

  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer })).statusCode, 204);
  const after = await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer });
  t.equal(after.statusCode, 401);
  t.equal(after.headers['www-authenticate'], 'Bearer');
  t.equal(problemOf(t, after).code, 'AGENDUM_UNAUTHENTICATED');
});

t.test('a missing, malformed or unknown token is a 401 problem', async (t) => {
  const app = await build(t);
  for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer agd_nope' }]) {
    const res = await app.inject({ method: 'GET', url: '/api/v1/meetings', headers });
    t.equal(res.statusCode, 401, JSON.stringify(headers));
    t.equal(problemOf(t, res).code, 'AGENDUM_UNAUTHENTICATED');
  }
});

t.test('a sign-in body with missing fields lists each of them', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { extra: 1 } });
  t.equal(res.statusCode, 400);
  const problem = problemOf(t, res);
  t.equal(problem.code, 'AGENDUM_VALIDATION');
  const paths = problem.errors!.map((e) => e.path).sort();
  t.same(paths, ['body.email', 'body.extra', 'body.password']);
});

t.test('sign-in attempts are rate limited per address: 429 with Retry-After, as a problem', async (t) => {
  const { testConfig } = await import('../../helper.js');
  const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '3' }) });
  const attempt = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'x@example.org', password: 'guess guess guess' },
    });
  for (let i = 0; i < 3; i += 1) t.equal((await attempt()).statusCode, 401);
  const limited = await attempt();
  t.equal(limited.statusCode, 429);
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After says when to try again');
  t.equal(problemOf(t, limited).code, 'AGENDUM_RATE_LIMITED');
});

t.test('the web sign-in form and the API share one count per address', async (t) => {
  const { testConfig } = await import('../../helper.js');
  const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '3' }) });
  for (let i = 0; i < 3; i += 1) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'x@example.org', password: 'guess guess guess' },
    });
    t.equal(res.statusCode, 401);
  }
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookies = Object.fromEntries(page.cookies.map((c) => [c.name, c.value]));
  const web = await app.inject({
    method: 'POST',
    url: '/sign-in',
    cookies,
    payload: `_csrf=${encodeURIComponent(csrf)}&email=x%40example.org&password=guess`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(web.statusCode, 429, 'the fourth guess, through the form, is refused too');
  t.ok(Number(web.headers['retry-after']) > 0, 'with Retry-After');
  t.match(web.headers['content-type'], /text\/html/, 'as a page');
});

t.test('API calls are rate limited per token', async (t) => {
  const { testConfig } = await import('../../helper.js');
  const app = await build(t, { config: testConfig(t, { AGENDUM_TOKEN_PER_MINUTE: '5' }) });
  const me = await signedIn(app, 'delegate');
  const other = await signedIn(app, 'delegate');
  for (let i = 0; i < 5; i += 1)
    t.equal((await as(app, me, { method: 'GET', url: '/api/v1/meetings' })).statusCode, 200);
  const limited = await as(app, me, { method: 'GET', url: '/api/v1/meetings' });
  t.equal(limited.statusCode, 429);
  t.equal(
    (await as(app, other, { method: 'GET', url: '/api/v1/meetings' })).statusCode,
    200,
    'another token is not affected',
  );
});

t.test('answers carry security headers and a strict Content-Security-Policy', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  t.match(res.headers['content-security-policy'], /default-src 'self'/);
  t.notMatch(res.headers['content-security-policy'], /unsafe-inline/);
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
});

t.test('sessions end after the idle limit and the absolute limit; signing in again rotates the session', async (t) => {
  const { testConfig } = await import('../../helper.js');
  let now = new Date('2020-11-01T09:00:00Z');
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_SESSION_IDLE_MINUTES: '30', AGENDUM_SESSION_HOURS: '2' }),
    now: () => now,
  });
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: 'correct horse battery',
  });
  const signIn = async (cookie?: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'sam@example.org', password: 'correct horse battery' },
      cookies: cookie ? { agendum_session: cookie } : {},
    });
    return res.cookies.find((c) => c.name === 'agendum_session')!.value;
  };
  const status = async (cookie: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/session', cookies: { agendum_session: cookie } })).statusCode;

  const first = await signIn();
  const second = await signIn(first);
  t.equal(await status(first), 401, 'the session the browser had is ended when it signs in again');
  t.equal(await status(second), 200);

  for (let minutes = 20; minutes <= 100; minutes += 20) {
    now = new Date(Date.parse('2020-11-01T09:00:00Z') + minutes * 60_000);
    t.equal(await status(second), 200, `used every 20 minutes: alive at ${minutes} min`);
  }
  now = new Date(Date.parse('2020-11-01T09:00:00Z') + 121 * 60_000);
  t.equal(await status(second), 401, 'past the absolute limit of 2 hours');

  const third = await signIn();
  now = new Date(now.getTime() + 31 * 60_000);
  t.equal(await status(third), 401, 'idle for 31 minutes: ended');
});

t.test('behind an HTTPS proxy (trustProxy) the session cookie is Secure; over plain HTTP it is not', async (t) => {
  const { testConfig } = await import('../../helper.js');
  const app = await build(t, { config: testConfig(t, { AGENDUM_TRUST_PROXY: '1' }) });
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: 'correct horse battery',
  });
  const payload = { email: 'sam@example.org', password: 'correct horse battery' };
  const proxied = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload,
    headers: { 'x-forwarded-proto': 'https' },
  });
  t.equal(proxied.cookies.find((c) => c.name === 'agendum_session')!.secure, true);
  const plain = await app.inject({ method: 'POST', url: '/api/v1/session', payload });
  t.notOk(plain.cookies.find((c) => c.name === 'agendum_session')!.secure);
});
