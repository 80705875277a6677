import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { build, FIXED_NOW, testConfig } from '../helper.js';
import { base32Bytes, hotp, totpAt } from '../support/totp.js';
import { WEB_PASSWORD, webPerson, webSession } from '../support/web-session.js';

async function appWith(t: Test, staff2fa: 'optional' | 'required') {
  let now = FIXED_NOW;
  const app = await build(t, { config: testConfig(t, { AGENDUM_STAFF_2FA: staff2fa }), now: () => now });
  return { app, clock: () => now, wait: (s: number) => (now = new Date(now.getTime() + s * 1000)) };
}

/** A browser without a session: its cookies and the CSRF token of the last page it opened. */
function browserOf(app: FastifyInstance) {
  const cookies: Record<string, string> = {};
  let csrf = '';
  const keep = (res: Awaited<ReturnType<FastifyInstance['inject']>>) => {
    for (const c of res.cookies) cookies[c.name] = c.value;
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token) csrf = token[1]!;
    return res;
  };
  return {
    get: async (url: string) => keep(await app.inject({ method: 'GET', url, cookies })),
    post: async (url: string, fields: Record<string, string>) =>
      keep(
        await app.inject({
          method: 'POST',
          url,
          cookies,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        }),
      ),
  };
}

const keyOf = (body: string) => /id="manual-key">([A-Z2-7 ]+)</.exec(body)![1]!.replace(/ /g, '');

t.test(
  'staff who must have a second factor are led from the sign-in form through enrolment to the page asked for',
  async (t) => {
    const { app, clock, wait } = await appWith(t, 'required');
    await webPerson(app, 'secretariat', 'sam@example.org');
    const browser = browserOf(app);
    await browser.get('/sign-in?next=/notifications');
    const signIn = await browser.post('/sign-in', {
      email: 'sam@example.org',
      password: WEB_PASSWORD,
      next: '/notifications',
    });
    t.equal(signIn.statusCode, 303);
    t.equal(signIn.headers.location, '/sign-in/second-factor?next=%2Fnotifications');
    t.equal((await browser.get('/meetings')).statusCode, 303, 'the password alone opens no page');

    const enrol = await browser.get('/sign-in/second-factor?next=%2Fnotifications');
    t.equal(enrol.statusCode, 200);
    t.match(
      enrol.body,
      /<img class="agendum-qr" src="data:image\/png;base64,[^"]+" alt="QR code of the key for sam@example.org"/,
    );
    const key = keyOf(enrol.body);
    t.equal(
      keyOf((await browser.get('/sign-in/second-factor')).body),
      key,
      'opening the page again shows the same key',
    );

    const wrong = await browser.post('/sign-in/second-factor', { code: '000 000', next: '/notifications' });
    t.equal(wrong.statusCode, 422);
    t.match(wrong.body, 'Code: This code is not right or was already used');
    t.match(wrong.body, 'value="000 000"', 'the code typed is kept');
    t.equal(keyOf(wrong.body), key, 'the same key stays on the page');

    const done = await browser.post('/sign-in/second-factor', { code: totpAt(key, clock()), next: '/notifications' });
    t.equal(done.statusCode, 200);
    t.match(done.body, 'Keep these codes now');
    t.equal((done.body.match(/<li><code>[a-z2-9]{5}-[a-z2-9]{5}<\/code><\/li>/g) ?? []).length, 10);
    t.match(done.body, 'href="/notifications">I have kept them: continue</a>');
    t.equal((await browser.get('/notifications')).statusCode, 200);

    // The next sign-in asks for the code, then goes to the meetings.
    wait(30);
    const second = browserOf(app);
    await second.get('/sign-in');
    t.equal(
      (await second.post('/sign-in', { email: 'sam@example.org', password: WEB_PASSWORD })).headers.location,
      '/sign-in/second-factor',
    );
    const ask = await second.get('/sign-in/second-factor');
    t.match(ask.body, '<label class="ecl-form-label" for="code">Code');
    const code = hotp(base32Bytes(key), Math.floor(clock().getTime() / 30_000));
    const inside = await second.post('/sign-in/second-factor', { code });
    t.equal(inside.statusCode, 303);
    t.equal(inside.headers.location, '/meetings');
    t.equal((await second.get('/meetings')).statusCode, 200);
    const back = await second.get('/sign-in/second-factor');
    t.equal(back.headers.location, '/meetings', 'once signed in, the second step sends on to the meetings');
    const stranger = await browserOf(app).get('/sign-in/second-factor');
    t.equal(
      stranger.headers.location,
      '/sign-in?next=%2Fsign-in%2Fsecond-factor',
      'without a pending sign-in: sign in first',
    );
  },
);

t.test(
  'a delegate sets up a second factor from My account, renews the codes, and removes it with the password',
  async (t) => {
    const { app, clock, wait } = await appWith(t, 'optional');
    await webPerson(app, 'delegate', 'dora@example.org');
    const web = await webSession(app, 'dora@example.org', '/account');
    const account = await web.get('/account');
    t.match(account.body, '<h2>Second factor</h2>');
    t.match(account.body, 'action="/account/second-factor/enrolment"');
    const offer = await web.post('/account/second-factor/enrolment', {});
    t.equal(offer.statusCode, 200);
    const key = keyOf(offer.body);
    const refused = await web.post('/account/second-factor', { code: '12345' });
    t.equal(refused.statusCode, 422);
    t.match(refused.body, 'The code is the six digits your authenticator app shows.');
    t.equal(keyOf(refused.body), key);
    const codes = await web.post('/account/second-factor', { code: totpAt(key, clock()) });
    t.match(codes.body, 'href="/account">I have kept them: continue</a>');

    const after = await web.get('/account');
    t.match(after.body, 'Recovery codes left: 10.');
    const stale = await web.post('/account/second-factor/recovery-codes', { code: totpAt(key, clock()) });
    t.equal(stale.statusCode, 422, 'a code already used is refused on the account page');
    t.match(stale.body, 'href="#renew-code"');
    wait(30);
    const renewed = await web.post('/account/second-factor/recovery-codes', { code: totpAt(key, clock()) });
    t.match(renewed.body, 'Keep these codes now');

    const wrong = await web.post('/account/second-factor/remove', { code: '', password: 'not my password' });
    t.equal(wrong.statusCode, 422);
    t.match(wrong.body, 'Or your password: Your password is not right.');
    t.notMatch(wrong.body, 'not my password', 'the password typed is not shown again');
    const removed = await web.post('/account/second-factor/remove', { code: '', password: WEB_PASSWORD });
    t.equal(removed.statusCode, 303);
    t.match(removed.headers.location, '/account?done=');
  },
);
