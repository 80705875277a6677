import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PersonSessionParams, PersonTokenParams } from '../schemas/people-admin.js';
import { pageRoute, personOf, redirectWith } from './page-kit.js';

/** The buttons of a person's page that end one of their sessions or revoke one of their tokens. */
export const personCredentialPages: FastifyPluginAsyncTypebox = async (app) => {
  const { credentials } = app.services;
  const form = { preHandler: app.csrfProtection };

  app.post(
    '/people/:personId/sessions/:sessionId/revoke',
    { ...pageRoute({ params: PersonSessionParams }), ...form },
    async (request, reply) => {
      const { personId, sessionId } = request.params;
      credentials.revokeSession(personOf(request), personId, sessionId);
      return redirectWith(reply, `/people/${personId}`, 'The session is ended.');
    },
  );

  app.post(
    '/people/:personId/tokens/:tokenId/revoke',
    { ...pageRoute({ params: PersonTokenParams }), ...form },
    async (request, reply) => {
      const { personId, tokenId } = request.params;
      credentials.revokeToken(personOf(request), personId, tokenId);
      return redirectWith(reply, `/people/${personId}`, 'The token is revoked.');
    },
  );
};
