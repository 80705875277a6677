import t from 'tap';
import { verifyPassword } from '../../src/services/secrets.js';
import { build, testConfig } from '../helper.js';

t.test('each demo account has its own salt and hash, and each verifies with the demo password', async (t) => {
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_DEMO: '1', AGENDUM_DEMO_PASSWORD: 'demo password 123' }),
  });
  const rows = app.database.sqlite.prepare('select email, password_hash as hash from people order by id').all() as {
    email: string;
    hash: string;
  }[];
  t.same(
    rows.map((r) => r.email),
    ['admin@example.org', 'secretariat@example.org', 'rapporteur@example.org', 'delegate@example.org'],
  );
  const salts = rows.map((r) => r.hash.split('$')[4]);
  t.equal(new Set(rows.map((r) => r.hash)).size, 4, 'four different hashes');
  t.equal(new Set(salts).size, 4, 'four different salts');
  for (const row of rows) t.ok(await verifyPassword('demo password 123', row.hash), `${row.email} verifies`);
});
