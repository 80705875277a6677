import t from 'tap';
import { as, build, problemOf, signedIn, testConfig } from '../../helper.js';
import { accountLinkFor, mailsTo } from '../../support/account-mail.js';

const GOOD = 'a quiet meadow by the river';

/** An app whose clock the test moves. */
async function appWithClock(t: Parameters<typeof build>[0]) {
  const clock = { now: new Date('2026-11-02T09:00:00.000Z') };
  const app = await build(t, { config: testConfig(t), now: () => clock.now });
  return { app, clock };
}

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'agendum_session');
  return c ? `agendum_session=${c.value}` : '';
};

t.test('the secretariat invites a delegate: one link, a password chosen once, the state shown', async (t) => {
  const { app } = await appWithClock(t);
  const secretariat = await signedIn(app, 'secretariat');
  const created = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/people',
    payload: { name: 'Eleni Papadopoulou', email: 'eleni@moh.gr', role: 'delegate', memberState: 'GR', invite: true },
  });
  t.equal(created.statusCode, 201);
  const id = created.json().id as number;
  t.equal(created.json().canSignIn, false, 'no password yet');

  const mail = await accountLinkFor(app, 'eleni@moh.gr');
  t.equal(mail.subject, 'Your agendum account: choose your password');
  t.match(mail.text, /The link works once, until 9 November 2026 at 09:00 UTC/);

  const state = await as(app, secretariat, { method: 'GET', url: `/api/v1/people/${id}/invitation` });
  t.match(state.json(), {
    state: 'delivered',
    sentAt: '2026-11-02T09:00:00.000Z',
    expiresAt: '2026-11-09T09:00:00.000Z',
  });

  const inspected = await app.inject({ method: 'GET', url: `/api/v1/session/link/${mail.token}` });
  t.same(inspected.json(), {
    purpose: 'invitation',
    name: 'Eleni Papadopoulou',
    email: 'eleni@moh.gr',
    expiresAt: '2026-11-09T09:00:00.000Z',
  });

  const weak = await app.inject({
    method: 'POST',
    url: '/api/v1/session/link',
    payload: { token: mail.token, newPassword: 'password1234' },
  });
  t.equal(weak.statusCode, 422, 'a common password is refused');
  t.equal(problemOf(t, weak).detail, 'This password is on the list of commonly used passwords: choose another.');

  const used = await app.inject({
    method: 'POST',
    url: '/api/v1/session/link',
    payload: { token: mail.token, newPassword: GOOD },
  });
  t.equal(used.statusCode, 200);
  t.match(used.json(), { person: { id, email: 'eleni@moh.gr', canSignIn: true } });
  const me = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookieOf(used) } });
  t.equal(me.json().name, 'Eleni Papadopoulou', 'the link signs the person in');

  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/session/link',
    payload: { token: mail.token, newPassword: 'another long passphrase' },
  });
  t.equal(again.statusCode, 410);
  t.match(problemOf(t, again).detail, 'This link was used already: each link works once.');
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'eleni@moh.gr', password: GOOD },
  });
  t.equal(signIn.statusCode, 200, 'the chosen password signs in');
  t.match((await as(app, secretariat, { method: 'GET', url: `/api/v1/people/${id}/invitation` })).json(), {
    state: 'accepted',
    acceptedAt: '2026-11-02T09:00:00.000Z',
  });
});

