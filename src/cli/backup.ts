import { resolve } from 'node:path';
import { backupTo, restoreFrom } from '../backup/backup.js';
import { CliError, UsageError, type Command, type CommandContext } from './io.js';

function fileArgument(context: CommandContext, command: string): string {
  const [file] = context.positionals;
  if (!file) throw new UsageError(`${command} needs a file`);
  return resolve(file);
}

const describe = (summary: { file: string; bytes: number; files: number }) =>
  `${summary.file} (${(summary.bytes / 1024 / 1024).toFixed(1)} MB, ${summary.files} uploaded file(s))`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy the database and uploaded files into one file, while the server runs',
  usage: 'backup <file>',
  details: ["Uses SQLite's online backup: a consistent copy even while agendum is writing."],
  options: {},
  positionals: 1,
  async run(context) {
    const target = fileArgument(context, 'backup');
    try {
      context.io.stdout.write(`Backed up to ${describe(await backupTo(context.config(), target))}\n`);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace the database and uploaded files with a backup (server stopped)',
  usage: 'restore <file>',
  details: ['Stop the server first: the database is replaced, not merged.'],
  options: {},
  positionals: 1,
  async run(context) {
    const source = fileArgument(context, 'restore');
    try {
      context.io.stdout.write(`Restored ${describe(await restoreFrom(context.config(), source))}\n`);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    return 0;
  },
};
