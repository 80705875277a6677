import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { Errors } from '../../domain/errors.js';
import { normaliseAddress } from '../external/client-address.js';

/**
 * API calls per bearer token and minute, counted by the token's id: a header spelt otherwise
 * (`bearer`, extra spaces) is the same token. A token nobody holds (made up, revoked, expired,
 * malformed) counts against its address, so guesses share one count instead of each getting a
 * fresh one. Added after the auth hook, which has looked the token up, and before any route's
 * own hooks, so that a refused token is counted before it is refused.
 */
async function apiCallLimit(app: FastifyInstance, opts: { config: Config }) {
  // The bare count (createRateLimit), not the route handler (rateLimit): that one also writes
  // three X-RateLimit headers on every answer, which cost the hot read a sixth of its time.
  const count = app.createRateLimit({
    max: opts.config.tokenPerMinute,
    timeWindow: '1 minute',
    allowList: () => false,
    keyGenerator: (request) =>
      request.apiTokenId !== null ? `token:${request.apiTokenId}` : `token-unknown:${normaliseAddress(request.ip)}`,
  });
  app.addHook('onRequest', async (request, reply) => {
    // Browsers (cookies) are not counted here; sign-in has its own, stricter limit.
    if (request.headers.authorization === undefined) return;
    const limit = await count(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw Errors.rateLimited(`Too many API calls with this token; try again in ${limit.ttlInSeconds} s.`);
  });
}

export default fp(apiCallLimit, { name: 'api-call-limit', dependencies: ['security', 'auth'] });
