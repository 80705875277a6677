import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clearSsoCookie, SESSION_COOKIE, setSessionCookie, setSsoCookie, SSO_COOKIE } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { Session, SsoCallbackQuery, SsoRedirect } from '../../schemas/people.js';

/** Where the provider sends API clients back: registered at the provider beside the pages' one. */
export const API_SSO_CALLBACK = '/api/v1/session/sso/callback';

/** Single sign-on for API clients: the pages' flow, answered with the Session JSON. */
const ssoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sso } = app.services;

  app.get(
    '/session/sso',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary:
          'Start signing in with single sign-on (OpenID Connect): a redirect to the provider; 404 when not set up',
        response: { 302: SsoRedirect, ...problems(404, 503) },
      },
    },
    async (_request, reply) => {
      const started = await sso.begin(API_SSO_CALLBACK, '');
      setSsoCookie(reply, started.pending, started.maxAgeSeconds);
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/session/sso/callback',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary:
          "The provider's answer: signs in the person whose verified email is an agendum account's, and sets the session cookie",
        querystring: SsoCallbackQuery,
        response: { 200: Session, ...problems(403, 404, 503) },
      },
    },
    async (request, reply) => {
      const pending = request.cookies[SSO_COOKIE];
      // Read once: whatever the answer, this pending login is spent.
      clearSsoCookie(reply);
      const session = await sso.finish(request.url, pending, request.cookies[SESSION_COOKIE]);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { person: session.person, expiresAt: session.expiresAt.toISOString() };
    },
  );
};
export default ssoRoutes;
