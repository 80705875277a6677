import t, { type Test } from 'tap';
import { loadConfig } from '../../../src/config/env.js';
import security from '../../../src/plugins/external/security.js';
import { bareApp } from '../../support/bare-app.js';

/** The security plugin alone, for a server published at https://agendum.example.eu. */
async function securedApp(t: Test) {
  const app = bareApp(t);
  await app.register(security, {
    config: loadConfig({ AGENDUM_PUBLIC_URL: 'https://agendum.example.eu', AGENDUM_SIGNIN_PER_MINUTE: '2' }),
  });
  app.get('/page', async () => 'a page');
  app.get('/style.css', { config: { cacheable: true } }, async () => 'body {}');
  app.post('/form', async () => 'done');
  app.post('/sign-in', { preHandler: app.signInGuard }, async () => 'signed in');
  await app.ready();
  return app;
}

const HEADERS = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';frame-ancestors 'none';form-action 'self';base-uri 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

t.test('every answer carries the security headers, a missing page too', async (t) => {
  const app = await securedApp(t);
  for (const url of ['/page', '/style.css', '/nowhere']) {
    const res = await app.inject({ url });
    const seen = Object.fromEntries(Object.keys(HEADERS).map((name) => [name, res.headers[name]]));
    t.same(seen, HEADERS, url);
  }
});

t.test('nothing is stored by caches but the assets marked cacheable', async (t) => {
  const app = await securedApp(t);
  t.equal((await app.inject({ url: '/page' })).headers['cache-control'], 'no-store');
  t.equal((await app.inject({ url: '/nowhere' })).headers['cache-control'], 'no-store');
  t.equal((await app.inject({ url: '/style.css' })).headers['cache-control'], undefined);
});

t.test('a state-changing request from another site is refused; our own and API calls pass', async (t) => {
  const app = await securedApp(t);
  const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/form', headers });
  const refused = {
    code: 'AGENDUM_CROSS_SITE',
    detail: 'This form was sent from another site; agendum only accepts its own forms.',
  };
  const crossSite: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: 'https://agendum.example.eu.evil.example' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'cross-site', origin: 'https://agendum.example.eu' },
  ];
  for (const headers of crossSite) {
    const res = await post(headers);
    t.same([res.statusCode, res.json()], [403, refused], JSON.stringify(headers));
  }
  const ours: Record<string, string>[] = [
    { origin: 'https://agendum.example.eu' },
    { origin: 'http://localhost:80', host: 'localhost:80' },
    { 'sec-fetch-site': 'same-origin' },
    {},
    { origin: 'https://evil.example', authorization: 'Bearer a-token' },
  ];
  for (const headers of ours) {
    t.equal((await post(headers)).statusCode, 200, `passes: ${JSON.stringify(headers)}`);
  }
  const read = await app.inject({ url: '/page', headers: { origin: 'https://evil.example' } });
  t.equal(read.statusCode, 200, 'a GET changes nothing and is not checked');
});

t.test('sign-in allows a few attempts a minute per address, then says when to retry', async (t) => {
  const app = await securedApp(t);
  const signIn = (remoteAddress: string) => app.inject({ method: 'POST', url: '/sign-in', remoteAddress });
  t.equal((await signIn('203.0.113.7')).statusCode, 200);
  t.equal((await signIn('::ffff:203.0.113.7')).statusCode, 200, 'the same address, mapped to IPv6');
  const third = await signIn('203.0.113.7');
  t.equal(third.statusCode, 429);
  const retryAfter = third.headers['retry-after'];
  t.match(retryAfter, /^(5\d|60)$/, 'within the minute');
  t.same(third.json(), {
    code: 'AGENDUM_RATE_LIMITED',
    detail: `Too many sign-in attempts from this address; try again in ${retryAfter} s.`,
  });
  t.equal((await signIn('198.51.100.1')).statusCode, 200, 'another address has its own count');
});
