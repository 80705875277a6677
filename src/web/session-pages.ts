import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgendumError, Errors } from '../domain/errors.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/app/auth.js';
import { TEXT } from '../rendering/html/text.js';
import { SignInBody } from '../schemas/people.js';
import { readForm } from '../schemas/read-form.js';
import { pageAfterSignIn } from './next-path.js';
import { field, pageRoute, sendPage } from './page-kit.js';
import { refusedForm } from './views/form-view.js';
import { signInView } from './views/sign-in-view.js';

/** Sign in and out through forms; the same session cookie as the API. */
export const sessionPages: FastifyPluginAsyncTypebox = async (app) => {
  const { auth, sso } = app.services;

  app.get('/', pageRoute(), async (request, reply) => reply.redirect(request.actor ? '/meetings' : '/sign-in', 303));

  // `next` (where the 401 came from) rides along in the form, and is checked when it is used.
  app.get('/sign-in', pageRoute(), async (request, reply) =>
    sendPage(
      request,
      reply,
      'sign-in',
      TEXT.signIn,
      signInView(field(request.query, 'next'), undefined, null, sso.isConfigured),
    ),
  );

  app.post(
    '/sign-in',
    { ...pageRoute(), preHandler: [app.csrfProtection, app.signInGuard], config: { rateLimit: false } },
    async (request, reply) => {
      const next = field(request.body, 'next');
      const form = readForm(SignInBody, request.body, request, ['next']);
      if (!form.ok) {
        return sendPage(
          request,
          reply,
          'sign-in',
          TEXT.signIn,
          signInView(next, refusedForm(form.input, form.errors), null, sso.isConfigured),
        );
      }
      try {
        const session = await auth.signIn(form.value.email, form.value.password, request.cookies[SESSION_COOKIE]);
        setSessionCookie(reply, session.token, session.expiresAt);
        // The password opened a pending session: the second factor's page completes it.
        if (session.secondFactor) {
          return reply.redirect(`/sign-in/second-factor${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
        }
      } catch (error) {
        // Only a wrong email or password is the user's; anything else is ours and goes to the
        // error handler (logged, a 500 page) instead of being shown as a wrong password.
        if (!(error instanceof AgendumError) || error.code !== Errors.badCredentials.code) throw error;
        const refused = 'The email or the password is not right.';
        const view = signInView(next, { values: form.input, errors: {} }, refused, sso.isConfigured);
        return sendPage(request, reply, 'sign-in', TEXT.signIn, view, 401);
      }
      return reply.redirect(pageAfterSignIn(next), 303);
    },
  );

  app.post('/sign-out', { ...pageRoute(), preHandler: app.csrfProtection }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) auth.signOut(cookie);
    clearSessionCookie(reply);
    return reply.redirect('/sign-in', 303);
  });
};
