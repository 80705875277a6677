import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/app/auth.js';
import { NoContent, problems } from '../../schemas/common.js';
import { PasswordChangeBody, Person, Session, SignInBody } from '../../schemas/people.js';
import { SecondFactorDue } from '../../schemas/second-factor.js';

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth } = app.services;

  app.post(
    '/session',
    {
      config: { public: true, rateLimit: false },
      preHandler: app.signInGuard,
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        description:
          'With a second factor due (one enrolled, or staff while AGENDUM_STAFF_2FA=required), 202: the cookie set opens nothing until POST /session/second-factor completes it.',
        body: SignInBody,
        response: { 200: Session, 202: SecondFactorDue, ...problems(429) },
      },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const signedIn = await auth.signIn(request.body.email, request.body.password, previous);
      setSessionCookie(reply, signedIn.token, signedIn.expiresAt);
      const expiresAt = signedIn.expiresAt.toISOString();
      if (signedIn.secondFactor) return reply.code(202).send({ secondFactor: signedIn.secondFactor, expiresAt });
      return { person: signedIn.person, expiresAt };
    },
  );

  app.get(
    '/session',
    { schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: Person, ...problems() } } },
    async (request) => auth.currentPerson(actorOf(request)),
  );

  app.put(
    '/session/password',
    {
      schema: {
        tags: ['session'],
        summary:
          'Change your own password (the current one required; at least 12 characters, not a common password); your other sessions end',
        body: PasswordChangeBody,
        response: { 204: NoContent, ...problems(422) },
      },
    },
    async (request, reply) => {
      await auth.changePassword(actorOf(request), request.body, request.cookies[SESSION_COOKIE] ?? null);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: NoContent, ...problems() } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) auth.signOut(cookie);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
export default sessionRoutes;
