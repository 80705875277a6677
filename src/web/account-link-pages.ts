import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError } from '../domain/errors.js';
import { SESSION_COOKIE, setSessionCookie } from '../plugins/app/auth.js';
import { ChoosePasswordForm, LinkParams, RESET_ANSWER, ResetRequestBody } from '../schemas/account-links.js';
import { PersonParams } from '../schemas/people.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm, submitFormAsync } from './page-kit.js';
import { chooseLinkPasswordView, forgotPasswordView, linkGoneView } from './views/account-link-view.js';

const FORGOT = 'Forgot your password?';
const CHOOSE = 'Choose your password';

/** A link that does not work (unknown, used, replaced, expired) is a page that says why, with its status. */
function sendGone(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof AgendumError) || (error.status !== 404 && error.status !== 410)) throw error;
  const view = linkGoneView(error.message);
  return sendPage(request, reply, 'link-gone', 'This link does not work', view, error.status);
}

/** Invitations and password resets in the browser: the same services and schemas as the API. */
export const accountLinkPages: FastifyPluginAsyncTypebox = async (app) => {
  const { personLinks, linkUse } = app.services;
  const guarded = { preHandler: [app.csrfProtection, app.signInGuard], config: { rateLimit: false as const } };

  app.get('/forgot-password', pageRoute(), async (request, reply) =>
    sendPage(request, reply, 'forgot-password', FORGOT, forgotPasswordView()),
  );

  app.post('/forgot-password', { ...pageRoute(), ...guarded }, async (request, reply) => {
    const outcome = submitForm(request, ResetRequestBody, (value) => void personLinks.requestReset(value.email));
    if (!outcome.done) return sendPage(request, reply, 'forgot-password', FORGOT, forgotPasswordView(outcome.form));
    return sendPage(request, reply, 'forgot-password', FORGOT, forgotPasswordView(undefined, RESET_ANSWER));
  });

  app.get('/account/link/:token', pageRoute({ params: LinkParams }), async (request, reply) => {
    try {
      const link = linkUse.inspect(request.params.token);
      return sendPage(request, reply, 'choose-password', CHOOSE, chooseLinkPasswordView(request.params.token, link));
    } catch (error) {
      return sendGone(request, reply, error);
    }
  });

  app.post('/account/link/:token', { ...pageRoute({ params: LinkParams }), ...guarded }, async (request, reply) => {
    const { token } = request.params;
    let link;
    try {
      link = linkUse.inspect(token);
    } catch (error) {
      return sendGone(request, reply, error);
    }
    const outcome = await submitFormAsync(request, ChoosePasswordForm, (value) =>
      linkUse.use(token, value.newPassword, request.cookies[SESSION_COOKIE]),
    );
    if (!outcome.done)
      return sendPage(request, reply, 'choose-password', CHOOSE, chooseLinkPasswordView(token, link, outcome.form));
    setSessionCookie(reply, outcome.result.token, outcome.result.expiresAt);
    return redirectWith(reply, '/meetings', 'Your password is chosen: you are signed in.');
  });

  app.post(
    '/people/:personId/invitation',
    { ...pageRoute({ params: PersonParams }), preHandler: app.csrfProtection },
    async (request, reply) => {
      const { personId } = request.params;
      personLinks.invite(personOf(request), personId);
      return redirectWith(reply, `/people/${personId}`, 'The invitation is on its way.');
    },
  );
};
