import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import t, { type Test } from 'tap';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliInput } from '../../src/cli/io.js';
import { loadConfig } from '../../src/config/env.js';
import { openDatabase } from '../../src/db/client.js';
import { createServices } from '../../src/services/index.js';

const PASSWORD = 'correct horse battery';

/** A fresh data folder, as the server would use it, with a cheap scrypt cost. */
function testEnv(t: Test): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'agendum-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return { AGENDUM_DATA_DIR: dir, AGENDUM_SCRYPT_LOG_N: '10' };
}

const piped = (text: string): CliInput => Readable.from([Buffer.from(text)]);

/** A terminal that records raw mode; what is written to it before the prompt is typed ahead. */
function fakeTerminal(typed: string) {
  const rawModes: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (mode: boolean) => rawModes.push(mode),
  });
  stdin.write(typed);
  return { stdin, rawModes };
}

async function agendum(args: string[], options: { env: Record<string, string>; stdin?: CliInput }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin: options.stdin ?? piped(''),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env,
  });
  return { code, stdout, stderr };
}

/** Signs in on the same database the CLI wrote, as the server would. */
async function signIn(t: Test, env: Record<string, string>, email: string, password: string) {
  const config = loadConfig(env);
  const handle = openDatabase(config.databaseFile);
  t.teardown(() => handle.close());
  const services = createServices(handle, config);
  return services.auth.signIn(email, password);
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

t.test('creates an admin with a generated password, shown once, that signs in', async (t) => {
  const env = testEnv(t);
  const args = ['create-user', '--email', 'ada@example.eu', '--role', 'admin', '--generate-password'];
  const run = await agendum(args, { env });
  t.equal(run.code, 0);
  t.equal(run.stderr, '');
  const match = /^Created admin ada@example\.eu \(id (\d+)\)\nPassword \(shown once\): (\S+)\n$/.exec(run.stdout);
  t.ok(match, 'prints the created account, then the password on a line of its own');
  const password = match![2]!;
  t.equal(occurrences(run.stdout, password), 1, 'the password appears once');
  const session = await signIn(t, env, 'ada@example.eu', password);
  t.equal(session.person.name, 'ada', 'the name defaults to the part before @');
  t.equal(session.person.role, 'admin');
  t.equal(session.person.id, Number(match![1]));
});

t.test('generates a password when the piped input is empty', async (t) => {
  const env = testEnv(t);
  const args = ['create-user', '--email', 'sam@example.eu', '--role', 'secretariat', '--name', 'Sam Secretariat'];
  const run = await agendum(args, { env, stdin: piped('') });
  t.equal(run.code, 0, run.stderr);
  const password = /Password \(shown once\): (\S+)\n/.exec(run.stdout)?.[1];
  t.ok(password);
  const session = await signIn(t, env, 'sam@example.eu', password!);
  t.equal(session.person.name, 'Sam Secretariat');
});

t.test('takes a piped password from the first line and never prints it', async (t) => {
  const env = testEnv(t);
  const run = await agendum(['create-user', '--email', 'rita@example.eu', '--role', 'rapporteur'], {
    env,
    stdin: piped(`${PASSWORD}\r\nsecond line is ignored\n`),
  });
  t.equal(run.code, 0, run.stderr);
  t.equal(run.stdout, 'Created rapporteur rita@example.eu (id 1)\n');
  t.equal(run.stderr, '');
  t.notMatch(run.stdout + run.stderr, /Password|correct horse/);
  const session = await signIn(t, env, 'rita@example.eu', PASSWORD);
  t.equal(session.person.role, 'rapporteur');
});

t.test('refuses a piped password shorter than 12 characters, without showing it', async (t) => {
  const env = testEnv(t);
  const args = ['create-user', '--email', 'dan@example.eu', '--role', 'delegate'];
  const run = await agendum(args, { env, stdin: piped('short pw\n') });
  t.equal(run.code, 1);
  t.equal(run.stderr, 'agendum: the password on standard input must have at least 12 characters\n');
  t.equal(run.stdout, '');
});

t.test('at a terminal, asks twice without echo, and asks again when the two differ', async (t) => {
  const env = testEnv(t);
  // A typo erased with backspace, then a mismatch, then the same password twice.
  const typed = `correct horsx\u007fe battery\rcorrect horse batterY\r${PASSWORD}\r${PASSWORD}\r`;
  const { stdin, rawModes } = fakeTerminal(typed);
  const run = await agendum(['create-user', '--email', 'tom@example.eu', '--role', 'delegate'], { env, stdin });
  t.equal(run.code, 0, run.stderr);
  t.equal(run.stdout, 'Created delegate tom@example.eu (id 1)\n');
  t.equal(
    run.stderr,
    'Password: \nPassword again: \nThe two passwords differ.\nPassword: \nPassword again: \n',
    'prompts only: nothing typed is echoed',
  );
  t.same(rawModes, [true, false], 'the terminal is back to normal afterwards');
  await t.resolves(signIn(t, env, 'tom@example.eu', PASSWORD));
});

t.test('a duplicate email exits 1 with one clear line', async (t) => {
  const env = testEnv(t);
  const first = await agendum(['create-user', '--email', 'ada@example.eu', '--role', 'admin'], { env });
  t.equal(first.code, 0);
  const again = await agendum(['create-user', '--email', 'Ada@Example.eu', '--role', 'delegate'], { env });
  t.equal(again.code, 1);
  t.equal(again.stderr, 'agendum: Ada@Example.eu already belongs to somebody.\n');
  t.equal(again.stdout, '', 'no password is shown for an account that was not created');
});

t.test('a bad role exits 2 with the roles and the usage, before touching the database', async (t) => {
  const env = testEnv(t);
  const run = await agendum(['create-user', '--email', 'ada@example.eu', '--role', 'boss'], { env });
  t.equal(run.code, 2);
  t.equal(
    run.stderr.split('\n')[0],
    'agendum: unknown role "boss": use one of admin, secretariat, rapporteur, delegate',
  );
  t.match(run.stderr, /Usage: agendum create-user --email <address> --role <role>/);
  t.notMatch(run.stderr, /\n\s+at /, 'no stack trace');
  t.notOk(existsSync(loadConfig(env).databaseFile), 'no database was created');
});

t.test('a missing --email exits 2', async (t) => {
  const run = await agendum(['create-user', '--role', 'admin'], { env: testEnv(t) });
  t.equal(run.code, 2);
  t.equal(run.stderr.split('\n')[0], 'agendum: create-user needs --email');
});

t.test('a malformed email exits 2', async (t) => {
  const run = await agendum(['create-user', '--email', 'ada at example.eu', '--role', 'admin'], { env: testEnv(t) });
  t.equal(run.code, 2);
  t.equal(run.stderr.split('\n')[0], 'agendum: not an email address: ada at example.eu');
});

t.test('an unknown flag or command exits 2 with the usage', async (t) => {
  const env = testEnv(t);
  const flag = await agendum(['create-user', '--email', 'ada@example.eu', '--role', 'admin', '--admin'], { env });
  t.equal(flag.code, 2);
  t.equal(flag.stderr.split('\n')[0], "agendum: Unknown option '--admin'");
  const command = await agendum(['make-user'], { env });
  t.equal(command.code, 2);
  t.equal(command.stderr.split('\n')[0], 'agendum: unknown command "make-user"');
  t.match(command.stderr, /Commands:\n {2}create-user {2}/);
  const none = await agendum([], { env });
  t.equal(none.code, 2);
});

t.test('--help prints the usage on stdout and exits 0', async (t) => {
  const env = testEnv(t);
  const general = await agendum(['--help'], { env });
  t.equal(general.code, 0);
  t.match(general.stdout, /^Usage: agendum <command> \[options\]/);
  const command = await agendum(['create-user', '--help'], { env });
  t.equal(command.code, 0);
  t.match(command.stdout, /^Usage: agendum create-user /);
});

t.test('a bad setting exits 1 with the config message', async (t) => {
  const run = await agendum(['create-user', '--email', 'ada@example.eu', '--role', 'admin'], {
    env: { ...testEnv(t), AGENDUM_SCRYPT_LOG_N: '3' },
  });
  t.equal(run.code, 1);
  t.equal(run.stderr, 'agendum: AGENDUM_SCRYPT_LOG_N must be >= 10 (got 3)\n');
});

t.test('--invite creates the account without a password and queues its invitation', async (t) => {
  const env = testEnv(t);
  const args = ['create-user', '--email', 'lena@bmg.de', '--role', 'delegate', '--name', 'Lena Müller', '--invite'];
  const run = await agendum(args, { env });
  t.equal(run.code, 0, run.stderr);
  t.match(run.stdout, /^Created delegate lena@bmg\.de \(id \d+\)\nInvitation queued: the running service mails it/);
  const handle = openDatabase(loadConfig(env).databaseFile);
  t.teardown(() => handle.close());
  const rows = handle.sqlite
    .prepare(
      `select p.password_hash as passwordHash, l.purpose, o.kind, o.status from people p
       join person_links l on l.person_id = p.id join outbox o on o.person_link_id = l.id`,
    )
    .all();
  t.same(rows, [{ passwordHash: null, purpose: 'invitation', kind: 'account-link', status: 'queued' }]);

  const both = await agendum([...args, '--generate-password'], { env });
  t.equal(both.code, 2);
  t.match(both.stderr, /--invite lets the person choose their password/);
});
