import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';

/**
 * Security headers (a strict Content-Security-Policy: nothing but our own origin, no inline
 * script) and rate limits: sign-in attempts per address, API calls per bearer token.
 */
async function securityPlugin(app: FastifyInstance, opts: { config: Config }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
      },
    },
    // The API browser at /docs sets its own policy (hashes of its inline script).
    hsts: { maxAge: 31536000, includeSubDomains: true },
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.config.tokenPerMinute,
    timeWindow: '1 minute',
    // Only bearer-token calls count here; sign-in has its own, stricter limit on its route.
    allowList: (request) => !request.headers.authorization,
    keyGenerator: (request) => `token:${request.headers.authorization ?? ''}`,
  });
}

export default fp(securityPlugin, { name: 'security' });
