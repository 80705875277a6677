import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AgendumError, Errors } from '../domain/errors.js';
import { sendProblem } from '../plugins/app/problems.js';
import { accountPages } from './account-pages.js';
import { assetRoutes } from './asset-routes.js';
import { auditPages } from './audit-pages.js';
import csrf from './csrf.js';
import { itemExtraPages } from './item-extra-pages.js';
import { itemPages } from './item-pages.js';
import { ledgerPages } from './ledger-pages.js';
import { meetingEditPages } from './meeting-edit-pages.js';
import { meetingPages } from './meeting-pages.js';
import { networkPages } from './network-pages.js';
import { notificationPages } from './notification-pages.js';
import { packetPages } from './packet-pages.js';
import { peoplePages } from './people-pages.js';
import { groupPages } from './group-pages.js';
import { peopleImportPages } from './people-import-pages.js';
import { personCredentialPages } from './person-credential-pages.js';
import { publicationPages } from './publication-pages.js';
import { recordPages } from './record-pages.js';
import { pageRoute, sendPage } from './page-kit.js';
import { sessionPages } from './session-pages.js';
import { accountLinkPages } from './account-link-pages.js';
import { personAuditPages } from './person-audit-pages.js';
import { secondFactorPages } from './second-factor-pages.js';
import { ssoPages } from './sso-pages.js';
import { summaryReportPages } from './summary-report-pages.js';
import { uploadPages } from './upload-pages.js';
import { errorView } from './views/error-view.js';
import { TEXT } from '../rendering/html/text.js';

/**
 * The web interface: server-rendered pages over the same services as the API. Encapsulated,
 * so its form parsing, CSRF checks and HTML error pages stay out of the JSON API.
 */
export default async function webInterface(app: FastifyInstance) {
  await app.register(formbody);
  await app.register(csrf);
  await app.register(assetRoutes);

  app.setErrorHandler((error: FastifyError | AgendumError, request, reply) => {
    // An address whose id is not a number (`/items/abc`) names no page: not found, as an unknown id.
    const isBadAddress = 'validation' in error && ['params', 'querystring'].includes(error.validationContext ?? '');
    const status = isBadAddress ? 404 : error instanceof AgendumError ? error.status : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'page failed');
    // The pages' own scripts (the agenda's order, a packet's progress) ask for JSON: they get a
    // problem they can read (a refused token, a session that ended), not an HTML page or a redirect.
    if (/\bapplication\/json\b/.test(String(request.headers.accept ?? ''))) {
      const detail = status < 500 ? error.message : `Please try again (request ${request.id}).`;
      const code = error instanceof AgendumError ? error.code : `AGENDUM_HTTP_${status}`;
      return sendProblem(request, reply, {
        status,
        title: status < 500 ? TEXT.problem : 'Internal error',
        code,
        detail,
      });
    }
    if (status === 401) return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    const [heading, message] =
      status === 404
        ? [TEXT.notFound, TEXT.notFoundText]
        : status === 403
          ? [TEXT.forbidden, error instanceof AgendumError ? error.message : TEXT.forbiddenText]
          : status < 500
            ? [TEXT.problem, error.message]
            : [TEXT.problem, `Please try again; if it happens again, tell the secretariat (request ${request.id}).`];
    return sendPage(request, reply, 'error', heading, errorView(status, message, Boolean(request.actor)), status);
  });

  await app.register(sessionPages);
  await app.register(ssoPages);
  await app.register(meetingPages);
  await app.register(meetingEditPages);
  await app.register(networkPages);
  await app.register(itemPages);
  await app.register(itemExtraPages);
  await app.register(uploadPages);
  await app.register(packetPages);
  await app.register(ledgerPages);
  await app.register(peoplePages);
  await app.register(personCredentialPages);
  await app.register(groupPages);
  await app.register(peopleImportPages);
  await app.register(accountPages);
  await app.register(accountLinkPages);
  await app.register(personAuditPages);
  await app.register(secondFactorPages);
  await app.register(notificationPages);
  await app.register(auditPages);
  await app.register(publicationPages);
  await app.register(recordPages);
  await app.register(summaryReportPages);

  // An address no page answers, typed or followed from an old link: a page saying so, with the
  // menu to go on from, instead of a JSON problem. Unknown API addresses stay problems.
  app.get('/*', pageRoute(), async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    throw Errors.notFound(`There is no page at ${request.url.split('?')[0]}.`);
  });
}