t.test('inviting again revokes the earlier link; an expired link is gone; a link made up is not known', async (t) => {
  const { app, clock } = await appWithClock(t);
  const secretariat = await signedIn(app, 'secretariat');
  const person = await app.services.people.create('system', {
    name: 'Jānis Bērziņš',
    email: 'janis@vm.lv',
    role: 'delegate',
  });
  const invite = () => as(app, secretariat, { method: 'POST', url: `/api/v1/people/${person.id}/invitation` });
  t.equal((await invite()).statusCode, 201);
  const first = await accountLinkFor(app, 'janis@vm.lv', 1);
  t.equal((await invite()).statusCode, 201);
  const second = await accountLinkFor(app, 'janis@vm.lv', 2);
  t.not(first.token, second.token);

  const replaced = await app.inject({ method: 'GET', url: `/api/v1/session/link/${first.token}` });
  t.equal(replaced.statusCode, 410);
  t.equal(problemOf(t, replaced).detail, 'A newer link replaced this one: use the latest message you received.');

  clock.now = new Date('2026-11-09T09:00:01.000Z');
  const expired = await app.inject({ method: 'GET', url: `/api/v1/session/link/${second.token}` });
  t.equal(expired.statusCode, 410);
  t.equal(problemOf(t, expired).detail, 'This link has expired.');
  t.match((await as(app, secretariat, { method: 'GET', url: `/api/v1/people/${person.id}/invitation` })).json(), {
    state: 'expired',
  });

  const madeUp = await app.inject({ method: 'GET', url: `/api/v1/session/link/${second.token.slice(0, -3)}abc` });
  t.equal(madeUp.statusCode, 404);
});

t.test('who may invite whom, and whom nobody invites', async (t) => {
  const { app } = await appWithClock(t);
  const secretariat = await signedIn(app, 'secretariat');
  const delegate = await signedIn(app, 'delegate');
  const colleague = await app.services.people.create('system', {
    name: 'Staff',
    email: 'staff@ec.europa.eu',
    role: 'secretariat',
  });
  const withPassword = await app.services.people.create('system', {
    name: 'Has One',
    email: 'has.one@ms.eu',
    role: 'delegate',
    password: GOOD,
  });
  const invite = (who: typeof secretariat, id: number) =>
    as(app, who, { method: 'POST', url: `/api/v1/people/${id}/invitation` });
  t.equal((await invite(delegate, withPassword.id)).statusCode, 403, 'a delegate invites nobody');
  t.equal((await invite(secretariat, colleague.id)).statusCode, 403, 'the secretariat does not invite staff');
  const already = await invite(secretariat, withPassword.id);
  t.equal(already.statusCode, 409);
  t.match(problemOf(t, already).detail, /can already sign in/);
  t.equal((await invite(secretariat, 9999)).statusCode, 404);

  const gone = await app.services.people.create('system', { name: 'Left', email: 'left@ms.eu', role: 'delegate' });
  await as(app, secretariat, { method: 'PATCH', url: `/api/v1/people/${gone.id}`, payload: { isActive: false } });
  const refused = await invite(secretariat, gone.id);
  t.equal(refused.statusCode, 409, 'no invitation to a deactivated account');
  t.match(problemOf(t, refused).detail, /deactivated/);
});

t.test(
  'forgot password: the same answer for a known and an unknown address; the reset ends other sessions',
  async (t) => {
    const { app, clock } = await appWithClock(t);
    await app.services.people.create('system', { name: 'Ana', email: 'ana@ms.pt', role: 'delegate', password: GOOD });
    const signIn = async () =>
      cookieOf(
        await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ana@ms.pt', password: GOOD } }),
      );
    const laptop = await signIn();
    const phone = await signIn();

    const ask = (email: string) =>
      app.inject({ method: 'POST', url: '/api/v1/session/password-reset', payload: { email } });
    const known = await ask('ANA@ms.pt');
    const unknown = await ask('nobody@ms.pt');
    t.equal(known.statusCode, 202);
    t.equal(unknown.statusCode, 202);
    t.equal(known.body, unknown.body, 'the bodies are the same, byte for byte');
    t.same(known.json(), {
      message:
        'If an account has this address, a message with a link to choose a new password is on its way. The link works for one hour.',
    });

    const mail = await accountLinkFor(app, 'ana@ms.pt');
    t.equal(mail.subject, 'agendum: reset your password');
    t.equal((await mailsTo(app, 'nobody@ms.pt')).length, 0, 'an unknown address gets nothing');

    const used = await app.inject({
      method: 'POST',
      url: '/api/v1/session/link',
      payload: { token: mail.token, newPassword: 'the new passphrase of ana' },
    });
    t.equal(used.statusCode, 200);
    for (const [name, cookie] of [
      ['laptop', laptop],
      ['phone', phone],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
      t.equal(res.statusCode, 401, `the ${name}'s session ended`);
    }
    const fresh = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookieOf(used) } });
    t.equal(fresh.statusCode, 200, 'the session the link opened works');

    // A second reset link lasts one hour.
    await ask('ana@ms.pt');
    const later = await accountLinkFor(app, 'ana@ms.pt', 2);
    clock.now = new Date('2026-11-02T10:00:01.000Z');
    const late = await app.inject({ method: 'GET', url: `/api/v1/session/link/${later.token}` });
    t.equal(late.statusCode, 410, 'a reset link is gone after one hour');
  },
);

