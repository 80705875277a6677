import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Errors } from '../domain/errors.js';
import { SESSION_COOKIE } from '../plugins/app/auth.js';

/** Before sign-in there is no session to bind a form to: a random cookie stands in for it. */
const ANONYMOUS_COOKIE = 'agendum_csrf';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler of a form post: the token in the `_csrf` field or the `X-CSRF-Token` header. */
    csrfProtection: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Checks a token read elsewhere (a multipart form's `_csrf` field, which comes before its file). */
    checkCsrf: (request: FastifyRequest, token: unknown) => void;
  }
  interface FastifyReply {
    /** The CSRF token of this browser's session, for the forms of the page being rendered. */
    generateCsrf(): string;
  }
}

const tokenFor = (key: string) => createHmac('sha256', key).update('agendum form').digest('base64url');

/**
 * CSRF tokens bound to the session: a token is an HMAC keyed by the session cookie (before
 * sign-in, by a random cookie of its own). Another session's token, or one planted together
 * with a cookie from a neighbouring site, does not match. Tokens are read from the form body or
 * a header, never from the query string: URLs end up in logs and Referer headers.
 */
async function csrfPlugin(app: FastifyInstance) {
  const keyOf = (request: FastifyRequest) => request.cookies[SESSION_COOKIE] ?? request.cookies[ANONYMOUS_COOKIE];

  app.decorateReply('generateCsrf', function generateCsrf(this: FastifyReply) {
    let key = keyOf(this.request);
    if (!key) {
      key = randomBytes(32).toString('base64url');
      this.setCookie(ANONYMOUS_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
      // The next form of the same page gets the same token.
      this.request.cookies[ANONYMOUS_COOKIE] = key;
    }
    return tokenFor(key);
  });

  const checkCsrf = (request: FastifyRequest, token: unknown) => {
    const key = keyOf(request);
    const expected = Buffer.from(key ? tokenFor(key) : '');
    const actual = Buffer.from(typeof token === 'string' ? token : '');
    if (!key || actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw Errors.badCsrfToken('This form has expired or did not come from agendum; reload the page and try again.');
    }
  };
  app.decorate('checkCsrf', checkCsrf);
  app.decorate('csrfProtection', async (request: FastifyRequest) => {
    checkCsrf(request, (request.body as { _csrf?: unknown } | undefined)?._csrf ?? request.headers['x-csrf-token']);
  });
}

export default fp(csrfPlugin, { name: 'agendum-csrf', dependencies: ['@fastify/cookie'] });
