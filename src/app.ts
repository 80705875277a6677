import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from './config/env.js';
import apiCallLimit from './plugins/app/api-call-limit.js';
import auth from './plugins/app/auth.js';
import database from './plugins/app/database.js';
import demoData from './plugins/app/demo-data.js';
import mail from './plugins/app/mail.js';
import problems from './plugins/app/problems.js';
import reminders from './plugins/app/reminders.js';
import renderer from './plugins/app/renderer.js';
import services from './plugins/app/services.js';
import multipart from './plugins/external/multipart.js';
import openapi from './plugins/external/openapi.js';
import security from './plugins/external/security.js';
import apiRoutes from './routes/api/index.js';
import healthRoutes from './routes/health.js';
import webInterface from './web/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The configuration read at start (src/config/env.ts). */
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * agendum as a Fastify plugin. Registered in a fixed order (external plugins, app plugins,
 * routes) by hand rather than by autoload: the order is the architecture, and it stays visible.
 */
async function app(fastify: FastifyInstance, opts: AppOptions) {
  const now = opts.now ?? (() => new Date());
  fastify.decorate('config', opts.config);

  await fastify.register(security, { config: opts.config });
  await fastify.register(cookie);
  await fastify.register(openapi);
  await fastify.register(multipart, { config: opts.config });

  await fastify.register(problems);
  await fastify.register(database, { config: opts.config });
  await fastify.register(renderer, { config: opts.config });
  await fastify.register(services, { config: opts.config, now });
  await fastify.register(auth);
  await fastify.register(apiCallLimit, { config: opts.config });
  await fastify.register(demoData, { config: opts.config });
  await fastify.register(reminders);
  await fastify.register(mail);

  await fastify.register(healthRoutes);
  await fastify.register(apiRoutes, { prefix: '/api/v1' });
  await fastify.register(webInterface);
}

// Not encapsulated: the server (and the tests, built the same way) see the app's decorators.
export default fp(app, { name: 'agendum' });