t.test('a reset request takes as long for an unknown address as for a known one (same order)', async (t) => {
  const app = await build(t);
  await app.services.people.create('system', { name: 'Ana', email: 'ana@ms.pt', role: 'delegate', password: GOOD });
  const time = async (email: string) => {
    const start = process.hrtime.bigint();
    const res = await app.inject({ method: 'POST', url: '/api/v1/session/password-reset', payload: { email } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    t.equal(res.statusCode, 202);
    return ms;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  // Interleaved, so drift of the machine falls on both alike; under the sign-in limit (10 a minute).
  for (let i = 0; i < 4; i += 1) {
    known.push(await time('ana@ms.pt'));
    unknown.push(await time(`nobody${i}@ms.pt`));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(known) / median(unknown);
  t.comment(`median known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms`);
  // The lookup and the writes happen after the answer: neither path waits for them.
  t.ok(ratio > 1 / 5 && ratio < 5, `same order of time (ratio ${ratio.toFixed(2)})`);
});

t.test(
  'deactivation is immediate: token refused, links revoked, waiting mail cancelled, the record kept',
  async (t) => {
    const { app } = await appWithClock(t);
    const secretariat = await signedIn(app, 'secretariat');
    const delegate = await signedIn(app, 'delegate');
    await app.services.mailWorker.stop();
    const invitee = await app.services.people.create('system', {
      name: 'Pending',
      email: 'pending@ms.eu',
      role: 'delegate',
    });
    app.services.personLinks.invite('system', invitee.id);
    t.equal((await as(app, delegate, { method: 'GET', url: '/api/v1/session' })).statusCode, 200);

    for (const id of [delegate.id, invitee.id]) {
      const res = await as(app, secretariat, {
        method: 'PATCH',
        url: `/api/v1/people/${id}`,
        payload: { isActive: false },
      });
      t.equal(res.statusCode, 200);
    }
    t.equal(
      (await as(app, delegate, { method: 'GET', url: '/api/v1/session' })).statusCode,
      401,
      'the token answers 401',
    );
    const tokens = app.database.sqlite
      .prepare('select revoked_at as revokedAt from api_tokens where person_id = ?')
      .all(delegate.id) as { revokedAt: string | null }[];
    t.same(tokens, [{ revokedAt: '2026-11-02T09:00:00.000Z' }], 'the token is revoked, not only refused');
    const mail = app.database.sqlite
      .prepare('select status, last_error as lastError from outbox where person_id = ?')
      .all(invitee.id);
    t.same(mail, [{ status: 'failed', lastError: 'Cancelled: the account was deactivated.' }]);
    const state = await as(app, secretariat, { method: 'GET', url: `/api/v1/people/${invitee.id}/invitation` });
    t.equal(state.json().state, 'revoked');
    t.equal(
      (await as(app, secretariat, { method: 'GET', url: `/api/v1/people/${delegate.id}` })).statusCode,
      200,
      'kept',
    );

    const actions = app.database.sqlite
      .prepare('select action, person_id as personId, actor_id as actorId from person_audit_events order by id')
      .all() as { action: string; personId: number; actorId: number | null }[];
    t.same(
      actions.map((a) => a.action),
      ['created', 'created', 'created', 'invited', 'deactivated', 'deactivated'],
    );
    t.same(actions.slice(-2), [
      { action: 'deactivated', personId: delegate.id, actorId: secretariat.id },
      { action: 'deactivated', personId: invitee.id, actorId: secretariat.id },
    ]);
  },
);
