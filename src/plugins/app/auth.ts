import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Errors } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';

export const SESSION_COOKIE = 'agendum_session';
/** A single sign-on under way (services/sso-service.ts): sealed by the server, read once. */
export const SSO_COOKIE = 'agendum_sso';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The id of the API token the request was sent with, once it was found valid. */
    apiTokenId: number | null;
    /** The request sent an API token that was valid once but has expired. */
    apiTokenExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Open to anonymous callers; every other route needs a session cookie or a bearer token. */
    public?: boolean;
  }
}

/** The signed-in actor of a request that passed the auth hook (typed non-null for handlers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw Errors.unauthenticated('Sign in, or send an API token.');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over HTTPS (directly or, with trustProxy, via the proxy).
    secure: 'auto',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/**
 * Lax, not Strict: the provider's answer arrives as a top-level navigation from its own site,
 * which must carry the cookie back. HttpOnly: no script of a page ever reads it.
 */
export function setSsoCookie(reply: FastifyReply, sealed: string, maxAgeSeconds: number) {
  reply.setCookie(SSO_COOKIE, sealed, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: maxAgeSeconds,
  });
}

export function clearSsoCookie(reply: FastifyReply) {
  reply.clearCookie(SSO_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/**
 * Resolves who is calling, once per request: `Authorization: Bearer <token>` first, else the
 * session cookie. It only identifies; `requireSignIn` (added by the API scope) enforces.
 */
async function authPlugin(app: FastifyInstance) {
  const { auth } = app.services;
  app.decorateRequest('actor', null);
  app.decorateRequest('apiTokenId', null);
  app.decorateRequest('apiTokenExpired', false);

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) return;
      const check = auth.checkToken(match[1]!);
      request.actor = check.actor;
      request.apiTokenId = check.tokenId;
      request.apiTokenExpired = check.expired;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    request.actor = cookie ? auth.actorForSession(cookie) : null;
  });
}

/** onRequest hook for a closed scope: routes need an actor unless `config: { public: true }`. */
export async function requireSignIn(request: FastifyRequest, reply: FastifyReply) {
  if (request.actor || request.routeOptions.config.public) return;
  if (request.headers.authorization !== undefined) {
    reply.header('WWW-Authenticate', 'Bearer');
    if (request.apiTokenExpired) throw Errors.unauthenticated('The API token has expired; create a new one.');
    throw Errors.unauthenticated('The API token is unknown, revoked or malformed.');
  }
  throw Errors.unauthenticated('Sign in (POST /api/v1/session) or send an API token.');
}

export default fp(authPlugin, { name: 'auth', dependencies: ['services', '@fastify/cookie'] });
