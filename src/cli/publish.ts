import { resolve } from 'node:path';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { AgendumError } from '../domain/errors.js';
import { createServices } from '../services/index.js';
import { CliError, UsageError, type Command, type CommandContext } from './io.js';

async function publish(context: CommandContext): Promise<number> {
  const [dir] = context.positionals;
  if (!dir) throw new UsageError('publish needs a folder');
  const target = resolve(dir);
  const config = context.config();
  const handle = openDatabase(config.databaseFile);
  try {
    migrateDatabase(handle);
    const services = createServices(handle, config, { now: context.now });
    const { meetings, files } = await services.publication.build(target);
    context.io.stdout.write(`Published ${meetings} meeting(s), ${files} file(s), in ${target}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AgendumError) throw new CliError(error.message);
    throw error;
  } finally {
    handle.close();
  }
}

export const publishCommand: Command = {
  name: 'publish',
  summary: 'Build the static folder of every published meeting (public documents only)',
  usage: 'publish <folder>',
  details: [
    'Writes the agenda, the released notes (PDF and HTML), their public annexes, an index per',
    'meeting, one for all published meetings and an Atom feed: any web server can serve the folder.',
    'The folder is built beside the old one and swapped in whole; a folder that publish did not',
    'write is never replaced. Meetings are published from their page (or the API) first.',
  ],
  options: {},
  positionals: 1,
  run: publish,
};
