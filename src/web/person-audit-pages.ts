import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PersonAuditQuery } from '../schemas/person-audit.js';
import { pageRoute, personOf, sendPage } from './page-kit.js';
import { personAuditView } from './views/person-audit-view.js';

/** Changes to people, roles, groups and credentials (GET /api/v1/audit/people's page), for the secretariat. */
export const personAuditPages: FastifyPluginAsyncTypebox = async (app) => {
  const { personAudit, people } = app.services;
  app.get('/people/audit', pageRoute({ querystring: PersonAuditQuery }), async (request, reply) => {
    const actor = personOf(request);
    const entries = personAudit.list(actor, request.query);
    const { personId } = request.query;
    const about = personId === undefined ? null : people.get(actor, personId);
    const view = personAuditView(entries, about && { id: about.id, name: about.name });
    return sendPage(request, reply, 'people-audit', 'Changes to people', view);
  });
};
