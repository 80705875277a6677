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
  const services = createServices(app.database, opts.config, { now: opts.now, renderer: app.renderer, log: app.log });
  app.decorate('services', services);
  // Files a crash left between writing and recording are removed before anyone can ask for them.
  const removed = await services.ingest.sweepOrphans();
  if (removed.length > 0) app.log.warn(`removed ${removed.length} orphan upload file(s) left by an earlier crash`);
}

export default fp(servicesPlugin, { name: 'services', dependencies: ['database', 'renderer'] });
