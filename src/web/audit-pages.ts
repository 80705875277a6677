import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TEXT } from '../rendering/html/text.js';
import { pageRoute, personOf, sendPage } from './page-kit.js';
import { auditView } from './views/notifications-view.js';

/** The audit check (GET /audit/verify's page): walks the hash chain each time the page is opened. */
export const auditPages: FastifyPluginAsyncTypebox = async (app) => {
  const { workflow } = app.services;

  app.get('/audit', pageRoute(), async (request, reply) =>
    sendPage(request, reply, 'audit', TEXT.auditCheck, auditView(workflow.verifyAudit(personOf(request)))),
  );
};
