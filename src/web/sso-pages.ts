import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError } from '../domain/errors.js';
import { clearSsoCookie, SESSION_COOKIE, setSessionCookie, setSsoCookie, SSO_COOKIE } from '../plugins/app/auth.js';
import { TEXT } from '../rendering/html/text.js';
import { SsoCallbackQuery } from '../schemas/people.js';
import { pageAfterSignIn } from './next-path.js';
import { field, pageRoute, sendPage } from './page-kit.js';
import { errorView } from './views/error-view.js';

/** Where the provider sends browsers back: the redirect URI registered at the provider. */
export const PAGE_SSO_CALLBACK = '/sign-in/sso/callback';

/**
 * A sign-on that did not sign the person in: a page saying why, and the way back to the
 * sign-in page (even for somebody still signed in from before: it is sign-in they were doing).
 */
function sendSsoRefusal(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof AgendumError)) throw error;
  const view = { ...errorView(error.status, error.message, false), header: { title: TEXT.ssoFailed } };
  return sendPage(request, reply, 'error', TEXT.ssoFailed, view, error.status);
}

/** Single sign-on in the browser: off to the provider, and back with a session. */
export const ssoPages: FastifyPluginAsyncTypebox = async (app) => {
  const { sso } = app.services;

  app.get('/sign-in/sso', pageRoute(), async (request, reply) => {
    try {
      const started = await sso.begin(PAGE_SSO_CALLBACK, pageAfterSignIn(field(request.query, 'next')));
      setSsoCookie(reply, started.pending, started.maxAgeSeconds);
      return reply.redirect(started.url, 303);
    } catch (error) {
      return sendSsoRefusal(request, reply, error);
    }
  });

  app.get(PAGE_SSO_CALLBACK, pageRoute({ querystring: SsoCallbackQuery }), async (request, reply) => {
    const pending = request.cookies[SSO_COOKIE];
    // Read once: whatever the answer, this pending login is spent.
    clearSsoCookie(reply);
    try {
      const session = await sso.finish(request.url, pending, request.cookies[SESSION_COOKIE]);
      setSessionCookie(reply, session.token, session.expiresAt);
      return reply.redirect(pageAfterSignIn(session.next), 303);
    } catch (error) {
      return sendSsoRefusal(request, reply, error);
    }
  });
};
