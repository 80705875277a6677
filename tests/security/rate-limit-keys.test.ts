import t from 'tap';
import { normaliseAddress } from '../../src/plugins/external/client-address.js';
import { build, signedIn, testConfig } from '../helper.js';

t.test('addresses are counted normalised: IPv4-mapped IPv6 as IPv4, IPv6 by its /64', async (t) => {
  t.equal(normaliseAddress('1.2.3.4'), '1.2.3.4');
  t.equal(normaliseAddress('::ffff:1.2.3.4'), '1.2.3.4');
  t.equal(normaliseAddress('::FFFF:0102:0304'), '1.2.3.4');
  t.equal(normaliseAddress('2001:db8:aa:bb:1:2:3:4'), '2001:db8:aa:bb::/64');
  t.equal(normaliseAddress('2001:0db8:00aa:00bb::ffff'), '2001:db8:aa:bb::/64');
  t.equal(normaliseAddress('2001:db8::1'), '2001:db8:0:0::/64');
  t.equal(normaliseAddress('fe80::1%eth0'), 'fe80:0:0:0::/64');
  t.equal(normaliseAddress('::1'), '0:0:0:0::/64');
});

t.test('the sign-in limit counts one address however it is written, and one IPv6 /64 as one address', async (t) => {
  const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '2' }) });
  const attempt = (remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress,
      payload: { email: 'x@example.org', password: 'guess guess guess' },
    });
  t.equal((await attempt('1.2.3.4')).statusCode, 401);
  t.equal((await attempt('::ffff:1.2.3.4')).statusCode, 401);
  t.equal((await attempt('::ffff:1.2.3.4')).statusCode, 429, 'the mapped spelling is the same address');
  t.equal((await attempt('1.2.3.5')).statusCode, 401, 'another address has its own count');

  t.equal((await attempt('2001:db8:aa:bb::1')).statusCode, 401);
  t.equal((await attempt('2001:db8:aa:bb:ffff:1:2:3')).statusCode, 401);
  t.equal((await attempt('2001:db8:aa:bb:dead:beef::9')).statusCode, 429, 'the same /64: the same count');
  t.equal((await attempt('2001:db8:aa:bc::1')).statusCode, 401, 'the next /64 has its own count');
});

t.test('the per-token limit counts by the token: the header spelt otherwise is the same count', async (t) => {
  const app = await build(t, { config: testConfig(t, { AGENDUM_TOKEN_PER_MINUTE: '3' }) });
  const me = await signedIn(app, 'delegate');
  const other = await signedIn(app, 'delegate');
  const call = (authorization: string) =>
    app.inject({ method: 'GET', url: '/api/v1/meetings', headers: { authorization } });
  t.equal((await call(`Bearer ${me.token}`)).statusCode, 200);
  t.equal((await call(`bearer ${me.token}`)).statusCode, 200);
  t.equal((await call(`BEARER   ${me.token} `)).statusCode, 200);
  t.equal((await call(`Bearer\t${me.token}`)).statusCode, 429, 'four spellings, one token: the fourth call is over');
  t.equal((await call(`Bearer ${other.token}`)).statusCode, 200, 'another token keeps its own count');
});

t.test('unknown tokens share the count of their address instead of getting a fresh one each', async (t) => {
  const app = await build(t, { config: testConfig(t, { AGENDUM_TOKEN_PER_MINUTE: '3' }) });
  const me = await signedIn(app, 'delegate');
  const call = (authorization: string, remoteAddress = '192.0.2.1') =>
    app.inject({ method: 'GET', url: '/api/v1/meetings', remoteAddress, headers: { authorization } });
  for (let i = 1; i <= 3; i += 1) t.equal((await call(`Bearer agd_guess${i}`)).statusCode, 401, `guess ${i}`);
  t.equal((await call('Bearer agd_guess4')).statusCode, 429, 'the fourth made-up token from the address is over');
  t.equal((await call('Basic abc')).statusCode, 429, 'a malformed header counts there too');
  t.equal((await call('Bearer agd_guess5', '192.0.2.2')).statusCode, 401, 'another address has its own count');
  t.equal((await call(`Bearer ${me.token}`)).statusCode, 200, 'a real token from that address is not held back');
});
