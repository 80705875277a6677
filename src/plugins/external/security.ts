import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { Errors } from '../../domain/errors.js';
import { normaliseAddress } from './client-address.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler of every sign-in route (API and web): one count per address across both. */
    signInGuard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyContextConfig {
    /** A public asset, the same bytes for everybody: caches may keep it. Every other answer is `no-store`. */
    cacheable?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request a browser sent from another site: its `Origin` names another origin
 * (or `null`, an opaque one), or its `Sec-Fetch-Site` says cross-site. A request without either
 * header (an older browser, a script) is left to the CSRF token. Bearer-token calls are not
 * checked: a browser never adds a token on its own, so another site cannot borrow one.
 */
function isCrossSite(request: FastifyRequest, ownOrigins: readonly string[]): boolean {
  if (!UNSAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return false;
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return origin !== `${request.protocol}://${request.host}` && !ownOrigins.includes(origin);
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
 * script), the cross-site check of state-changing requests, `no-store`, and the sign-in limit
 * per address.
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
    // helmet's default, no-referrer, makes a browser send `Origin: null` on its own form posts,
    // which the cross-site check must refuse; same-origin still tells other sites nothing.
    referrerPolicy: { policy: 'same-origin' },
  });
  const publicOrigin = new URL(opts.config.publicUrl).origin;
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
  // Checked once the request is known (cookies read, caller identified), so that a refusal is
  // answered like any other: a page for the web, a problem for the API.
  app.addHook('preValidation', async (request) => {
    if (isCrossSite(request, [publicOrigin])) {
      throw Errors.crossSite('This form was sent from another site; agendum only accepts its own forms.');
    }
  });
  // Drafts must not stay in a browser's or a proxy's cache after sign-out: nothing is stored
  // but the public assets that say so.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.routeOptions.config?.cacheable) reply.header('cache-control', 'no-store');
    return payload;
  });
  // The per-token limit is a hook of its own (api-call-limit.ts), added once callers are known.
  await app.register(rateLimit, { global: false });

  // Guessing passwords costs time: a few attempts a minute per address, whichever door is used.
  const signInLimit = app.createRateLimit({
    max: opts.config.signInPerMinute,
    timeWindow: '1 minute',
    allowList: () => false,
    keyGenerator: (request) => `sign-in:${normaliseAddress(request.ip)}`,
  });
  app.decorate('signInGuard', async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await signInLimit(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw Errors.rateLimited(`Too many sign-in attempts from this address; try again in ${limit.ttlInSeconds} s.`);
  });
}

export default fp(securityPlugin, { name: 'security' });
