import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import app from './app.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { serverOptions } from './server-options.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`agendum: cannot start: ${error.message}`);
    process.exit(1);
  }
}

/** The only place that listens: everything else builds the app as a plugin. */
async function start() {
  const config = readConfig();
  const server = Fastify(serverOptions(config));

  // SIGINT/SIGTERM: stop accepting, let requests finish, close the database (onClose hooks).
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) server.log.error({ err }, 'shutting down after an error');
    else server.log.info(`${signal} received, shutting down`);
    await server.close();
  });

  try {
    // Plugins load here: an unwritable data folder or a failed migration is one clear line.
    await server.register(app, { config });
    await server.ready();
  } catch (error) {
    server.log.error(`agendum: cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    await server.listen({ host: config.host, port: config.port });
  } catch (error) {
    server.log.error(`agendum: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
    process.exit(1);
  }
}

void start();
