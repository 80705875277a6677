import type { FastifyInstance } from 'fastify';
import { requireSignIn } from '../../plugins/app/auth.js';
import accountLinkRoutes from './account-links.js';
import docxRoutes from './docx.js';
import personAuditRoutes from './person-audit.js';
import itemRoutes from './items.js';
import ledgerRoutes from './ledger.js';
import meetingRoutes from './meetings.js';
import meetingPublicationRoutes from './meeting-publication.js';
import noteRoutes from './notes.js';
import packetRoutes from './packets.js';
import packetChangeRoutes from './packet-changes.js';
import pdfRoutes from './pdf.js';
import publicationRoutes from './publications.js';
import recordRoutes from './records.js';
import peopleRoutes from './people.js';
import peopleImportRoutes from './people-import.js';
import personCredentialRoutes from './person-credentials.js';
import groupRoutes from './groups.js';
import reviewRoutes from './review.js';
import secondFactorRoutes from './second-factor.js';
import sessionRoutes from './session.js';
import ssoRoutes from './sso.js';
import summaryReportRoutes from './summary-report.js';
import tokenRoutes from './tokens.js';
import uploadRoutes from './uploads.js';
import workflowRoutes from './workflow.js';

/** The JSON API under /api/v1: closed by default, a route opens itself with `config.public`. */
export default async function apiRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireSignIn);

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(sessionRoutes);
  await app.register(secondFactorRoutes);
  await app.register(ssoRoutes);
  await app.register(tokenRoutes);
  await app.register(peopleRoutes);
  await app.register(accountLinkRoutes);
  await app.register(personAuditRoutes);
  await app.register(peopleImportRoutes);
  await app.register(personCredentialRoutes);
  await app.register(groupRoutes);
  await app.register(meetingRoutes);
  await app.register(itemRoutes);
  await app.register(noteRoutes);
  await app.register(workflowRoutes);
  await app.register(reviewRoutes);
  await app.register(pdfRoutes);
  await app.register(docxRoutes);
  await app.register(publicationRoutes);
  await app.register(uploadRoutes);
  await app.register(packetRoutes);
  await app.register(ledgerRoutes);
  await app.register(packetChangeRoutes);
  await app.register(meetingPublicationRoutes);
  await app.register(recordRoutes);
  await app.register(summaryReportRoutes);
}
