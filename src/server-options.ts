import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config/env.js';
import { frameworkErrorAsProblem } from './plugins/app/problems.js';

/** Options of the Fastify instance, the same for the server and for the tests. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      // Credentials never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorAsProblem,
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      customOptions: {
        // Unknown fields are refused, not silently dropped, and every invalid field is listed.
        removeAdditional: false,
        allErrors: true,
        coerceTypes: 'array',
        useDefaults: true,
      },
    },
  };
}
