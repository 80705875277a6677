import t from 'tap';
import { ConfigError, loadConfig } from '../../src/config/env.js';

t.test('the defaults are the embedded mode', async (t) => {
  const config = loadConfig({});
  t.match(config, {
    host: '127.0.0.1',
    port: 3000,
    demo: true,
    trustProxy: false,
    logLevel: 'info',
    scryptLogN: 17,
    trackedChanges: 'accept',
    brand: 'ec',
  });
  t.match(config.databaseFile, /data\/agendum\.sqlite$/);
});

t.test('values are converted from their text', async (t) => {
  const config = loadConfig({
    PORT: '8080',
    AGENDUM_DEMO: 'false',
    AGENDUM_TRUST_PROXY: '1',
    AGENDUM_DATA_DIR: '/srv/agendum',
    AGENDUM_TRACKED_CHANGES: 'refuse',
    AGENDUM_BRAND: 'eu',
  });
  t.match(config, {
    trackedChanges: 'refuse',
    brand: 'eu',
    port: 8080,
    demo: false,
    trustProxy: { hops: 1 },
    dataDir: '/srv/agendum',
    databaseFile: '/srv/agendum/agendum.sqlite',
  });
});

t.test('a bad value is one line that names the variable and never shows a secret', async (t) => {
  t.throws(() => loadConfig({ PORT: 'abc' }), new ConfigError('PORT must be integer (got "abc")'));
  t.throws(() => loadConfig({ AGENDUM_DEMO: 'maybe' }), {
    message: 'AGENDUM_DEMO must be one of 1, 0, true, false (got "maybe")',
  });
  t.throws(() => loadConfig({ AGENDUM_TRACKED_CHANGES: 'reject' }), {
    message: 'AGENDUM_TRACKED_CHANGES must be one of accept, refuse (got "reject")',
  });
  t.throws(() => loadConfig({ AGENDUM_BRAND: 'un' }), {
    message: 'AGENDUM_BRAND must be one of ec, eu, neutral (got "un")',
  });
  t.throws(() => loadConfig({ AGENDUM_DEMO_PASSWORD: 'short' }), {
    message: /AGENDUM_DEMO_PASSWORD .*\(got \(hidden\)\)/,
  });
});

t.test('single sign-on: an https issuer, or http on this machine only', async (t) => {
  const sso = (issuer: string) => ({
    AGENDUM_OIDC_ISSUER: issuer,
    AGENDUM_OIDC_CLIENT_ID: 'agendum',
    AGENDUM_OIDC_CLIENT_SECRET: 'a secret',
  });
  t.equal(loadConfig({}).accounts.oidc, null, 'off unless set');
  t.same(loadConfig({ ...sso('https://ecas.ec.europa.eu/cas/oauth2'), AGENDUM_OIDC_CREATE: '1' }).accounts.oidc, {
    issuer: 'https://ecas.ec.europa.eu/cas/oauth2',
    clientId: 'agendum',
    clientSecret: 'a secret',
    createAccounts: true,
  });
  t.equal(loadConfig(sso('http://127.0.0.1:4000')).accounts.oidc?.issuer, 'http://127.0.0.1:4000');
  t.equal(loadConfig(sso('http://localhost:4000')).accounts.oidc?.createAccounts, false);
  const refused = new ConfigError(
    'AGENDUM_OIDC_ISSUER must be an https:// address (http:// only on this machine, for tests).',
  );
  t.throws(() => loadConfig(sso('http://login.example.org')), refused);
  t.throws(
    () => loadConfig(sso('not an address')),
    new ConfigError('AGENDUM_OIDC_ISSUER must match pattern "^https?://" (got "not an address")'),
  );
});
