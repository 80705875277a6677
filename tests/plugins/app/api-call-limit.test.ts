import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import t, { type Test } from 'tap';
import { loadConfig } from '../../../src/config/env.js';
import apiCallLimit from '../../../src/plugins/app/api-call-limit.js';
import { bareApp } from '../../support/bare-app.js';

/** The tokens the stand-in auth plugin knows, by what a caller sends. */
const TOKENS: Record<string, number> = { 'Bearer token-of-ana': 7, 'Bearer token-of-bo': 8 };

/** The call limit alone, at 2 calls a minute, behind stand-ins for what it depends on. */
async function limitedApp(t: Test) {
  const app = bareApp(t);
  // The security plugin's part it relies on: the rate-limit counters.
  await app.register(fp(async (scope) => scope.register(rateLimit, { global: false }), { name: 'security' }));
  // The auth plugin's part: the id of a known token, or null.
  await app.register(
    fp(
      async (scope) => {
        scope.decorateRequest('apiTokenId', null);
        scope.addHook('onRequest', async (request) => {
          request.apiTokenId = TOKENS[request.headers.authorization ?? ''] ?? null;
        });
      },
      { name: 'auth' },
    ),
  );
  await app.register(apiCallLimit, { config: loadConfig({ AGENDUM_TOKEN_PER_MINUTE: '2' }) });
  app.get('/api', async () => 'ok');
  await app.ready();
  return app;
}

const call = (app: Awaited<ReturnType<typeof limitedApp>>, authorization?: string, remoteAddress = '203.0.113.7') =>
  app.inject({ url: '/api', headers: authorization ? { authorization } : {}, remoteAddress });

t.test('each token has its own count; past it, a 429 that says when to retry', async (t) => {
  const app = await limitedApp(t);
  t.equal((await call(app, 'Bearer token-of-ana')).statusCode, 200);
  t.equal((await call(app, 'Bearer token-of-ana', '198.51.100.1')).statusCode, 200, 'from another address');
  const third = await call(app, 'Bearer token-of-ana');
  t.equal(third.statusCode, 429);
  const retryAfter = third.headers['retry-after'];
  t.match(retryAfter, /^(5\d|60)$/, 'within the minute');
  t.same(third.json(), {
    code: 'AGENDUM_RATE_LIMITED',
    detail: `Too many API calls with this token; try again in ${retryAfter} s.`,
  });
  t.equal((await call(app, 'Bearer token-of-bo')).statusCode, 200, 'another token is not affected');
});

t.test('tokens nobody holds share one count per address, so guessing gains nothing', async (t) => {
  const app = await limitedApp(t);
  t.equal((await call(app, 'Bearer guess-1')).statusCode, 200);
  t.equal((await call(app, 'Bearer guess-2')).statusCode, 200);
  t.equal((await call(app, 'Bearer guess-3')).statusCode, 429);
  t.equal((await call(app, 'Bearer guess-4', '2001:db8:1:2::99')).statusCode, 200, 'another address');
  t.equal((await call(app, 'Bearer guess-5', '2001:db8:1:2::aa')).statusCode, 200, 'the same /64');
  t.equal((await call(app, 'Bearer guess-6', '2001:db8:1:2::bb')).statusCode, 429, 'counts as one address');
  t.equal((await call(app, 'Bearer token-of-ana')).statusCode, 200, 'a real token keeps its own count');
});

t.test('calls without a token (browsers) are not counted here', async (t) => {
  const app = await limitedApp(t);
  for (let i = 0; i < 5; i += 1) t.equal((await call(app)).statusCode, 200);
});
