import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/env.js';
import { backupCommand, restoreCommand } from './backup.js';
import { createUserCommand } from './create-user.js';
import { publishCommand } from './publish.js';
import { CliError, UsageError, type CliIo, type Command } from './io.js';

export type { CliIo } from './io.js';

/** Every command of the CLI: adding one is a new file and a line here. */
const COMMANDS: readonly Command[] = [createUserCommand, backupCommand, restoreCommand, publishCommand];

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: agendum <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `agendum <command> --help` for its options. Settings come from the same environment',
    'as the server (AGENDUM_DATA_DIR and the rest).',
  ].join('\n');
}

const commandUsage = (command: Command) =>
  [`Usage: agendum ${command.usage}`, '', ...command.details.map((line) => `  ${line}`)].join('\n');

// parseArgs throws TypeErrors coded ERR_PARSE_ARGS_*; their first sentence is the useful part.
const isParseError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');

function parseCommandLine(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: { ...command.options, ...HELP }, strict: true, allowPositionals: true });
  } catch (error) {
    if (isParseError(error)) throw new UsageError(error.message.split('. ')[0]!.replace(/\.$/, ''));
    throw error;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (name === undefined) throw new UsageError('no command given');
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
  try {
    return await runCommand(command, args, io);
  } catch (error) {
    if (error instanceof UsageError) error.command ??= command;
    throw error;
  }
}

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(command, args);
  if (values.help) {
    io.stdout.write(`${commandUsage(command)}\n`);
    return 0;
  }
  const expected = command.positionals ?? 0;
  if (positionals.length !== expected) {
    const count = expected === 0 ? 'no arguments' : expected === 1 ? 'one argument' : `${expected} arguments`;
    throw new UsageError(`${command.name} takes ${count} besides options`);
  }
  let config: Config | undefined;
  return command.run({
    values,
    positionals,
    io,
    config: () => (config ??= loadConfig(io.env)),
    now: io.now ?? (() => new Date()),
  });
}

/**
 * Runs one CLI command and returns the exit code; never exits the process, so that tests run it
 * in-process. Expected failures become one line on stderr (usage errors add the usage); anything
 * else is a bug and propagates with its stack.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ? commandUsage(error.command) : usage();
      io.stderr.write(`agendum: ${error.message}\n\n${help}\n`);
      return error.exitCode;
    }
    if (error instanceof CliError || error instanceof ConfigError) {
      io.stderr.write(`agendum: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    throw error;
  }
}
