import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/app/auth.js';
import {
  AccountLink,
  Invitation,
  LinkParams,
  RESET_ANSWER,
  ResetRequestBody,
  ResetRequested,
  UseLinkBody,
} from '../../schemas/account-links.js';
import { problems } from '../../schemas/common.js';
import { PersonParams, Session } from '../../schemas/people.js';

/** Invitations (the secretariat's), "forgot password", and choosing a password through a mailed link. */
const accountLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { personLinks, linkUse } = app.services;

  app.post(
    '/people/:personId/invitation',
    {
      schema: {
        tags: ['people'],
        summary: 'Invite a person to choose their password (again: the earlier link stops working)',
        params: PersonParams,
        response: { 201: Invitation, ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(personLinks.invite(actorOf(request), request.params.personId)),
  );

  app.get(
    '/people/:personId/invitation',
    {
      schema: {
        tags: ['people'],
        summary: "The person's latest invitation and where it stands (null: never invited)",
        params: PersonParams,
        response: { 200: Type.Union([Invitation, Type.Null()]), ...problems(403, 404) },
      },
    },
    async (request) => personLinks.invitationOf(actorOf(request), request.params.personId),
  );

  app.post(
    '/session/password-reset',
    {
      config: { public: true, rateLimit: false },
      preHandler: app.signInGuard,
      schema: {
        tags: ['session'],
        summary:
          'Forgot password: mail a reset link (the answer is the same whether or not the address has an account)',
        body: ResetRequestBody,
        response: { 202: ResetRequested, ...problems(429) },
      },
    },
    async (request, reply) => {
      void personLinks.requestReset(request.body.email);
      return reply.code(202).send({ message: RESET_ANSWER });
    },
  );

  app.get(
    '/session/link/:token',
    {
      config: { public: true, rateLimit: false },
      preHandler: app.signInGuard,
      schema: {
        tags: ['session'],
        summary: 'What an invitation or reset link is for, while it works',
        params: LinkParams,
        response: { 200: AccountLink, ...problems(404, 410, 429) },
      },
    },
    async (request) => linkUse.inspect(request.params.token),
  );

  app.post(
    '/session/link',
    {
      config: { public: true, rateLimit: false },
      preHandler: app.signInGuard,
      schema: {
        tags: ['session'],
        summary: 'Choose a password through an invitation or reset link (once); signs in and ends every other session',
        body: UseLinkBody,
        response: { 200: Session, ...problems(404, 410, 422, 429) },
      },
    },
    async (request, reply) => {
      const { token, newPassword } = request.body;
      const session = await linkUse.use(token, newPassword, request.cookies[SESSION_COOKIE]);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { person: session.person, expiresAt: session.expiresAt.toISOString() };
    },
  );
};
export default accountLinkRoutes;
