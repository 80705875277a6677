import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/app/auth.js';
import { NoContent, problems } from '../../schemas/common.js';
import {
  CodeBody,
  CompletedSession,
  Enrolment,
  RecoveryCodes,
  RemovalBody,
  SecondFactorBody,
  SecondFactorStatus,
} from '../../schemas/second-factor.js';

/**
 * The second factor: the second step of a password sign-in (open routes that read the pending
 * session cookie: its holder is not signed in yet), and one's own second factor once signed in.
 * The sign-in's second step is limited like sign-in itself (per address); wrong codes are also
 * counted per person by the service, wherever they are given.
 */
const secondFactorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { secondFactor } = app.services;
  const tags = ['session'];
  const pending = { config: { public: true, rateLimit: false as const }, preHandler: app.signInGuard };

  app.post(
    '/session/second-factor',
    {
      ...pending,
      schema: {
        tags,
        summary: 'Complete a sign-in with a code of the authenticator app or a recovery code',
        description:
          'Needs the pending session cookie of POST /session. A person enrolling gives the first code of the new key and gets their recovery codes, shown this once.',
        body: SecondFactorBody,
        response: { 200: CompletedSession, ...problems(409, 422, 429) },
      },
    },
    async (request, reply) => {
      const done = secondFactor.completeSignIn(request.cookies[SESSION_COOKIE], request.body);
      setSessionCookie(reply, done.token, done.expiresAt);
      return { person: done.person, expiresAt: done.expiresAt.toISOString(), recoveryCodes: done.recoveryCodes };
    },
  );

  app.post(
    '/session/enrolment',
    {
      ...pending,
      schema: {
        tags,
        summary: 'Set up a second factor during a sign-in that requires one (staff, AGENDUM_STAFF_2FA=required)',
        response: { 200: Enrolment, ...problems(409, 429) },
      },
    },
    async (request) => secondFactor.offerSignInEnrolment(request.cookies[SESSION_COOKIE]),
  );

  app.get(
    '/account/second-factor',
    { schema: { tags, summary: 'Your second factor', response: { 200: SecondFactorStatus, ...problems() } } },
    async (request) => secondFactor.status(actorOf(request)),
  );

  app.post(
    '/account/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: 'Start setting up a second factor: a new key, as a QR code and as text',
        response: { 200: Enrolment, ...problems(409) },
      },
    },
    async (request) => secondFactor.startEnrolment(actorOf(request)),
  );

  app.post(
    '/account/second-factor',
    {
      schema: {
        tags,
        summary: 'Confirm the new key with a code: the second factor is on; the recovery codes are shown this once',
        body: CodeBody,
        response: { 200: RecoveryCodes, ...problems(409, 422, 429) },
      },
    },
    async (request) => secondFactor.confirmEnrolment(actorOf(request), request.body.code),
  );

  app.post(
    '/account/second-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes (a current code required); the earlier ones stop working',
        body: CodeBody,
        response: { 200: RecoveryCodes, ...problems(409, 422, 429) },
      },
    },
    async (request) => secondFactor.replaceRecoveryCodes(actorOf(request), request.body.code),
  );

  app.delete(
    '/account/second-factor',
    {
      schema: {
        tags,
        summary: 'Remove your second factor (a current code or your password); staff keep theirs while it is required',
        body: RemovalBody,
        response: { 204: NoContent, ...problems(409, 422, 429) },
      },
    },
    async (request, reply) => {
      await secondFactor.remove(actorOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
export default secondFactorRoutes;
