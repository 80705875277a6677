import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TEXT } from '../rendering/html/text.js';
import { SESSION_COOKIE } from '../plugins/app/auth.js';
import { NewTokenBody, PasswordChangeBody, PersonChangesBody, TokenParams } from '../schemas/people.js';
import type { Services } from '../services/index.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm, submitFormAsync } from './page-kit.js';
import { accountView, newTokenView, type AccountForms } from './views/account-view.js';
import { secondFactorSection, type SecondFactorForms } from './views/second-factor-view.js';

/** My account, with a refused form shown again on it (second-factor-pages.ts shows its own here too). */
export function sendAccountPage(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  forms: AccountForms & SecondFactorForms = {},
) {
  const actor = personOf(request);
  const view = accountView(services.people.get(actor, actor.id), services.auth.listTokens(actor), forms);
  const secondFactor = secondFactorSection(services.secondFactor.status(actor), forms);
  const errorSummary = [...view.errorSummary, ...secondFactor.summary];
  return sendPage(request, reply, 'account', TEXT.myAccount, {
    ...view,
    secondFactor: secondFactor.section,
    errorSummary,
  });
}

/** My account: how packets come (PATCH /people/:id of oneself), one's password (PUT /session/password) and API tokens (/tokens), for everybody. */
export const accountPages: FastifyPluginAsyncTypebox = async (app) => {
  const { people, auth } = app.services;
  const form = { preHandler: app.csrfProtection };

  app.get('/account', pageRoute(), async (request, reply) => sendAccountPage(app.services, request, reply));

  app.post('/account', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = submitForm(request, PersonChangesBody, (value) => people.update(actor, actor.id, value));
    if (outcome.done) return redirectWith(reply, '/account', 'Saved.');
    return sendAccountPage(app.services, request, reply, { preference: outcome.form });
  });

  app.post('/account/password', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const session = request.cookies[SESSION_COOKIE] ?? null;
    const outcome = await submitFormAsync(request, PasswordChangeBody, (value) =>
      auth.changePassword(actor, value, session),
    );
    if (outcome.done)
      return redirectWith(reply, '/account', 'Your password is changed. You are signed out everywhere else.');
    return sendAccountPage(app.services, request, reply, { password: outcome.form });
  });

  app.post('/account/tokens', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = submitForm(request, NewTokenBody, (value) =>
      auth.createToken(actor, value.name, value.expiresInDays),
    );
    if (!outcome.done) return sendAccountPage(app.services, request, reply, { token: outcome.form });
    return sendPage(request, reply, 'account-token', 'Your new API token', newTokenView(outcome.result));
  });

  app.post(
    '/account/tokens/:tokenId/revoke',
    { ...pageRoute({ params: TokenParams }), ...form },
    async (request, reply) => {
      auth.revokeToken(personOf(request), request.params.tokenId);
      return redirectWith(reply, '/account', 'The token is revoked: it no longer works.');
    },
  );
};
