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
