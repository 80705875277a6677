import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

/** Opens the one connection, applies migrations before any route answers, closes it last. */
async function databasePlugin(app: FastifyInstance, opts: { config: Config }) {
  const handle = openDatabase(opts.config.databaseFile);
  try {
    migrateDatabase(handle);
  } catch (error) {
    handle.close();
    throw error;
  }
  app.decorate('database', handle);
  app.addHook('onClose', async () => handle.close());
}

export default fp(databasePlugin, { name: 'database' });
