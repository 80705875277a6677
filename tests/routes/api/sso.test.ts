import t from 'tap';
import { build, problemOf } from '../../helper.js';
import { ssoWorld, type SsoWorld } from '../../support/sso-world.js';

const START = '/api/v1/session/sso';

/** An API client's walk: agendum's redirect, the provider's login as `login`, the answer it sends back. */
async function walkTo(world: SsoWorld, login: string) {
  world.walker.forget(new URL(world.issuer).origin);
  const start = await world.walker.request(`${world.base}${START}`);
  const pending = world.walker.cookie(world.base, 'agendum_sso')!;
  const callback = await world.walker.signInAtProvider(start.headers.get('location')!, login, world.base);
  return { start, pending, callback };
}

const bodyOf = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  json: (await response.json()) as { code?: string; detail?: string; person?: { email: string; role: string } },
});

t.test('an API client signs in with SSO: the session JSON, a working cookie, the pending login spent', async (t) => {
  const world = await ssoWorld(t);
  const { start, callback } = await walkTo(world, 'ada');
  t.equal(start.status, 302);
  t.match(start.headers.get('location'), /^http:\/\/127\.0\.0\.1:\d+\/auth\?/);
  const location = new URL(start.headers.get('location')!);
  t.equal(location.searchParams.get('code_challenge_method'), 'S256');
  t.equal(location.searchParams.get('redirect_uri'), `${world.base}/api/v1/session/sso/callback`);
  t.ok(location.searchParams.get('state') && location.searchParams.get('nonce'), 'state and nonce sent');
  t.match(start.headers.getSetCookie().join('\n'), /agendum_sso=[^;]+;.*HttpOnly.*SameSite=Lax/i);
  t.equal(callback.searchParams.get('iss'), world.issuer, 'the provider names itself in its answer');

  const answer = await world.walker.request(callback);
  const body = await bodyOf(answer);
  t.equal(body.status, 200);
  t.equal(body.json.person?.email, 'Ada.Delegate@example.org');
  t.equal(body.json.person?.role, 'delegate', "the role is agendum's");
  t.equal(world.walker.cookie(world.base, 'agendum_sso'), undefined, 'the pending login is cleared');
  t.ok(world.walker.cookie(world.base, 'agendum_session'));
  const me = await world.walker.request(`${world.base}/api/v1/session`);
  t.equal(me.status, 200);
  t.equal(((await me.json()) as { name: string }).name, 'Ada Delegate');
  t.equal(world.sessionCount(), 1);
  const method = world.app.database.sqlite.prepare('select method from sessions').get() as { method: string };
  t.equal(method.method, 'sso');
  t.same(world.auditActions().slice(-1), ['signed-in-sso']);
});

t.test('a replayed answer is refused, with or without the spent pending login, and opens nothing', async (t) => {
  const world = await ssoWorld(t);
  const { pending, callback } = await walkTo(world, 'ada');
  t.equal((await world.walker.request(callback)).status, 200);
  const again = await bodyOf(await world.walker.request(callback));
  t.equal(again.status, 400);
  t.equal(again.json.code, 'AGENDUM_SSO_FAILED');
  t.match(again.json.detail, /unknown, out of date or was already used/);
  // The pending login kept aside and sent again: the provider refuses its used code.
  world.walker.setCookie(world.base, 'agendum_sso', pending);
  const replayed = await bodyOf(await world.walker.request(callback));
  t.equal(replayed.status, 400);
  t.equal(replayed.json.code, 'AGENDUM_SSO_FAILED');
  t.match(replayed.type, /^application\/problem\+json/);
  t.equal(world.sessionCount(), 1, 'only the first answer opened a session');
});

