import { readdirSync, statSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { backupTo } from '../../src/backup/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { actor, createItem } from '../factories.js';
import { build, tempDir, testConfig } from '../helper.js';
import { meetingWithDelegates, sendPacket } from '../support/mail-meeting.js';
import { waitFor } from '../support/wait.js';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const DRAFT =
  '1. Issue at stake\nStake.\n2. Summary\nA draft.\n3. Format of procedure in the meeting\nFor information.\n';

t.test('the data folder is 0700 and every file in it 0600: database, uploads, mail, link key, backups', async (t) => {
  // A folder that does not exist yet: agendum makes it.
  const dataDir = join(tempDir(t), 'data');
  const config = testConfig(t, { AGENDUM_DATA_DIR: dataDir });
  const app = await build(t, { config, now: () => new Date() });
  const { secretariat, meeting } = await meetingWithDelegates(app, 1);
  const item = createItem(app, secretariat, meeting.id);
  await app.services.ingest.ingestDraft(
    actor(secretariat),
    item.id,
    { bytes: Buffer.from(DRAFT), fileName: 'draft.txt' },
    { dryRun: false },
  );
  const res = await sendPacket(app, secretariat, meeting.id);
  t.equal(res.statusCode, 202);
  await waitFor(() => app.services.packets.view(actor(secretariat), res.json().id).done, 'the packet to be written');

  t.equal(modeOf(dataDir), '700', 'data folder');
  for (const name of ['agendum.sqlite', 'agendum.sqlite-wal', 'agendum.sqlite-shm', 'link-secret']) {
    t.equal(modeOf(join(dataDir, name)), '600', name);
  }
  for (const folder of ['uploads', 'outgoing-mail']) {
    t.equal(modeOf(join(dataDir, folder)), '700', `${folder}/`);
    const files = readdirSync(join(dataDir, folder));
    t.ok(files.length > 0, `${folder} holds files`);
    for (const file of files) t.equal(modeOf(join(dataDir, folder, file)), '600', `${folder}/${file}`);
  }

  const backup = join(tempDir(t), 'backups', 'agendum.sqlite');
  await backupTo(config, backup);
  t.equal(modeOf(backup), '600', 'the backup file');
});

t.test('a database an older version left readable to all is made private when it is opened', async (t) => {
  const dir = join(tempDir(t), 'old');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const file = join(dir, 'agendum.sqlite');
  const first = openDatabase(file);
  first.close();
  chmodSync(file, 0o644);
  writeFileSync(`${file}-wal`, '');
  chmodSync(`${file}-wal`, 0o644);
  const again = openDatabase(file);
  t.teardown(() => again.close());
  t.equal(modeOf(dir), '700');
  t.equal(modeOf(file), '600');
  t.equal(modeOf(`${file}-wal`), '600');
});
