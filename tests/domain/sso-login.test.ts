import t from 'tap';
import { isLoopbackUrl, openPendingLogin, sealPendingLogin, ssoVerdict } from '../../src/domain/sso-login.js';

const KEY = Buffer.from('a server key for the tests');
const NOW = new Date('2020-11-01T09:00:00.000Z');
const PENDING = {
  state: 'the state',
  nonce: 'the nonce',
  codeVerifier: 'the verifier',
  redirectUri: 'https://agendum.example.org/sign-in/sso/callback',
  next: '/meetings/7',
  expires: Date.parse('2020-11-01T09:10:00.000Z') / 1000,
};

t.test('a sealed pending login opens with its key, until it expires', async (t) => {
  const sealed = sealPendingLogin(KEY, PENDING);
  t.same(openPendingLogin(KEY, sealed, NOW), PENDING);
  t.same(openPendingLogin(KEY, sealed, new Date('2020-11-01T09:10:00.000Z')), PENDING, 'up to its last second');
  t.equal(openPendingLogin(KEY, sealed, new Date('2020-11-01T09:10:01.000Z')), null, 'then out of date');
});

t.test('an altered, foreign, missing or malformed pending login opens nothing', async (t) => {
  const sealed = sealPendingLogin(KEY, PENDING);
  const [body, signature] = sealed.split('.') as [string, string];
  const forged = Buffer.from(JSON.stringify({ ...PENDING, next: '/elsewhere' })).toString('base64url');
  t.equal(openPendingLogin(KEY, `${forged}.${signature}`, NOW), null, 'another body under the same signature');
  t.equal(openPendingLogin(Buffer.from('another key'), sealed, NOW), null, 'sealed with another key');
  t.equal(openPendingLogin(KEY, undefined, NOW), null);
  t.equal(openPendingLogin(KEY, body, NOW), null, 'no signature');
  t.equal(openPendingLogin(KEY, `${sealed}.more`, NOW), null);
  const notJson = Buffer.from('not json').toString('base64url');
  const signedJunk = sealPendingLogin(KEY, PENDING).replace(body, notJson);
  t.equal(openPendingLogin(KEY, signedJunk, NOW), null);
});

t.test('plain HTTP is for loopback hosts only', async (t) => {
  t.ok(isLoopbackUrl(new URL('http://127.0.0.1:8080')));
  t.ok(isLoopbackUrl(new URL('http://localhost/')));
  t.ok(isLoopbackUrl(new URL('http://[::1]:3000')));
  t.notOk(isLoopbackUrl(new URL('http://127.0.0.1.example.org')));
  t.notOk(isLoopbackUrl(new URL('http://login.example.org')));
});

t.test('who an SSO answer signs in', async (t) => {
  const active = { isActive: true };
  const verified = { email: ' Ada@Example.org ', email_verified: true };
  t.same(ssoVerdict(verified, active, false), { kind: 'sign-in', email: 'Ada@Example.org' });
  t.same(ssoVerdict({ ...verified, email_verified: 'true' }, active, false), {
    kind: 'refused',
    reason: 'The sign-on service has not verified your email address Ada@Example.org.',
  });
  t.same(ssoVerdict({ email: 'ada@example.org' }, active, true), {
    kind: 'refused',
    reason: 'The sign-on service has not verified your email address ada@example.org.',
  });
  t.same(ssoVerdict({ email_verified: true }, undefined, true), {
    kind: 'refused',
    reason: 'The sign-on service did not give an email address.',
  });
  t.same(ssoVerdict(verified, { isActive: false }, true), {
    kind: 'refused',
    reason: 'The agendum account of Ada@Example.org is deactivated; ask the secretariat.',
  });
  t.same(ssoVerdict(verified, undefined, false), {
    kind: 'refused',
    reason: 'No agendum account has the email address Ada@Example.org; ask the secretariat to add you.',
  });
  t.same(ssoVerdict({ ...verified, name: ' Ada Lovelace ' }, undefined, true), {
    kind: 'create',
    email: 'Ada@Example.org',
    name: 'Ada Lovelace',
  });
  t.same(ssoVerdict(verified, undefined, true), { kind: 'create', email: 'Ada@Example.org', name: 'Ada@Example.org' });
});
