import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/app/auth.js';
import { NoContent, problems } from '../../schemas/common.js';
import { PasswordChangeBody, Person, Session, SignInBody } from '../../schemas/people.js';

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth } = app.services;

  app.post(
    '/session',
    {
      config: { public: true, rateLimit: false },
      preHandler: app.signInGuard,
      schema: { tags: ['session'], summary: 'Sign in', body: SignInBody, response: { 200: Session, ...problems(429) } },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const { token, expiresAt, person } = await auth.signIn(request.body.email, request.body.password, previous);
      setSessionCookie(reply, token, expiresAt);
      return { person, expiresAt: expiresAt.toISOString() };
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
