import type { FastifyServerOptions } from 'fastify';
import type { Config, TrustProxy } from './config/env.js';
import { frameworkErrorAsProblem } from './plugins/app/problems.js';

/** Options of the Fastify instance, the same for the server and for the tests. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      // Credentials never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: fastifyTrustProxy(config.trustProxy),
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

/**
 * Fastify takes a bare hop count as "trust nobody" (it cannot check the nearest peer), so a
 * count becomes the function proxy-addr would have made of it: the `hops` nearest addresses are
 * proxies, and the client is the first address beyond them. Forged entries further out are
 * never reached.
 */
function fastifyTrustProxy(trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (trust === false) return false;
  if ('hops' in trust) return (_address: string, hop: number) => hop < trust.hops;
  return trust.addresses;
}
