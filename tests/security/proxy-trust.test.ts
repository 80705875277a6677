import Fastify from 'fastify';
import t, { type Test } from 'tap';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { serverOptions } from '../../src/server-options.js';
import { build, testConfig } from '../helper.js';

t.test(
  'AGENDUM_TRUST_PROXY takes 0, a hop count or a list of proxy addresses, and refuses the rest in one line',
  async (t) => {
    t.same(loadConfig({}).trustProxy, false, 'default: no proxy trusted');
    t.same(loadConfig({ AGENDUM_TRUST_PROXY: '0' }).trustProxy, false);
    t.same(loadConfig({ AGENDUM_TRUST_PROXY: '1' }).trustProxy, { hops: 1 }, '1 is one hop, not "every hop"');
    t.same(loadConfig({ AGENDUM_TRUST_PROXY: '2' }).trustProxy, { hops: 2 });
    t.same(loadConfig({ AGENDUM_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8, loopback' }).trustProxy, {
      addresses: ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'],
    });
    const rule =
      'AGENDUM_TRUST_PROXY must be 0, a hop count (1: one proxy in front) or a comma-separated list of proxy addresses or CIDRs';
    for (const [value, shown] of [
      ['true', '"true"'],
      ['10.0.0.1,evil', '"10.0.0.1,evil"'],
      ['10.0.0.0/33', '"10.0.0.0/33"'],
      ['10.0.0.0/0', '"10.0.0.0/0"'],
    ] as const) {
      t.throws(() => loadConfig({ AGENDUM_TRUST_PROXY: value }), new ConfigError(`${rule} (got ${shown})`), value);
    }
  },
);

/** Sign-in attempts from behind the proxy, each with a forged address in front of the real one. */
async function forgedAttempts(t: Test, trust: string, peer: string) {
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_TRUST_PROXY: trust, AGENDUM_SIGNIN_PER_MINUTE: '3' }),
  });
  const statuses: number[] = [];
  for (let i = 1; i <= 5; i += 1) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: peer,
      // What the client wrote (a fresh forged address each time), then what our proxy added.
      headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      payload: { email: 'x@example.org', password: 'guess guess guess' },
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

t.test('with one trusted hop, forged X-Forwarded-For entries do not reset the sign-in limit', async (t) => {
  t.same(await forgedAttempts(t, '1', '10.0.0.1'), [401, 401, 401, 429, 429]);
});

t.test('with the proxy named by address, forged entries do not reset the sign-in limit either', async (t) => {
  t.same(await forgedAttempts(t, '10.0.0.1', '10.0.0.1'), [401, 401, 401, 429, 429]);
  t.same(await forgedAttempts(t, '10.0.0.0/24', '10.0.0.9'), [401, 401, 401, 429, 429]);
});

t.test('the client address is the one the trusted proxy saw, and an untrusted peer is its own client', async (t) => {
  for (const [trust, peer, expected] of [
    ['1', '10.0.0.1', '203.0.113.7'],
    ['2', '10.0.0.1', '198.51.100.1'],
    ['10.0.0.1', '10.0.0.1', '203.0.113.7'],
    // A peer outside the list is not a proxy: what it writes in X-Forwarded-For is ignored.
    ['10.0.0.1', '10.9.9.9', '10.9.9.9'],
    ['0', '10.0.0.1', '10.0.0.1'],
  ] as const) {
    // The server options the app is built with, and one route that shows the address it sees.
    const server = Fastify(serverOptions(testConfig(t, { AGENDUM_TRUST_PROXY: trust })));
    server.get('/ip', async (request) => request.ip);
    t.teardown(() => server.close());
    const res = await server.inject({
      method: 'GET',
      url: '/ip',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' },
    });
    const seen = res.body;
    t.equal(seen, expected, `trust ${trust}, peer ${peer}`);
  }
});
