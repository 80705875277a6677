import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { tempDir } from '../helper.js';
import { NO_CHILD_COVERAGE } from '../support/server-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the real server (src/server.ts through tsx) as a child process on a free port. */
async function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', AGENDUM_SCRYPT_LOG_N: '10', ...NO_CHILD_COVERAGE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: on a loaded 2-core machine tsx takes a while to start the server.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
  return { child, url, output: () => output };
}

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: 'eighty', AGENDUM_DATA_DIR: tempDir(t), ...NO_CHILD_COVERAGE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  t.equal(code, 1);
  t.equal(stderr.trim(), 'agendum: cannot start: PORT must be integer (got "eighty")');
});

t.test('a data folder that cannot be made stops the start with one clear line, no stack trace', async (t) => {
  const blocker = join(tempDir(t), 'a-file');
  writeFileSync(blocker, '');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', AGENDUM_DATA_DIR: join(blocker, 'data'), ...NO_CHILD_COVERAGE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  t.equal(code, 1);
  t.match(output, /agendum: cannot start: ENOTDIR: not a directory/);
  t.notMatch(output, /\n\s+at /, 'no stack trace');
});
