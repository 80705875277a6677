import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { createServices, type Services } from '../../services/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

async function servicesPlugin(app: FastifyInstance, opts: { config: Config; now: () => Date }) {
  app.decorate(
    'services',
    createServices(app.database, {
      now: opts.now,
      scryptLogN: opts.config.scryptLogN,
      sessionHours: opts.config.sessionHours,
    }),
  );
}

export default fp(servicesPlugin, { name: 'services', dependencies: ['database'] });
