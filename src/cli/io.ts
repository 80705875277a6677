import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/env.js';

/** The standard input the CLI reads: a terminal (hidden prompts) or a pipe (first line). */
export interface CliInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface CliOutput {
  write(text: string): unknown;
}

/**
 * Everything the CLI touches outside itself, injectable so that tests run it in-process.
 * `env` left out means the process environment, read by loadConfig (the one place that does).
 */
export interface CliIo {
  stdin: CliInput;
  stdout: CliOutput;
  stderr: CliOutput;
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

/** What a command receives: its parsed arguments, the streams, and the config read on demand. */
export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  io: CliIo;
  /** Read only once the arguments are known to be right, so a typo is reported before a bad env. */
  config(): Config;
  now(): Date;
}

/** One entry of the command table. */
export interface Command {
  name: string;
  summary: string;
  /** The synopsis after `agendum`. */
  usage: string;
  /** Lines of help shown by `agendum <command> --help`. */
  details: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments the command takes (backup and restore will take a file). */
  positionals?: number;
  run(context: CommandContext): Promise<number>;
}

/** A failure explained in one line on stderr; no stack trace, since the user can act on the message. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Wrong command line: one line, then the usage (of the command, once known), exit 2. */
export class UsageError extends CliError {
  override name = 'UsageError';
  command: Command | undefined;
  constructor(message: string) {
    super(message, 2);
  }
}
