import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SecondFactorStep } from '../domain/second-factor.js';
import { SESSION_COOKIE, setSessionCookie } from '../plugins/app/auth.js';
import { TEXT } from '../rendering/html/text.js';
import { CodeBody, RemovalBody, SecondFactorBody } from '../schemas/second-factor.js';
import { sendAccountPage } from './account-pages.js';
import { pageAfterSignIn } from './next-path.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm, submitFormAsync } from './page-kit.js';
import type { FormState } from './views/form-view.js';
import { enrolView, recoveryCodesView, signInCodeView } from './views/second-factor-view.js';

const ACCOUNT_ENROLMENT = { action: '/account/second-factor', next: '', duringSignIn: false };

/** The new recovery codes, shown this once, then on to `then`. */
const sendRecoveryCodes = (request: FastifyRequest, reply: FastifyReply, codes: string[], then: string) =>
  sendPage(request, reply, 'recovery-codes', TEXT.recoveryCodes, recoveryCodesView(codes, then));

/**
 * The second factor's pages: the second step of a password sign-in (the code, or enrolment
 * first for staff who must have one), and one's own second factor from My account. The same
 * service and schemas as POST /session/second-factor and /account/second-factor.
 */
export const secondFactorPages: FastifyPluginAsyncTypebox = async (app) => {
  const { secondFactor, people } = app.services;
  const pendingOf = (request: FastifyRequest) => request.cookies[SESSION_COOKIE];
  // The sign-in's second step is limited like the sign-in form; the service counts wrong codes per person.
  const guarded = { preHandler: [app.csrfProtection, app.signInGuard], config: { rateLimit: false as const } };
  const form = { preHandler: app.csrfProtection };

  /** The page a pending sign-in is at; a lapsed one is a 401, which the pages send back to sign in. */
  async function sendSignInStep(request: FastifyRequest, reply: FastifyReply, next: string, form?: FormState) {
    const { step, email } = secondFactor.pendingStep(pendingOf(request));
    if (step === SecondFactorStep.code) {
      return sendPage(request, reply, 'sign-in-code', TEXT.signInCode, signInCodeView(next, form));
    }
    const offer = await secondFactor.offerSignInEnrolment(pendingOf(request), true);
    const target = { action: '/sign-in/second-factor', next, duringSignIn: true };
    return sendPage(
      request,
      reply,
      'second-factor-enrol',
      TEXT.setUpSecondFactor,
      enrolView(offer, target, email, form),
    );
  }

  async function sendAccountEnrolment(request: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const actor = personOf(request);
    const offer = await secondFactor.startEnrolment(actor, form !== undefined);
    const { email } = people.get(actor, actor.id);
    const view = enrolView(offer, ACCOUNT_ENROLMENT, email, form);
    return sendPage(request, reply, 'second-factor-enrol', TEXT.setUpSecondFactor, view);
  }

  app.get('/sign-in/second-factor', pageRoute(), async (request, reply) => {
    const next = field(request.query, 'next');
    // Signed in already (Back after the code, or an old link): nothing is owed.
    if (request.actor) return reply.redirect(pageAfterSignIn(next), 303);
    return sendSignInStep(request, reply, next);
  });

  app.post('/sign-in/second-factor', { ...pageRoute(), ...guarded }, async (request, reply) => {
    const next = field(request.body, 'next');
    const outcome = submitForm(
      request,
      SecondFactorBody,
      (value) => secondFactor.completeSignIn(pendingOf(request), value),
      { besides: ['next'], fallback: 'code' },
    );
    if (!outcome.done) return sendSignInStep(request, reply, next, outcome.form);
    const { token, expiresAt, recoveryCodes } = outcome.result;
    setSessionCookie(reply, token, expiresAt);
    if (!recoveryCodes) return reply.redirect(pageAfterSignIn(next), 303);
    return sendRecoveryCodes(request, reply, recoveryCodes, pageAfterSignIn(next));
  });

  app.post('/account/second-factor/enrolment', { ...pageRoute(), ...form }, async (request, reply) =>
    sendAccountEnrolment(request, reply),
  );

  app.post('/account/second-factor', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = submitForm(request, CodeBody, (value) => secondFactor.confirmEnrolment(actor, value.code), {
      fallback: 'code',
    });
    if (!outcome.done) return sendAccountEnrolment(request, reply, outcome.form);
    return sendRecoveryCodes(request, reply, outcome.result.recoveryCodes, '/account');
  });

  app.post('/account/second-factor/recovery-codes', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = submitForm(request, CodeBody, (value) => secondFactor.replaceRecoveryCodes(actor, value.code), {
      fallback: 'code',
    });
    if (!outcome.done) return sendAccountPage(app.services, request, reply, { renew: outcome.form });
    return sendRecoveryCodes(request, reply, outcome.result.recoveryCodes, '/account');
  });

  app.post('/account/second-factor/remove', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = await submitFormAsync(request, RemovalBody, (value) => secondFactor.remove(actor, value), {
      fallback: 'code',
    });
    if (outcome.done)
      return redirectWith(reply, '/account', 'Your second factor is removed: your password alone signs you in.');
    return sendAccountPage(app.services, request, reply, { removal: outcome.form });
  });
};
