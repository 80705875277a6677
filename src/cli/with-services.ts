import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { AgendumError } from '../domain/errors.js';
import { createServices, type Services } from '../services/index.js';
import { CliError, type CommandContext } from './io.js';

/**
 * Runs a command's work against the configured database, migrated first, through the same
 * composition root as the server; a refusal by a service becomes the command's error message,
 * and the database is closed whatever happens.
 */
export async function withServices(
  context: CommandContext,
  work: (services: Services) => Promise<number>,
): Promise<number> {
  const config = context.config();
  const handle = openDatabase(config.databaseFile);
  try {
    migrateDatabase(handle);
    return await work(createServices(handle, config, { now: context.now }));
  } catch (error) {
    if (error instanceof AgendumError) throw new CliError(error.message);
    throw error;
  } finally {
    handle.close();
  }
}
