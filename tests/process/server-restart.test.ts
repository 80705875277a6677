import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { tempDir } from '../helper.js';
import { spawnServer, startServer as startRealServer, type RunningServer } from '../support/server-process.js';

type Running = RunningServer;

/** The real server with a cheap password hash, as these tests start it. */
const startServer = (env: Record<string, string>) => startRealServer({ AGENDUM_SCRYPT_LOG_N: '10', ...env });

async function stop(running: Running, signal: NodeJS.Signals) {
  const exited = once(running.child, 'exit');
  running.child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}

t.test('Ctrl-C stops the server cleanly; a restart keeps every row and loads the demo once', async (t) => {
  const dataDir = tempDir(t);
  const first = await startServer({ AGENDUM_DATA_DIR: dataDir });
  t.teardown(() => void first.child.kill('SIGKILL'));
  t.match(
    first.output(),
    /demo data loaded; accounts .* share the password: [A-Za-z0-9]{20}"/,
    'generated password logged once',
  );
  const password = /share the password: ([A-Za-z0-9]+)/.exec(first.output())![1]!;

  const signIn = await fetch(`${first.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretariat@example.org', password }),
  });
  t.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const created = await fetch(`${first.url}/api/v1/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      ordinal: 19,
      startDate: '2021-06-08',
      endDate: '2021-06-08',
      city: 'Lisbon',
      country: 'Portugal',
    }),
  });
  t.equal(created.status, 201);
  t.equal(await stop(first, 'SIGINT'), 0, 'exit code 0 after SIGINT');
  t.match(first.output(), /SIGINT received, shutting down/);

  const second = await startServer({ AGENDUM_DATA_DIR: dataDir });
  t.teardown(() => void second.child.kill('SIGKILL'));
  t.notMatch(second.output(), /demo data loaded/, 'the demo is not loaded twice');
  const meetings = await fetch(`${second.url}/api/v1/meetings`, { headers: { cookie } });
  t.equal(meetings.status, 200, 'the session survived the restart');
  const lines = ((await meetings.json()) as { displayLine: string }[]).map((m) => m.displayLine);
  t.same(lines, [
    '19TH EHEALTH NETWORK 8 JUNE 2021, LISBON, PORTUGAL',
    '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
  ]);
  t.equal(await stop(second, 'SIGTERM'), 0, 'exit code 0 after SIGTERM');
});

t.test('a bad setting stops the start with one clear line', async (t) => {
  const { child, output } = spawnServer({ PORT: 'eighty', AGENDUM_DATA_DIR: tempDir(t) });
  const [code] = await once(child, 'exit');
  t.equal(code, 1);
  t.equal(output().trim(), 'agendum: cannot start: PORT must be integer (got "eighty")');
});

t.test('a data folder that cannot be made stops the start with one clear line, no stack trace', async (t) => {
  const blocker = join(tempDir(t), 'a-file');
  writeFileSync(blocker, '');
  const { child, output } = spawnServer({ AGENDUM_DATA_DIR: join(blocker, 'data') });
  const [code] = await once(child, 'exit');
  t.equal(code, 1);
  t.match(output(), /agendum: cannot start: ENOTDIR: not a directory/);
  t.notMatch(output(), /\n\s+at /, 'no stack trace');
});
