import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { DEMO_ACCOUNTS } from '../../services/demo-data.js';

/** Loads the demo meeting into an empty database when AGENDUM_DEMO is on (the default). */
async function demoDataPlugin(app: FastifyInstance, opts: { config: Config }) {
  if (!opts.config.demo) return;
  const result = await app.services.demoData.load({ password: opts.config.demoPassword });
  if (!result.loaded) return;
  const emails = DEMO_ACCOUNTS.map((a) => a.email).join(', ');
  if (result.generatedPassword) {
    // Printed once, on purpose: the only way to learn the generated demo password.
    app.log.warn(`demo data loaded; accounts ${emails} share the password: ${result.generatedPassword}`);
  } else {
    app.log.info(`demo data loaded; accounts ${emails} use AGENDUM_DEMO_PASSWORD`);
  }
}

export default fp(demoDataPlugin, { name: 'demo-data', dependencies: ['services'] });
