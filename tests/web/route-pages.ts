/**
 * Every route of /api/v1 and the page that offers it to people (issue 15's parity table), from
 * the page map the web helpers share. A row names the page route(s) (method and pattern as the
 * app registers them) or why no page is needed. For reads and downloads, the page is the one
 * that shows the data or carries the link.
 */
export interface RoutePage {
  api: string;
  pages?: string[];
  noPage?: string;
}

export const ROUTE_PAGES: RoutePage[] = [
  { api: 'GET /api/v1/openapi.json', noPage: "the API's own description, for programs" },

  // Session and tokens
  { api: 'POST /api/v1/session', pages: ['POST /sign-in'] },
  // The site header of every page names the person signed in.
  { api: 'GET /api/v1/session', pages: ['GET /meetings'] },
  { api: 'DELETE /api/v1/session', pages: ['POST /sign-out'] },
  // The sign-in page's SSO button leads to the first; the provider sends browsers to the second.
  { api: 'GET /api/v1/session/sso', pages: ['GET /sign-in', 'GET /sign-in/sso'] },
  { api: 'GET /api/v1/session/sso/callback', pages: ['GET /sign-in/sso/callback'] },
  { api: 'GET /api/v1/tokens', pages: ['GET /account'] },
  { api: 'POST /api/v1/tokens', pages: ['POST /account/tokens'] },
  { api: 'PUT /api/v1/session/password', pages: ['POST /account/password'] },
  { api: 'DELETE /api/v1/tokens/:tokenId', pages: ['POST /account/tokens/:id/revoke'] },
  { api: 'POST /api/v1/session/second-factor', pages: ['POST /sign-in/second-factor'] },
  // The sign-in's second page starts the enrolment of staff who must have a second factor.
  { api: 'POST /api/v1/session/enrolment', pages: ['GET /sign-in/second-factor'] },
  { api: 'GET /api/v1/account/second-factor', pages: ['GET /account'] },
  { api: 'POST /api/v1/account/second-factor/enrolment', pages: ['POST /account/second-factor/enrolment'] },
  { api: 'POST /api/v1/account/second-factor', pages: ['POST /account/second-factor'] },
  { api: 'POST /api/v1/account/second-factor/recovery-codes', pages: ['POST /account/second-factor/recovery-codes'] },
  { api: 'DELETE /api/v1/account/second-factor', pages: ['POST /account/second-factor/remove'] },

  // People
  { api: 'GET /api/v1/people', pages: ['GET /people'] },
  { api: 'POST /api/v1/people', pages: ['GET /people/new', 'POST /people'] },
  { api: 'GET /api/v1/people/:personId', pages: ['GET /people/:id'] },
  { api: 'PATCH /api/v1/people/:personId', pages: ['POST /people/:id'] },
  { api: 'POST /api/v1/people/:personId/invitation', pages: ['POST /people/:id/invitation'] },
  { api: 'GET /api/v1/people/:personId/invitation', pages: ['GET /people/:id'] },
  { api: 'POST /api/v1/session/password-reset', pages: ['GET /forgot-password', 'POST /forgot-password'] },
  { api: 'GET /api/v1/session/link/:token', pages: ['GET /account/link/:token'] },
  { api: 'POST /api/v1/session/link', pages: ['POST /account/link/:token'] },
  { api: 'GET /api/v1/audit/people', pages: ['GET /people/audit'] },
  {
    api: 'POST /api/v1/people/import',
    pages: ['GET /people/import', 'POST /people/import', 'POST /people/import/check', 'POST /people/import/apply'],
  },
  { api: 'GET /api/v1/people/:personId/sessions', pages: ['GET /people/:id'] },
  { api: 'DELETE /api/v1/people/:personId/sessions/:sessionId', pages: ['POST /people/:id/sessions/:id/revoke'] },
  { api: 'GET /api/v1/people/:personId/tokens', pages: ['GET /people/:id'] },
  { api: 'DELETE /api/v1/people/:personId/tokens/:tokenId', pages: ['POST /people/:id/tokens/:id/revoke'] },

  // Distribution groups
  { api: 'GET /api/v1/groups', pages: ['GET /groups'] },
  { api: 'POST /api/v1/groups', pages: ['POST /groups'] },
  { api: 'GET /api/v1/groups/:groupId', pages: ['GET /groups/:id'] },
  { api: 'PATCH /api/v1/groups/:groupId', pages: ['POST /groups/:id'] },
  { api: 'DELETE /api/v1/groups/:groupId', pages: ['POST /groups/:id/delete'] },
  { api: 'POST /api/v1/groups/:groupId/members', pages: ['POST /groups/:id/members'] },
  { api: 'DELETE /api/v1/groups/:groupId/members/:personId', pages: ['POST /groups/:id/members/:id/remove'] },

  // Networks and meetings
  { api: 'GET /api/v1/networks', pages: ['GET /networks'] },
  { api: 'POST /api/v1/networks', pages: ['POST /networks'] },
  { api: 'GET /api/v1/meetings', pages: ['GET /meetings'] },
  { api: 'POST /api/v1/meetings', pages: ['POST /meetings'] },
  { api: 'GET /api/v1/meetings/:meetingId', pages: ['GET /meetings/:meetingId'] },
  { api: 'PATCH /api/v1/meetings/:meetingId', pages: ['GET /meetings/:id/edit', 'POST /meetings/:id/edit'] },
  { api: 'DELETE /api/v1/meetings/:meetingId', pages: ['POST /meetings/:id/delete'] },
  { api: 'GET /api/v1/meetings/:meetingId/status', pages: ['GET /meetings/:meetingId'] },
  { api: 'GET /api/v1/meetings/:meetingId/agenda.pdf', pages: ['GET /meetings/:meetingId'] },
  { api: 'POST /api/v1/meetings/:meetingId/publication', pages: ['POST /meetings/:meetingId/publication'] },

  // The agenda
  { api: 'GET /api/v1/meetings/:meetingId/items', pages: ['GET /meetings/:meetingId'] },
  { api: 'POST /api/v1/meetings/:meetingId/items', pages: ['POST /meetings/:meetingId/items'] },
  {
    api: 'PUT /api/v1/meetings/:meetingId/items/order',
    pages: ['POST /meetings/:id/order', 'POST /items/:itemId/move'],
  },
  { api: 'GET /api/v1/items/:itemId', pages: ['GET /items/:itemId'] },
  { api: 'PATCH /api/v1/items/:itemId', pages: ['POST /items/:itemId/edit', 'POST /items/:id/rapporteurs'] },
  { api: 'DELETE /api/v1/items/:itemId', pages: ['POST /items/:id/delete'] },
  { api: 'POST /api/v1/items/:itemId/carry-over', pages: ['POST /items/:id/carry-over'] },

  // The note, its versions and workflow
  { api: 'GET /api/v1/items/:itemId/note', pages: ['GET /items/:itemId'] },
  { api: 'PATCH /api/v1/items/:itemId/note', pages: ['POST /items/:id/procedure', 'POST /items/:id/outcome'] },
  { api: 'GET /api/v1/items/:itemId/note/publications', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/history', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/versions', pages: ['GET /items/:itemId'] },
  {
    api: 'POST /api/v1/items/:itemId/note/versions',
    pages: [
      'GET /items/:id/write',
      'POST /items/:id/versions',
      'POST /items/:itemId/upload',
      'POST /items/:itemId/upload/:previewId/save',
    ],
  },
  { api: 'GET /api/v1/items/:itemId/note/versions/:number', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/versions/:number/docx', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/versions/:number/original', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/versions/:a/diff/:b', pages: ['GET /items/:itemId/diff'] },
  { api: 'GET /api/v1/items/:itemId/note.pdf', pages: ['GET /items/:itemId'] },
  // The item page lists the publications, each with its PDF and its changes from the one before.
  { api: 'GET /api/v1/items/:itemId/note/publications/:number', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/publications/:number/pdf', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/publications/:a/redline/:b', pages: ['GET /items/:itemId'] },
  { api: 'GET /api/v1/items/:itemId/note/versions/:a/redline/:b', pages: ['GET /items/:itemId/diff'] },
  { api: 'POST /api/v1/items/:itemId/note/transitions', pages: ['POST /items/:itemId/transition'] },
  { api: 'GET /api/v1/items/:itemId/note/comments', pages: ['GET /items/:itemId'] },
  { api: 'POST /api/v1/items/:itemId/note/comments', pages: ['POST /items/:itemId/comments'] },
  {
    api: 'POST /api/v1/items/:itemId/note/comments/:commentId/resolve',
    pages: ['POST /items/:itemId/comments/:commentId/resolve'],
  },

  // Annexes
  { api: 'GET /api/v1/items/:itemId/annexes', pages: ['GET /items/:itemId'] },
  { api: 'POST /api/v1/items/:itemId/annexes', pages: ['POST /items/:id/annexes'] },
  { api: 'GET /api/v1/items/:itemId/annexes/:annexId', pages: ['GET /items/:itemId'] },
  { api: 'DELETE /api/v1/items/:itemId/annexes/:annexId', pages: ['POST /items/:id/annexes/:annexId/delete'] },

  // Audit and notifications
  { api: 'GET /api/v1/audit/verify', pages: ['GET /audit'] },
  { api: 'GET /api/v1/notifications', pages: ['GET /notifications'] },
  { api: 'POST /api/v1/notifications/:notificationId/read', pages: ['POST /notifications/:id/read'] },

  // Packets and recipients
  { api: 'GET /api/v1/meetings/:meetingId/packet.pdf', pages: ['GET /meetings/:meetingId'] },
  {
    api: 'POST /api/v1/meetings/:meetingId/packets',
    pages: ['GET /meetings/:id/packets/new', 'POST /meetings/:id/packets/preview', 'POST /meetings/:meetingId/packets'],
  },
  { api: 'GET /api/v1/packets/:packetId', pages: ['GET /packets/:packetId', 'GET /packets/:id/progress'] },
  { api: 'POST /api/v1/packets/:packetId/resend', pages: ['POST /packets/:packetId/resend'] },
  { api: 'GET /api/v1/packets/:packetId/download', pages: ['GET /meetings/:meetingId'] },
  { api: 'GET /api/v1/packets/:packetId/recipients/:personId/packet.pdf', pages: ['GET /packets/:packetId'] },
  { api: 'POST /api/v1/packets/:packetId/links/revoke', pages: ['POST /packets/:packetId/revoke'] },
  { api: 'POST /api/v1/packets/:packetId/recipients/:personId/link/revoke', pages: ['POST /packets/:packetId/revoke'] },
  { api: 'GET /api/v1/meetings/:meetingId/recipients', pages: ['GET /meetings/:id/recipients'] },
  { api: 'PUT /api/v1/meetings/:meetingId/recipients', pages: ['POST /meetings/:id/recipients'] },
  { api: 'POST /api/v1/meetings/:meetingId/recipients/groups', pages: ['POST /meetings/:id/recipients/groups'] },
  { api: 'GET /api/v1/meetings/:meetingId/ledger', pages: ['GET /meetings/:id/ledger'] },
  { api: 'GET /api/v1/meetings/:meetingId/ledger.csv', pages: ['GET /meetings/:id/ledger'] },
  { api: 'POST /api/v1/meetings/:meetingId/ledger/send-latest', pages: ['POST /meetings/:id/ledger/send-latest'] },
  { api: 'GET /api/v1/meetings/:meetingId/packets/:packetId/changes', pages: ['GET /packets/:packetId'] },
  { api: 'GET /api/v1/meetings/:meetingId/packets/:packetId/changes.pdf', pages: ['GET /packets/:packetId'] },
  { api: 'POST /api/v1/meetings/:meetingId/packets/:packetId/addendum', pages: ['POST /packets/:packetId/addendum'] },

  // The record of a meeting: format, co-chairs, attendance, conclusions, action points
  {
    api: 'GET /api/v1/meetings/:meetingId/record',
    pages: ['GET /meetings/:meetingId/record', 'GET /items/:itemId/record'],
  },
  { api: 'PATCH /api/v1/meetings/:meetingId/record', pages: ['POST /meetings/:meetingId/record'] },
  // The summary report: its words, versions and workflow
  {
    api: 'GET /api/v1/meetings/:meetingId/summary-report.pdf',
    pages: ['GET /meetings/:meetingId/record', 'GET /meetings/:meetingId/summary-report'],
  },
  { api: 'GET /api/v1/meetings/:meetingId/summary-report', pages: ['GET /meetings/:meetingId/summary-report'] },
  { api: 'POST /api/v1/meetings/:meetingId/summary-report', pages: ['POST /meetings/:meetingId/summary-report'] },
  {
    api: 'PATCH /api/v1/meetings/:meetingId/summary-report',
    pages: ['POST /meetings/:meetingId/summary-report/details'],
  },
  {
    api: 'PUT /api/v1/meetings/:meetingId/summary-report/text',
    pages: ['GET /meetings/:meetingId/summary-report/edit', 'POST /meetings/:meetingId/summary-report/text'],
  },
  {
    api: 'POST /api/v1/meetings/:meetingId/summary-report/upload',
    pages: ['POST /meetings/:meetingId/summary-report/upload'],
  },
  {
    api: 'POST /api/v1/meetings/:meetingId/summary-report/transitions',
    pages: ['POST /meetings/:meetingId/summary-report/transitions'],
  },
  {
    api: 'GET /api/v1/meetings/:meetingId/summary-report/versions/:number',
    pages: ['GET /meetings/:meetingId/summary-report'],
  },
  {
    api: 'GET /api/v1/meetings/:meetingId/summary-report/diff',
    pages: ['GET /meetings/:meetingId/summary-report/diff'],
  },
  {
    api: 'PUT /api/v1/meetings/:meetingId/attendance/:personId',
    pages: ['POST /meetings/:meetingId/attendance/:personId'],
  },
  { api: 'PUT /api/v1/items/:itemId/conclusions', pages: ['POST /items/:itemId/conclusions'] },
  { api: 'POST /api/v1/items/:itemId/action-points', pages: ['POST /items/:itemId/action-points'] },
  { api: 'PATCH /api/v1/action-points/:actionPointId', pages: ['POST /action-points/:actionPointId'] },
  { api: 'DELETE /api/v1/action-points/:actionPointId', pages: ['POST /action-points/:actionPointId/delete'] },
  {
    api: 'POST /api/v1/meetings/:meetingId/action-points/carry-over',
    pages: ['POST /meetings/:meetingId/action-points/carry-over'],
  },
];

/** A route with its parameters' names dropped: the page map writes `:id` where the app has `:itemId`. */
export const routeShape = (route: string) => route.replace(/:\w+/g, ':');
