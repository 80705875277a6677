import { resolve } from 'node:path';
import { UsageError, type Command, type CommandContext } from './io.js';
import { withServices } from './with-services.js';

async function publish(context: CommandContext): Promise<number> {
  const [dir] = context.positionals;
  if (!dir) throw new UsageError('publish needs a folder');
  const target = resolve(dir);
  return withServices(context, async (services) => {
    const { meetings, files } = await services.publication.build(target);
    context.io.stdout.write(`Published ${meetings} meeting(s), ${files} file(s), in ${target}\n`);
    return 0;
  });
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
