import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { PersonAuditEntry, PersonAuditQuery } from '../../schemas/person-audit.js';

const personAuditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { personAudit } = app.services;
  app.get(
    '/audit/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Changes to people, roles, groups and credentials, newest first (hash-chained; see /audit/verify)',
        querystring: PersonAuditQuery,
        response: { 200: Type.Array(PersonAuditEntry), ...problems(403) },
      },
    },
    async (request) => personAudit.list(actorOf(request), request.query),
  );
};
export default personAuditRoutes;
