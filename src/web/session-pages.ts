import type { FastifyInstance } from 'fastify';
import { AgendumError, Errors } from '../domain/errors.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/app/auth.js';
import { SignInBody } from '../schemas/people.js';
import { readForm } from '../schemas/read-form.js';
import { pageAfterSignIn } from './next-path.js';
import { EMPTY_FORM, errorSummary, field, fieldViews, refusedForm, sendPage, type FormFields } from './page-kit.js';
import { TEXT } from '../rendering/html/text.js';

const SIGN_IN_FORM: FormFields = {
  email: { label: TEXT.email, id: 'email' },
  password: { label: TEXT.password, id: 'password' },
};

/** Sign in and out through forms; the same session cookie as the API. */
export async function sessionPages(app: FastifyInstance) {
  const { auth } = app.services;
  const hide = { schema: { hide: true } };

  app.get('/', hide, async (request, reply) => reply.redirect(request.actor ? '/meetings' : '/sign-in', 303));

  // `next` (where the 401 came from) rides along in the form, and is checked when it is used.
  app.get('/sign-in', hide, async (request, reply) =>
    sendPage(request, reply, 'sign-in', TEXT.signIn, {
      error: null,
      form: fieldViews(EMPTY_FORM, SIGN_IN_FORM),
      next: field(request.query, 'next'),
    }),
  );

  app.post(
    '/sign-in',
    {
      ...hide,
      preHandler: [app.csrfProtection, app.signInGuard],
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const form = readForm(SignInBody, request.body, request, ['next']);
      if (!form.ok) {
        const refused = refusedForm({ email: form.input.email ?? '' }, form.errors);
        const view = {
          error: null,
          form: fieldViews(refused, SIGN_IN_FORM),
          errorSummary: errorSummary(refused, SIGN_IN_FORM),
          next: field(request.body, 'next'),
        };
        return sendPage(request, reply, 'sign-in', TEXT.signIn, view);
      }
      const { email, password } = form.value;
      try {
        const session = await auth.signIn(email, password, request.cookies[SESSION_COOKIE]);
        setSessionCookie(reply, session.token, session.expiresAt);
      } catch (error) {
        // Only a wrong email or password is the user's; anything else is ours and goes to the
        // error handler (logged, a 500 page) instead of being shown as a wrong password.
        if (!(error instanceof AgendumError) || error.code !== Errors.badCredentials.code) throw error;
        return sendPage(
          request,
          reply,
          'sign-in',
          TEXT.signIn,
          {
            error: 'The email or the password is not right.',
            form: fieldViews({ values: { email }, errors: {} }, SIGN_IN_FORM),
            next: field(request.body, 'next'),
          },
          401,
        );
      }
      return reply.redirect(pageAfterSignIn(field(request.body, 'next')), 303);
    },
  );

  app.post('/sign-out', { ...hide, preHandler: app.csrfProtection }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) auth.signOut(cookie);
    clearSessionCookie(reply);
    return reply.redirect('/sign-in', 303);
  });
}
