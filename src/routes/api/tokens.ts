import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { NoContent, problems } from '../../schemas/common.js';
import { NewToken, NewTokenBody, TokenInfo, TokenParams } from '../../schemas/people.js';

const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth } = app.services;

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['session'],
        summary: 'Create an API token (shown once)',
        body: NewTokenBody,
        response: { 201: NewToken, ...problems() },
      },
    },
    async (request, reply) =>
      reply.code(201).send(auth.createToken(actorOf(request), request.body.name, request.body.expiresInDays)),
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['session'],
        summary: 'Your API tokens',
        response: { 200: Type.Array(TokenInfo), ...problems() },
      },
    },
    async (request) => auth.listTokens(actorOf(request)),
  );

  app.delete(
    '/tokens/:tokenId',
    {
      schema: {
        tags: ['session'],
        summary: 'Revoke one of your API tokens',
        params: TokenParams,
        response: { 204: NoContent, ...problems(404) },
      },
    },
    async (request, reply) => {
      auth.revokeToken(actorOf(request), request.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
export default tokenRoutes;