t.test('unknown, unverified and deactivated emails are refused with a 403 that says why', async (t) => {
  const world = await ssoWorld(t);
  const cases: [string, RegExp][] = [
    ['nobody', /No agendum account has the email address nobody@example\.org; ask the secretariat/],
    ['unverified', /has not verified your email address ada\.delegate@example\.org/],
    ['gone', /account of gone@example\.org is deactivated/],
  ];
  for (const [login, detail] of cases) {
    const { callback } = await walkTo(world, login);
    const answer = await bodyOf(await world.walker.request(callback));
    t.equal(answer.status, 403, login);
    t.equal(answer.json.code, 'AGENDUM_SSO_REFUSED', login);
    t.match(answer.json.detail, detail, login);
  }
  t.equal(world.sessionCount(), 0);
  t.notOk(world.auditActions().includes('signed-in-sso'));
});

t.test('a tampered state, a tampered pending login, a foreign iss and a provider error are refused', async (t) => {
  const world = await ssoWorld(t);
  const tamper = async (change: (url: URL, pending: string) => string) => {
    const { pending, callback } = await walkTo(world, 'ada');
    world.walker.setCookie(world.base, 'agendum_sso', change(callback, pending));
    const answer = await bodyOf(await world.walker.request(callback));
    return answer;
  };
  const results = {
    state: await tamper((url, pending) => (url.searchParams.set('state', 'a state of my own'), pending)),
    cookie: await tamper((_url, pending) => pending.slice(0, -2) + (pending.endsWith('AA') ? 'BB' : 'AA')),
    iss: await tamper((url, pending) => (url.searchParams.set('iss', 'http://127.0.0.1:9/'), pending)),
  };
  for (const [name, answer] of Object.entries(results)) {
    t.equal(answer.status, 400, name);
    t.equal(answer.json.code, 'AGENDUM_SSO_FAILED', name);
  }
  t.match(results.cookie.json.detail, /unknown, out of date or was already used/);
  t.match(results.iss.json.detail, /could not be trusted/);

  // The provider's own refusal, as it would send it back with the state it was given.
  const start = await world.walker.request(`${world.base}${START}`);
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const refusal = new URL(`${world.base}/api/v1/session/sso/callback`);
  refusal.search = new URLSearchParams({ error: 'access_denied', state, iss: world.issuer }).toString();
  const denied = await bodyOf(await world.walker.request(refusal));
  t.equal(denied.status, 400);
  t.match(denied.json.detail, /did not sign you in \(access_denied\)/);
  t.equal(world.sessionCount(), 0);
});

t.test('a configured issuer the provider does not answer as is refused before anyone is sent there', async (t) => {
  const world = await ssoWorld(t, { issuer: (real) => real.replace('127.0.0.1', 'localhost') });
  const start = await bodyOf(await world.walker.request(`${world.base}${START}`));
  t.equal(start.status, 400);
  t.equal(start.json.code, 'AGENDUM_SSO_FAILED');
  t.equal(world.walker.cookie(world.base, 'agendum_sso'), undefined);
  t.equal(world.sessionCount(), 0);
});

t.test('with AGENDUM_OIDC_CREATE a newcomer gets a delegate account of no Member State', async (t) => {
  const world = await ssoWorld(t, { createAccounts: true });
  const { callback } = await walkTo(world, 'newcomer');
  const answer = await bodyOf(await world.walker.request(callback));
  t.equal(answer.status, 200);
  t.match(answer.json.person, {
    email: 'new.comer@example.org',
    name: 'New Comer',
    role: 'delegate',
    memberState: null,
  });
  t.same(world.auditActions().slice(-2), ['created', 'signed-in-sso']);
  // An unverified email still opens nothing, and makes no account.
  const { callback: unverified } = await walkTo(world, 'unverified');
  t.equal((await world.walker.request(unverified)).status, 403);
  t.equal(world.sessionCount(), 1);
});

t.test('without SSO set up, both API routes answer 404 problems', async (t) => {
  const app = await build(t);
  for (const url of [START, `${START}/callback?code=x&state=y`]) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 404, url);
    t.equal(problemOf(t, res).code, 'AGENDUM_NOT_FOUND');
  }
});
