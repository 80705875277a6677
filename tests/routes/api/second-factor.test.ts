import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { build, FIXED_NOW, problemOf, reposOf, testConfig } from '../../helper.js';
import { totpAt } from '../../support/totp.js';

const PASSWORD = 'correct horse battery';

/** An app whose clock the test moves, with AGENDUM_STAFF_2FA as given. */
async function appWith(t: Test, staff2fa: 'optional' | 'required') {
  let now = FIXED_NOW;
  const app = await build(t, { config: testConfig(t, { AGENDUM_STAFF_2FA: staff2fa }), now: () => now });
  const wait = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const clock = () => now;
  return { app, wait, clock };
}

async function person(app: FastifyInstance, role: 'secretariat' | 'delegate' | 'admin', email: string) {
  return app.services.people.create('system', { name: `Person ${email}`, email, role, password: PASSWORD });
}

const signIn = (app: FastifyInstance, email: string) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'agendum_session')!.value;
const withCookie = (
  app: FastifyInstance,
  cookie: string,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) => app.inject({ method, url, cookies: { agendum_session: cookie }, ...(payload ? { payload } : {}) });

t.test('the tests compute codes as RFC 6238 says (its SHA-1 test vector, T = 59 s)', async (t) => {
  t.equal(totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000), 0, 8), '94287082');
  t.equal(totpAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(1111111109_000), 0, 8), '07081804');
});

t.test('with AGENDUM_STAFF_2FA=required, a staff password opens nothing until enrolment and its code', async (t) => {
  const { app, wait, clock } = await appWith(t, 'required');
  await person(app, 'secretariat', 'sam@example.org');
  const first = await signIn(app, 'sam@example.org');
  t.equal(first.statusCode, 202);
  t.same(first.json(), { secondFactor: 'enrol', expiresAt: '2020-11-01T09:10:00.000Z' });
  const pending = cookieOf(first);
  for (const url of ['/api/v1/meetings', '/api/v1/session', '/api/v1/tokens', '/api/v1/account/second-factor']) {
    t.equal((await withCookie(app, pending, 'GET', url)).statusCode, 401, `${url} stays closed`);
  }

  const offer = await withCookie(app, pending, 'POST', '/api/v1/session/enrolment');
  t.equal(offer.statusCode, 200);
  const { secret, uri, qrCode } = offer.json();
  t.match(secret, /^[A-Z2-7]{32}$/);
  t.equal(uri, `otpauth://totp/agendum:sam%40example.org?secret=${secret}&issuer=agendum`);
  t.match(qrCode, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

  const wrong = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', { code: '000000' });
  t.equal(wrong.statusCode, 422);
  t.equal(
    problemOf(t, wrong).detail,
    'This code is not right or was already used: type the code your authenticator app shows now.',
  );
  const letters = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', { code: 'abc' });
  t.equal(problemOf(t, letters).detail, 'The code is the six digits your authenticator app shows.');

  const done = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', {
    code: totpAt(secret, clock()),
  });
  t.equal(done.statusCode, 200);
  t.equal(done.json().person.email, 'sam@example.org');
  t.equal(done.json().recoveryCodes.length, 10);
  t.match(done.json().recoveryCodes[0], /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  const session = cookieOf(done);
  t.not(session, pending, 'a new session replaces the pending one');
  t.equal((await withCookie(app, session, 'GET', '/api/v1/meetings')).statusCode, 200);
  t.equal((await withCookie(app, pending, 'GET', '/api/v1/meetings')).statusCode, 401);
  const status = await withCookie(app, session, 'GET', '/api/v1/account/second-factor');
  t.same(status.json(), {
    enabled: true,
    enabledAt: '2020-11-01T09:00:00.000Z',
    recoveryCodesLeft: 10,
    required: true,
    canRemove: false,
  });
  const removal = await withCookie(app, session, 'DELETE', '/api/v1/account/second-factor', { password: PASSWORD });
  t.equal(removal.statusCode, 409, 'staff keep theirs while it is required');
  t.equal(problemOf(t, removal).detail, 'The secretariat and admins must keep a second factor on this server.');

  // The next sign-in asks for a code; the one already used is refused (replay), the next step's works.
  const again = await signIn(app, 'sam@example.org');
  t.same(again.json(), { secondFactor: 'code', expiresAt: '2020-11-01T09:10:00.000Z' });
  const replay = await withCookie(app, cookieOf(again), 'POST', '/api/v1/session/second-factor', {
    code: totpAt(secret, clock()),
  });
  t.equal(replay.statusCode, 422, 'a code of a time step already used is refused');
  wait(30);
  const next = await withCookie(app, cookieOf(again), 'POST', '/api/v1/session/second-factor', {
    code: totpAt(secret, clock(), 1),
  });
  t.equal(next.statusCode, 200, 'a code one step ahead (a phone clock a little fast) is accepted');
  t.notOk(next.json().recoveryCodes, 'recovery codes are shown at enrolment only');

  const actions = reposOf(app)
    .personAudit.recent()
    .map((e) => e.action);
  t.ok(actions.includes('second-factor-enrolled'), 'the enrolment is in the people audit');
});

