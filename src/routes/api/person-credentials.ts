import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { NoContent, problems } from '../../schemas/common.js';
import { PersonParams, TokenInfo } from '../../schemas/people.js';
import { PersonSessionParams, PersonTokenParams, SessionInfo } from '../../schemas/people-admin.js';

/** A person's sessions and API tokens, for the secretariat (people whose role it gives) and admins. */
const personCredentialRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { credentials } = app.services;
  const tags = ['people'];

  app.get(
    '/people/:personId/sessions',
    {
      schema: {
        tags,
        summary: "A person's sign-in sessions (never their secrets)",
        params: PersonParams,
        response: { 200: Type.Array(SessionInfo), ...problems(403, 404) },
      },
    },
    async (request) => credentials.listSessions(actorOf(request), request.params.personId),
  );

  app.delete(
    '/people/:personId/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: "End one of a person's sessions (signs them out there)",
        params: PersonSessionParams,
        response: { 204: NoContent, ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      credentials.revokeSession(actorOf(request), request.params.personId, request.params.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/people/:personId/tokens',
    {
      schema: {
        tags,
        summary: "A person's API tokens (never the tokens themselves)",
        params: PersonParams,
        response: { 200: Type.Array(TokenInfo), ...problems(403, 404) },
      },
    },
    async (request) => credentials.listTokens(actorOf(request), request.params.personId),
  );

  app.delete(
    '/people/:personId/tokens/:tokenId',
    {
      schema: {
        tags,
        summary: "Revoke one of a person's API tokens",
        params: PersonTokenParams,
        response: { 204: NoContent, ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      credentials.revokeToken(actorOf(request), request.params.personId, request.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
export default personCredentialRoutes;
