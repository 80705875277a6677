import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { runCli } from '../../src/cli/run-cli.js';
import { actor, createItem, meetingSetup } from '../factories.js';
import { build, reposOf, signedIn, tempDir, testConfig } from '../helper.js';
import { fileUpload } from '../support/multipart.js';
import { noteEtag } from '../../src/services/note-access.js';

const seed = readFileSync(
  fileURLToPath(new URL('../fixtures/seeds/ehn18-item-9.2-cybersecurity-reflections.txt', import.meta.url)),
);

async function agendum(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end();
  const code = await runCli(args, {
    stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

const tables = ['people', 'meetings', 'agenda_items', 'cover_notes', 'note_versions', 'audit_events', 'stored_files'];

t.test('backup while the server runs, restore into a fresh folder: same rows, same files', async (t) => {
  const dataDir = tempDir(t);
  const env = {
    AGENDUM_DATA_DIR: dataDir,
    AGENDUM_DEMO: '1',
    AGENDUM_DEMO_PASSWORD: 'demo password 123',
    LOG_LEVEL: 'silent',
    AGENDUM_SCRYPT_LOG_N: '10',
  };
  const app = await build(t, { config: testConfig(t, env) });
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat).catch(() => app.services.meetings.list()[0]!);
  const item = createItem(app, secretariat, meeting.id);
  const upload = fileUpload('9.2.txt', seed);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/items/${item.id}/note/versions`,
    payload: upload.payload,
    headers: {
      ...upload.headers,
      ...secretariat.headers,
      'if-match': noteEtag(reposOf(app).notes.findByItem(item.id)!),
    },
  });
  t.equal(res.statusCode, 201);

  const snapshot = (db = app.database.sqlite) =>
    Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
  const before = snapshot();
  const backupFile = join(tempDir(t), 'agendum-backup.sqlite');
  const backup = await agendum(['backup', backupFile], env);
  t.equal(backup.code, 0, backup.stderr);
  t.match(backup.stdout, /Backed up to .*agendum-backup\.sqlite .*1 uploaded file/);

  // The server goes on writing after the backup: the backup keeps the state it copied.
  app.services.workflow.perform(actor(secretariat), item.id, { event: 'submit' });
  t.equal((await agendum(['backup', backupFile], env)).code, 1, 'an existing backup file is never overwritten');

  const restoredDir = tempDir(t);
  const restoreEnv = { ...env, AGENDUM_DATA_DIR: restoredDir, AGENDUM_DEMO: '0' };
  const restore = await agendum(['restore', backupFile], restoreEnv);
  t.equal(restore.code, 0, restore.stderr);
  const restored = await build(t, { config: testConfig(t, restoreEnv) });
  t.same(snapshot(restored.database.sqlite), before, 'every row as it was at the backup');
  const storedName = (before.stored_files![0] as { stored_name: string }).stored_name;
  t.ok(
    readFileSync(join(restored.config.uploadsDir, storedName)).equals(seed),
    'the uploaded file came back byte for byte',
  );
  t.same(readdirSync(restored.config.uploadsDir), [storedName]);
  t.equal(
    restored.services.workflow.verifyAudit({ id: 1, name: 'a', role: 'admin' }).ok,
    true,
    'the audit chain verifies',
  );
});

t.test('restore refuses while a server holds the database, and refuses a file that is no backup', async (t) => {
  const dataDir = tempDir(t);
  const env = { AGENDUM_DATA_DIR: dataDir, AGENDUM_DEMO: '0', LOG_LEVEL: 'silent', AGENDUM_SCRYPT_LOG_N: '10' };
  const app = await build(t, { config: testConfig(t, env) });
  const backupFile = join(tempDir(t), 'b.sqlite');
  t.equal((await agendum(['backup', backupFile], env)).code, 0);
  app.database.sqlite.exec('BEGIN IMMEDIATE');
  const busy = await agendum(['restore', backupFile], env);
  app.database.sqlite.exec('ROLLBACK');
  t.equal(busy.code, 1);
  t.match(busy.stderr, /stop the server before restoring/);
  const notBackup = await agendum(['restore', app.config.databaseFile], { ...env, AGENDUM_DATA_DIR: tempDir(t) });
  t.equal(notBackup.code, 1);
  t.match(notBackup.stderr, /not an agendum backup/);
  t.equal((await agendum(['backup'], env)).code, 2, 'the file is required');
});