t.test('a recovery code completes a sign-in once; a second use and a late pending session are refused', async (t) => {
  const { app, wait, clock } = await appWith(t, 'required');
  await person(app, 'admin', 'ada@example.org');
  const pending = cookieOf(await signIn(app, 'ada@example.org'));
  const { secret } = (await withCookie(app, pending, 'POST', '/api/v1/session/enrolment')).json();
  const enrolled = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', {
    code: totpAt(secret, clock()),
  });
  const recoveryCode: string = enrolled.json().recoveryCodes[3];

  const second = cookieOf(await signIn(app, 'ada@example.org'));
  const used = await withCookie(app, second, 'POST', '/api/v1/session/second-factor', {
    recoveryCode: recoveryCode.toUpperCase(),
  });
  t.equal(used.statusCode, 200, 'typed in capitals, it still works');
  t.equal((await withCookie(app, cookieOf(used), 'GET', '/api/v1/meetings')).statusCode, 200);

  const third = cookieOf(await signIn(app, 'ada@example.org'));
  const reused = await withCookie(app, third, 'POST', '/api/v1/session/second-factor', { recoveryCode });
  t.equal(reused.statusCode, 422);
  t.equal(problemOf(t, reused).detail, 'This recovery code is not right, or it was already used.');
  const both = await withCookie(app, third, 'POST', '/api/v1/session/second-factor', {
    code: '123456',
    recoveryCode,
  });
  t.equal(both.statusCode, 400, 'a code or a recovery code, not both');

  wait(601);
  const late = await withCookie(app, third, 'POST', '/api/v1/session/second-factor', {
    code: totpAt(secret, clock()),
  });
  t.equal(late.statusCode, 401, 'a pending sign-in lapses after ten minutes');
  const actions = reposOf(app)
    .personAudit.recent()
    .map((e) => e.action);
  t.equal(actions.filter((a) => a === 'recovery-code-used').length, 1);
});

t.test(
  'a delegate without a second factor signs in as before; without a pending sign-in there is nothing to complete',
  async (t) => {
    const { app } = await appWith(t, 'required');
    await person(app, 'delegate', 'dora@example.org');
    const res = await signIn(app, 'dora@example.org');
    t.equal(res.statusCode, 200);
    t.equal(res.json().person.email, 'dora@example.org');
    t.equal((await withCookie(app, cookieOf(res), 'GET', '/api/v1/meetings')).statusCode, 200);
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor',
      payload: { code: '123456' },
    });
    t.equal(none.statusCode, 401);
    const signedInAlready = await withCookie(app, cookieOf(res), 'POST', '/api/v1/session/second-factor', {
      code: '123456',
    });
    t.equal(signedInAlready.statusCode, 401, 'a full session is not a pending one');
  },
);

t.test(
  'a delegate enrols from the account, makes new recovery codes, is then asked for a code, and removes it',
  async (t) => {
    const { app, wait, clock } = await appWith(t, 'optional');
    await person(app, 'delegate', 'dora@example.org');
    const session = cookieOf(await signIn(app, 'dora@example.org'));
    const offer = (await withCookie(app, session, 'POST', '/api/v1/account/second-factor/enrolment')).json();
    const early = await withCookie(app, session, 'POST', '/api/v1/account/second-factor', { code: '000000' });
    t.equal(early.statusCode, 422);
    const confirmed = await withCookie(app, session, 'POST', '/api/v1/account/second-factor', {
      code: totpAt(offer.secret, clock(), -1),
    });
    t.equal(confirmed.statusCode, 200, 'a code one step behind is accepted');
    t.equal(confirmed.json().recoveryCodes.length, 10);
    const twice = await withCookie(app, session, 'POST', '/api/v1/account/second-factor/enrolment');
    t.equal(twice.statusCode, 409, 'one second factor at a time');

    wait(30);
    const renewed = await withCookie(app, session, 'POST', '/api/v1/account/second-factor/recovery-codes', {
      code: totpAt(offer.secret, clock()),
    });
    t.equal(renewed.statusCode, 200);
    const oldCode: string = confirmed.json().recoveryCodes[0];
    const pending = cookieOf(await signIn(app, 'dora@example.org'));
    const stale = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', { recoveryCode: oldCode });
    t.equal(stale.statusCode, 422, 'the earlier recovery codes stopped working');

    const wrongPassword = await withCookie(app, session, 'DELETE', '/api/v1/account/second-factor', {
      password: 'not my password',
    });
    t.equal(wrongPassword.statusCode, 422);
    const removed = await withCookie(app, session, 'DELETE', '/api/v1/account/second-factor', { password: PASSWORD });
    t.equal(removed.statusCode, 204);
    t.equal((await signIn(app, 'dora@example.org')).statusCode, 200, 'a password alone signs in again');
    const actions = reposOf(app)
      .personAudit.recent()
      .map((e) => e.action);
    t.ok(actions.includes('second-factor-removed'));
  },
);

t.test('five wrong codes make that person wait, whatever address they come from', async (t) => {
  let now = FIXED_NOW;
  const config = testConfig(t, { AGENDUM_STAFF_2FA: 'required', AGENDUM_SIGNIN_PER_MINUTE: '100' });
  const app = await build(t, { config, now: () => now });
  await person(app, 'secretariat', 'sam@example.org');
  const pending = cookieOf(await signIn(app, 'sam@example.org'));
  const { secret } = (await withCookie(app, pending, 'POST', '/api/v1/session/enrolment')).json();
  for (let i = 0; i < 5; i += 1) {
    const wrong = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', { code: '000000' });
    t.equal(wrong.statusCode, 422);
  }
  const right = await withCookie(app, pending, 'POST', '/api/v1/session/second-factor', { code: totpAt(secret, now) });
  t.equal(right.statusCode, 429);
  t.equal(problemOf(t, right).detail, 'Too many wrong codes for this account; try again in 300 s.');
  now = new Date(now.getTime() + 301_000);
  const fresh = cookieOf(await signIn(app, 'sam@example.org'));
  const later = await withCookie(app, fresh, 'POST', '/api/v1/session/second-factor', { code: totpAt(secret, now) });
  t.equal(later.statusCode, 200, 'after five minutes the right code works');
});
