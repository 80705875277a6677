import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { Errors } from '../../domain/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler of every sign-in route (API and web): one count per address across both. */
    signInGuard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/**
 * helmet's headers, computed once. (@fastify/helmet rebuilds helmet's middleware on every
 * request: 0.1 ms, a quarter of an API read. The headers do not depend on the request.)
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | string[]) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
  };
  helmet(options)({} as never, response as never, () => undefined);
  return headers;
}

/**
 * Security headers (a strict Content-Security-Policy: nothing but our own origin, no inline
 * script) and rate limits: sign-in attempts per address, API calls per bearer token.
 */
async function securityPlugin(app: FastifyInstance, opts: { config: Config }) {
  const headers = securityHeaders({
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
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.config.tokenPerMinute,
    timeWindow: '1 minute',
    // Only bearer-token calls count here; sign-in has its own, stricter limit on its route.
    allowList: (request) => !request.headers.authorization,
    keyGenerator: (request) => `token:${request.headers.authorization ?? ''}`,
  });

  // Guessing passwords costs time: a few attempts a minute per address, whichever door is used.
  const signInLimit = app.createRateLimit({
    max: opts.config.signInPerMinute,
    timeWindow: '1 minute',
    allowList: () => false,
    keyGenerator: (request) => `sign-in:${request.ip}`,
  });
  app.decorate('signInGuard', async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await signInLimit(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw Errors.rateLimited(`Too many sign-in attempts from this address; try again in ${limit.ttlInSeconds} s.`);
  });
}

export default fp(securityPlugin, { name: 'security' });
