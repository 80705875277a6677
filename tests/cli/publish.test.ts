import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import t from 'tap';
import { runCli } from '../../src/cli/run-cli.js';
import { build, tempDir, testConfig } from '../helper.js';
import { crawl, filesUnder, meetingOfEveryMarking, serveStatic } from '../support/publication-meeting.js';

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
    now: () => new Date('2020-11-20T10:00:00.000Z'),
  });
  return { code, stdout, stderr };
}

t.test('publish <folder> builds the folder of every published meeting, offline, from the database', async (t) => {
  const dataDir = tempDir(t);
  const env = { AGENDUM_DATA_DIR: dataDir, AGENDUM_DEMO: '0', LOG_LEVEL: 'silent', AGENDUM_SCRYPT_LOG_N: '10' };
  const app = await build(t, { config: testConfig(t, env) });
  const { staff, meeting } = await meetingOfEveryMarking(app);
  const target = join(tempDir(t), 'site');

  const before = await agendum(['publish', target], env);
  t.equal(before.code, 0, before.stderr);
  t.equal(before.stdout, `Published 0 meeting(s), 2 file(s), in ${target}\n`, 'no meeting is published yet');
  t.match(readFileSync(join(target, 'index.html'), 'utf8'), /No meeting is published yet\./);

  await app.services.publication.publish(staff, meeting.id);
  const after = await agendum(['publish', target], env);
  t.equal(after.code, 0, after.stderr);
  t.equal(after.stdout, `Published 1 meeting(s), 7 file(s), in ${target}\n`);
  t.same(filesUnder(target), [
    '.agendum-publication',
    '18th-ehealth-network/agenda.pdf',
    '18th-ehealth-network/index.html',
    '18th-ehealth-network/item-1.1-annex-1.pdf',
    '18th-ehealth-network/item-1.1.html',
    '18th-ehealth-network/item-1.1.pdf',
    'feed.atom',
    'index.html',
  ]);
  const statuses = await crawl(await serveStatic(t, target), '/index.html');
  t.equal(statuses.size, 7, 'the index reaches every file');
  t.same(
    [...statuses.values()].filter((s) => s !== 200),
    [],
    'and every one answers 200',
  );
});

t.test('publish needs its folder, and never replaces a folder it did not write', async (t) => {
  const dataDir = tempDir(t);
  const env = { AGENDUM_DATA_DIR: dataDir, AGENDUM_DEMO: '0', LOG_LEVEL: 'silent' };
  const missing = await agendum(['publish'], env);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /^agendum: publish takes one argument besides options\n\nUsage: agendum publish <folder>/);

  const foreign = tempDir(t);
  writeFileSync(join(foreign, 'index.html'), 'another site');
  const refused = await agendum(['publish', foreign], env);
  t.equal(refused.code, 1);
  t.match(refused.stderr, /holds files that agendum publish did not write/);
  t.equal(readFileSync(join(foreign, 'index.html'), 'utf8'), 'another site');
});
