import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import t from 'tap';
import { ITEM_9_1 } from '../../src/demo/seed-notes.js';
import { actor, createNetwork, simpleContent } from '../factories.js';
import { build, reposOf, signedIn, testConfig, type SignedIn, type TestApp } from '../helper.js';
import { fileUpload } from '../support/multipart.js';

/**
 * Every API route against every kind of caller. The matrix is data: a route the app has and
 * the matrix lacks fails the test, so nobody adds a route without deciding who may call it.
 * 'ok' means the caller got past access control (2xx, or a business answer: 409, 412, 422, 428).
 */
type Outcome = 'ok' | 401 | 403 | 404;
type Caller = 'admin' | 'secretariat' | 'rapporteur' | 'otherRapporteur' | 'delegate' | 'anonymous' | 'revokedToken';
const CALLERS: Caller[] = [
  'admin',
  'secretariat',
  'rapporteur',
  'otherRapporteur',
  'delegate',
  'anonymous',
  'revokedToken',
];

const closed = { anonymous: 401, revokedToken: 401 } as const;
const everyone = {
  admin: 'ok',
  secretariat: 'ok',
  rapporteur: 'ok',
  otherRapporteur: 'ok',
  delegate: 'ok',
  ...closed,
} as const;
const staffOnly = {
  admin: 'ok',
  secretariat: 'ok',
  rapporteur: 403,
  otherRapporteur: 403,
  delegate: 403,
  ...closed,
} as const;
const adminOnly = { ...staffOnly, secretariat: 403 } as const;
/** A draft note: the secretariat and the item's rapporteur; to anyone else it does not exist. */
const draftNote = {
  admin: 'ok',
  secretariat: 'ok',
  rapporteur: 'ok',
  otherRapporteur: 404,
  delegate: 404,
  ...closed,
} as const;
const open = { ...everyone, anonymous: 'ok', revokedToken: 'ok' } as const;
/** A made-up link, or a feature this server has not set up (single sign-on): not found, whoever asks. */
const unknownToAll = {
  admin: 404,
  secretariat: 404,
  rapporteur: 404,
  otherRapporteur: 404,
  delegate: 404,
  anonymous: 404,
  revokedToken: 404,
} as const;
/** A 401 to every caller: a route that answers only a pending sign-in's cookie, which none of them has. */
const nobody = {
  admin: 401,
  secretariat: 401,
  rapporteur: 401,
  otherRapporteur: 401,
  delegate: 401,
  anonymous: 401,
  revokedToken: 401,
} as const;
/** A summary report not released yet: the secretariat's; to anyone else it does not exist. */
const draftReport = { ...staffOnly, rapporteur: 404, otherRapporteur: 404, delegate: 404 } as const;
/** A publication of a note never released: it does not exist, for anyone. */
const unpublished = { ...draftNote, admin: 404, secretariat: 404, rapporteur: 404 } as const;

interface Fixture {
  meetingId: number;
  laterMeetingId: number;
  itemId: number;
  personId: number;
  commentId: number;
  annexId: number;
  tokenId: number;
  notificationId: number;
  packetId: number;
  /** A recipient of the packet (person id). */
  recipientId: number;
  downloadPath: string;
  actionPointId: number;
  /** A session and a token of the person (a delegate), and a distribution group they are in. */
  sessionId: number;
  personTokenId: number;
  groupId: number;
}

type Request = { url: string; payload?: unknown; headers?: Record<string, string> };
const MATRIX: Record<string, { expect: Record<Caller, Outcome | 'ok'>; request: (f: Fixture) => Request }> = {
  'GET /api/v1/openapi.json': { expect: open, request: () => ({ url: '/api/v1/openapi.json' }) },
  'POST /api/v1/session': {
    // Public by design; with a wrong password every caller gets the same 401.
    expect: {
      ...open,
      admin: 401,
      secretariat: 401,
      rapporteur: 401,
      otherRapporteur: 401,
      delegate: 401,
      anonymous: 401,
      revokedToken: 401,
    },
    request: () => ({ url: '/api/v1/session', payload: { email: 'nobody@example.org', password: 'not the password' } }),
  },
  'GET /api/v1/session': { expect: everyone, request: () => ({ url: '/api/v1/session' }) },
  // Public (anybody may start a sign-on); the matrix's app has no SSO set up, so to every caller
  // it does not exist. With SSO, tests/routes/api/sso.test.ts walks both.
  'GET /api/v1/session/sso': { expect: unknownToAll, request: () => ({ url: '/api/v1/session/sso' }) },
  'GET /api/v1/session/sso/callback': {
    expect: unknownToAll,
    request: () => ({ url: '/api/v1/session/sso/callback?code=a-code&state=a-state' }),
  },
  'DELETE /api/v1/session': { expect: open, request: () => ({ url: '/api/v1/session' }) },
  // Everyone signed in changes their own password; the matrix's callers have none (422).
  'PUT /api/v1/session/password': {
    expect: everyone,
    request: () => ({
      url: '/api/v1/session/password',
      payload: { currentPassword: 'not the password', newPassword: 'a long new password of mine' },
    }),
  },
  'POST /api/v1/tokens': { expect: everyone, request: () => ({ url: '/api/v1/tokens', payload: { name: 'matrix' } }) },
  'GET /api/v1/tokens': { expect: everyone, request: () => ({ url: '/api/v1/tokens' }) },
  // The fixture's token is the admin's: to everybody else it is unknown.
  'DELETE /api/v1/tokens/:tokenId': {
    expect: { ...everyone, secretariat: 404, rapporteur: 404, otherRapporteur: 404, delegate: 404 },
    request: (f) => ({ url: `/api/v1/tokens/${f.tokenId}` }),
  },
  // Open, and answered only to the holder of a pending sign-in: to every caller here, 401.
  'POST /api/v1/session/second-factor': {
    expect: { ...open, ...nobody },
    request: () => ({ url: '/api/v1/session/second-factor', payload: { code: '123456' } }),
  },
  'POST /api/v1/session/enrolment': {
    expect: { ...open, ...nobody },
    request: () => ({ url: '/api/v1/session/enrolment' }),
  },
  // One's own second factor: everyone signed in (no factor yet here: a wrong code 422, nothing to renew or remove 409).
  'GET /api/v1/account/second-factor': { expect: everyone, request: () => ({ url: '/api/v1/account/second-factor' }) },
  'POST /api/v1/account/second-factor/enrolment': {
    expect: everyone,
    request: () => ({ url: '/api/v1/account/second-factor/enrolment' }),
  },
  'POST /api/v1/account/second-factor': {
    expect: everyone,
    request: () => ({ url: '/api/v1/account/second-factor', payload: { code: '123456' } }),
  },
  'POST /api/v1/account/second-factor/recovery-codes': {
    expect: everyone,
    request: () => ({ url: '/api/v1/account/second-factor/recovery-codes', payload: { code: '123456' } }),
  },
  'DELETE /api/v1/account/second-factor': {
    expect: everyone,
    request: () => ({ url: '/api/v1/account/second-factor', payload: { password: 'not the password' } }),
  },
  'GET /api/v1/people': { expect: staffOnly, request: () => ({ url: '/api/v1/people' }) },
  'POST /api/v1/people': {
    expect: staffOnly,
    request: () => ({
      url: '/api/v1/people',
      payload: { name: 'New Delegate', email: `d${Math.random()}@example.org`, role: 'delegate' },
    }),
  },
  'GET /api/v1/people/:personId': { expect: staffOnly, request: (f) => ({ url: `/api/v1/people/${f.personId}` }) },
  'PATCH /api/v1/people/:personId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}`, payload: { name: 'Renamed' } }),
  },
  // The fixture's person is a delegate without a password: the secretariat invites them.
  'POST /api/v1/people/:personId/invitation': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}/invitation` }),
  },
  'GET /api/v1/people/:personId/invitation': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}/invitation` }),
  },
  // Open by design, and the same answer for everybody.
  'POST /api/v1/session/password-reset': {
    expect: open,
    request: () => ({ url: '/api/v1/session/password-reset', payload: { email: 'nobody@example.org' } }),
  },
  // A made-up link is unknown to every caller alike.
  'GET /api/v1/session/link/:token': {
    expect: unknownToAll,
    request: () => ({ url: '/api/v1/session/link/1.madeupmadeupmadeup' }),
  },
  'POST /api/v1/session/link': {
    expect: unknownToAll,
    request: () => ({
      url: '/api/v1/session/link',
      payload: { token: '1.madeupmadeupmadeup', newPassword: 'a long new password of mine' },
    }),
  },
  // A person's sign-ins: the fixture's person is a delegate, whom the secretariat manages.
  'GET /api/v1/people/:personId/sessions': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}/sessions` }),
  },
  'DELETE /api/v1/people/:personId/sessions/:sessionId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}/sessions/${f.sessionId}` }),
  },
  'GET /api/v1/people/:personId/tokens': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}/tokens` }),
  },
  'DELETE /api/v1/people/:personId/tokens/:tokenId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/people/${f.personId}/tokens/${f.personTokenId}` }),
  },
  'POST /api/v1/people/import': {
    expect: staffOnly,
    request: () => ({
      url: '/api/v1/people/import',
      headers: { 'content-type': 'text/csv' },
      payload: `name,email,role\nNew Delegate,i${Math.random()}@example.org,delegate\n`,
    }),
  },
  'GET /api/v1/groups': { expect: staffOnly, request: () => ({ url: '/api/v1/groups' }) },
  'POST /api/v1/groups': {
    expect: staffOnly,
    request: () => ({ url: '/api/v1/groups', payload: { name: `Group ${Math.random()}` } }),
  },
  'GET /api/v1/groups/:groupId': { expect: staffOnly, request: (f) => ({ url: `/api/v1/groups/${f.groupId}` }) },
  'PATCH /api/v1/groups/:groupId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/groups/${f.groupId}`, payload: { description: 'Renamed' } }),
  },
  'DELETE /api/v1/groups/:groupId': { expect: staffOnly, request: (f) => ({ url: `/api/v1/groups/${f.groupId}` }) },
  'POST /api/v1/groups/:groupId/members': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/groups/${f.groupId}/members`, payload: { personIds: [f.recipientId] } }),
  },
  'DELETE /api/v1/groups/:groupId/members/:personId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/groups/${f.groupId}/members/${f.personId}` }),
  },
  'POST /api/v1/meetings/:meetingId/recipients/groups': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/recipients/groups`,
      payload: { groupId: f.groupId, list: 'observers' },
    }),
  },
  'GET /api/v1/networks': { expect: everyone, request: () => ({ url: '/api/v1/networks' }) },
  'POST /api/v1/networks': {
    expect: staffOnly,
    request: () => ({ url: '/api/v1/networks', payload: { name: `N ${Math.random()}`, headerLines: [] } }),
  },
  'GET /api/v1/meetings': { expect: everyone, request: () => ({ url: '/api/v1/meetings' }) },
  'POST /api/v1/meetings': {
    expect: staffOnly,
    request: () => ({
      url: '/api/v1/meetings',
      payload: { ordinal: 30, startDate: '2024-01-01', endDate: '2024-01-01', city: 'X', country: 'Y' },
    }),
  },
  'GET /api/v1/meetings/:meetingId': { expect: everyone, request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}` }) },
  'PATCH /api/v1/meetings/:meetingId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}`, payload: { city: 'Lisbon' } }),
  },
  'DELETE /api/v1/meetings/:meetingId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}?force=true` }),
  },
  'GET /api/v1/meetings/:meetingId/items': {
    expect: everyone,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/items` }),
  },
  'POST /api/v1/meetings/:meetingId/items': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/items`, payload: { title: 'New' } }),
  },
  'PUT /api/v1/meetings/:meetingId/items/order': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/items/order`, payload: { items: [{ id: f.itemId }] } }),
  },
  'GET /api/v1/items/:itemId': { expect: everyone, request: (f) => ({ url: `/api/v1/items/${f.itemId}` }) },
  'PATCH /api/v1/items/:itemId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}`, payload: { title: 'Renamed' } }),
  },
  'DELETE /api/v1/items/:itemId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}?force=true` }),
  },
  'GET /api/v1/items/:itemId/note': { expect: draftNote, request: (f) => ({ url: `/api/v1/items/${f.itemId}/note` }) },
  // The fixture's item was never released: nothing is published, so to outsiders it does not exist.
  'GET /api/v1/items/:itemId/note/publications': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/publications` }),
  },
  // No publication exists: nobody, the drafting circle included, reaches text through these routes.
  'GET /api/v1/items/:itemId/note/publications/:number': {
    expect: unpublished,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/publications/1` }),
  },
  'GET /api/v1/items/:itemId/note/publications/:number/pdf': {
    expect: unpublished,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/publications/1/pdf` }),
  },
  'GET /api/v1/items/:itemId/note/publications/:a/redline/:b': {
    expect: unpublished,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/publications/1/redline/1` }),
  },
  'GET /api/v1/items/:itemId/note/versions/:a/redline/:b': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/versions/1/redline/1` }),
  },
  'GET /api/v1/items/:itemId/note/versions': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/versions` }),
  },
  'POST /api/v1/items/:itemId/note/versions': {
    expect: draftNote,
    request: (f) => ({
      url: `/api/v1/items/${f.itemId}/note/versions`,
      payload: simpleContent(),
      headers: { 'if-match': '*' },
    }),
  },
  'GET /api/v1/items/:itemId/note/versions/:number': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/versions/1` }),
  },
  'POST /api/v1/items/:itemId/note/transitions': {
    expect: draftNote,
    request: (f) => ({
      url: `/api/v1/items/${f.itemId}/note/transitions`,
      payload: { event: 'submit' },
      headers: { 'if-match': '*' },
    }),
  },
  'PATCH /api/v1/items/:itemId/note': {
    expect: draftNote,
    request: (f) => ({
      url: `/api/v1/items/${f.itemId}/note`,
      payload: { procedure: 'for-discussion' },
      headers: { 'if-match': '*' },
    }),
  },
  'GET /api/v1/items/:itemId/note/history': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/history` }),
  },
  'GET /api/v1/audit/people': { expect: staffOnly, request: () => ({ url: '/api/v1/audit/people' }) },
  'GET /api/v1/audit/verify': { expect: adminOnly, request: () => ({ url: '/api/v1/audit/verify' }) },
  'GET /api/v1/notifications': { expect: everyone, request: () => ({ url: '/api/v1/notifications' }) },
  // The fixture's notification is the admin's: to everybody else it does not exist.
  'POST /api/v1/notifications/:notificationId/read': {
    expect: { ...everyone, secretariat: 404, rapporteur: 404, otherRapporteur: 404, delegate: 404 },
    request: (f) => ({ url: `/api/v1/notifications/${f.notificationId}/read` }),
  },
  'GET /api/v1/items/:itemId/note/comments': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/comments` }),
  },
  'POST /api/v1/items/:itemId/note/comments': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/comments`, payload: { body: 'A remark.' } }),
  },
  'POST /api/v1/items/:itemId/note/comments/:commentId/resolve': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/comments/${f.commentId}/resolve` }),
  },
  'GET /api/v1/items/:itemId/note/versions/:a/diff/:b': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/versions/1/diff/2` }),
  },
  'GET /api/v1/meetings/:meetingId/status': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/status` }),
  },
  'POST /api/v1/items/:itemId/carry-over': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/carry-over`, payload: { meetingId: f.laterMeetingId } }),
  },
  'GET /api/v1/items/:itemId/note/versions/:number/original': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/versions/1/original` }),
  },
  'POST /api/v1/items/:itemId/annexes': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/annexes`, ...annexUpload }),
  },
  'GET /api/v1/items/:itemId/annexes': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/annexes` }),
  },
  'GET /api/v1/items/:itemId/annexes/:annexId': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/annexes/${f.annexId}` }),
  },
  'DELETE /api/v1/items/:itemId/annexes/:annexId': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/annexes/${f.annexId}` }),
  },
  'GET /api/v1/items/:itemId/note.pdf': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note.pdf` }),
  },
  'GET /api/v1/items/:itemId/note/versions/:number/docx': {
    expect: draftNote,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/note/versions/1/docx` }),
  },
  'GET /api/v1/meetings/:meetingId/agenda.pdf': {
    expect: everyone,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/agenda.pdf` }),
  },
  // With a draft in the meeting every reader gets a 409 (the list of drafts for the secretariat only).
  'GET /api/v1/meetings/:meetingId/packet.pdf': {
    expect: everyone,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/packet.pdf` }),
  },
  'POST /api/v1/meetings/:meetingId/packets': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/packets`,
      payload: { subject: 'Packet', message: 'Dear {{recipient.name}}' },
    }),
  },
  'GET /api/v1/packets/:packetId': { expect: staffOnly, request: (f) => ({ url: `/api/v1/packets/${f.packetId}` }) },
  'POST /api/v1/packets/:packetId/resend': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/packets/${f.packetId}/resend`, payload: {} }),
  },
  // The signature is the permission: whoever holds the link downloads, signed in or not.
  'GET /api/v1/packets/:packetId/download': { expect: open, request: (f) => ({ url: f.downloadPath }) },
  'GET /api/v1/packets/:packetId/recipients/:personId/packet.pdf': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/packets/${f.packetId}/recipients/${f.recipientId}/packet.pdf` }),
  },
  'POST /api/v1/packets/:packetId/links/revoke': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/packets/${f.packetId}/links/revoke`, payload: { reason: 'Wrong list.' } }),
  },
  'POST /api/v1/packets/:packetId/recipients/:personId/link/revoke': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/packets/${f.packetId}/recipients/${f.recipientId}/link/revoke`,
      payload: { reason: 'Left the network.' },
    }),
  },
  'GET /api/v1/meetings/:meetingId/recipients': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/recipients` }),
  },
  'PUT /api/v1/meetings/:meetingId/recipients': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/recipients`,
      payload: { list: 'observers', personIds: [] },
    }),
  },
  'GET /api/v1/meetings/:meetingId/ledger': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/ledger` }),
  },
  'GET /api/v1/meetings/:meetingId/ledger.csv': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/ledger.csv` }),
  },
  'POST /api/v1/meetings/:meetingId/publication': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/publication`, payload: {} }),
  },
  'POST /api/v1/meetings/:meetingId/ledger/send-latest': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/ledger/send-latest`, payload: {} }),
  },
  'GET /api/v1/meetings/:meetingId/packets/:packetId/changes': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/packets/${f.packetId}/changes` }),
  },
  'GET /api/v1/meetings/:meetingId/packets/:packetId/changes.pdf': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/packets/${f.packetId}/changes.pdf` }),
  },
  'POST /api/v1/meetings/:meetingId/packets/:packetId/addendum': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/packets/${f.packetId}/addendum`,
      payload: { subject: 'Addendum', message: 'What changed.' },
    }),
  },

  // The record of a meeting: everyone signed in reads it, the secretariat writes it.
  'GET /api/v1/meetings/:meetingId/record': {
    expect: everyone,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/record` }),
  },
  // The summary report (assembled in the fixture, not released): the secretariat's; to others it does not exist yet.
  'GET /api/v1/meetings/:meetingId/summary-report.pdf': {
    expect: draftReport,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/summary-report.pdf` }),
  },
  'GET /api/v1/meetings/:meetingId/summary-report': {
    expect: draftReport,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/summary-report` }),
  },
  'POST /api/v1/meetings/:meetingId/summary-report': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/summary-report` }),
  },
  'PATCH /api/v1/meetings/:meetingId/summary-report': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/summary-report`,
      payload: { registryReference: 'Ref. Ares(2021)6941533 - 11/11/2021' },
    }),
  },
  'PUT /api/v1/meetings/:meetingId/summary-report/text': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/summary-report/text`,
      payload: { opening: { blocks: ['The agenda was approved.'] } },
    }),
  },
  'POST /api/v1/meetings/:meetingId/summary-report/upload': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/summary-report/upload`, ...reportUpload }),
  },
  'POST /api/v1/meetings/:meetingId/summary-report/transitions': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/summary-report/transitions`,
      payload: { event: 'submit' },
    }),
  },
  'GET /api/v1/meetings/:meetingId/summary-report/versions/:number': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/summary-report/versions/1` }),
  },
  'GET /api/v1/meetings/:meetingId/summary-report/diff': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/summary-report/diff?from=1&to=1` }),
  },
  'PATCH /api/v1/meetings/:meetingId/record': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/record`, payload: { format: 'hybrid' } }),
  },
  'PUT /api/v1/meetings/:meetingId/attendance/:personId': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/meetings/${f.meetingId}/attendance/${f.recipientId}`,
      payload: { state: 'present' },
    }),
  },
  'PUT /api/v1/items/:itemId/conclusions': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/items/${f.itemId}/conclusions`, payload: { blocks: ['Noted.'] } }),
  },
  'POST /api/v1/items/:itemId/action-points': {
    expect: staffOnly,
    request: (f) => ({
      url: `/api/v1/items/${f.itemId}/action-points`,
      payload: { what: 'Send comments.', ownerDelegation: 'Belgium' },
    }),
  },
  'PATCH /api/v1/action-points/:actionPointId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/action-points/${f.actionPointId}`, payload: { state: 'done' } }),
  },
  'DELETE /api/v1/action-points/:actionPointId': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/action-points/${f.actionPointId}` }),
  },
  'POST /api/v1/meetings/:meetingId/action-points/carry-over': {
    expect: staffOnly,
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/action-points/carry-over` }),
  },
};

const seed = readFileSync(
  fileURLToPath(new URL('../fixtures/seeds/ehn18-item-9.1-nis-ws12-update.txt', import.meta.url)),
);
let annexBytes: Buffer;
let annexUpload: { payload: Buffer; headers: Record<string, string> };
const reportUpload = fileUpload(
  'report.txt',
  Buffer.from('Opening and approval of agenda\n\nThe agenda was approved.\n'),
);

/** A fresh meeting with a draft note (uploaded, then edited), a comment, an annex, a notification. */
/** A network numbers each meeting once: every fixture takes the next two numbers. */
let nextOrdinal = 100;

async function makeFixture(app: TestApp, cast: Record<Caller, SignedIn | null>): Promise<Fixture> {
  const staff = actor(cast.secretariat!);
  const networkId = app.services.meetings.listNetworks()[0]!.id;
  nextOrdinal += 2;
  const meeting = app.services.meetings.create(staff, {
    networkId,
    ordinal: nextOrdinal,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
  });
  const later = app.services.meetings.create(staff, {
    networkId,
    ordinal: nextOrdinal + 1,
    startDate: '2021-06-08',
    endDate: '2021-06-08',
    city: 'Lisbon',
    country: 'Portugal',
  });
  const item = app.services.agenda.create(staff, meeting.id, {
    title: ITEM_9_1.title,
    rapporteurIds: [cast.rapporteur!.id],
  });
  app.services.agenda.create(staff, meeting.id, { title: 'Other', rapporteurIds: [cast.otherRapporteur!.id] });
  const rapporteur = actor(cast.rapporteur!);
  await app.services.ingest.ingestDraft(rapporteur, item.id, { bytes: seed, fileName: '9.1.txt' }, { dryRun: false });
  app.services.notes.createVersion(rapporteur, item.id, ITEM_9_1.content);
  const comment = app.services.review.add(staff, item.id, { body: 'Shorter, please.' });
  const added = await app.services.ingest.addAnnex(rapporteur, item.id, { bytes: annexBytes, fileName: 'annex.pdf' });
  const person = await app.services.people.create('system', {
    name: 'Target',
    email: `t${Math.random()}@example.org`,
    role: 'delegate',
  });
  const token = app.services.auth.createToken(actor(cast.admin!), 'victim');
  const released = app.services.agenda.create(staff, meeting.id, { title: 'Released' });
  app.services.notes.createVersion(staff, released.id, simpleContent());
  app.services.workflow.perform(staff, released.id, { event: 'submit' });
  app.services.workflow.perform(staff, released.id, { event: 'release' });
  const packet = app.services.packets.create(staff, meeting.id, {
    subject: 'Packet',
    message: 'Dear {{recipient.name}}',
    lists: ['delegates'],
  });
  // A link names its recipient (their outbox row): it serves what that recipient was sent.
  const recipient = reposOf(app).mail.outboxOfPacket(packet.id)[0]!.row;
  const downloadPath = app.services.packets
    .downloadLink(packet.id, new Date(Date.now() + 86_400_000), recipient.id)
    .url.replace(/^https?:\/\/[^/]+/, '');
  app.services.notifications.notify([cast.admin!.id], { kind: 'test', message: 'For the admin' });
  const notificationId = app.services.notifications.list(actor(cast.admin!))[0]!.id;
  const point = app.services.actionPoints.add(staff, item.id, { what: 'Send comments.', ownerDelegation: 'Belgium' });
  app.services.summaryReports.assemble(staff, meeting.id);
  const now = new Date();
  reposOf(app).people.insertSession({
    personId: person.id,
    tokenHash: `matrix-${Math.random()}`,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
  });
  const sessionId = reposOf(app).peopleAdmin.sessionsOf(person.id)[0]!.id;
  const personToken = app.services.auth.createToken({ id: person.id, name: person.name, role: 'delegate' }, 'matrix');
  const group = app.services.groups.create(staff, { name: `Group ${Math.random()}` });
  app.services.groups.addMembers(staff, group.id, [person.id]);
  return {
    meetingId: meeting.id,
    laterMeetingId: later.id,
    itemId: item.id,
    personId: person.id,
    commentId: comment.id,
    annexId: added.id,
    tokenId: token.id,
    notificationId,
    packetId: packet.id,
    recipientId: recipient.personId,
    downloadPath,
    actionPointId: point.id,
    sessionId,
    personTokenId: personToken.id,
    groupId: group.id,
  };
}

// One request per route and caller, well over a hundred routes: a loaded machine takes minutes.
// This bounds a hang, it does not time anything.
t.setTimeout(900_000);

t.test('every API route answers every kind of caller as the matrix says', async (t) => {
  // The sign-in limit (per address) is not what this test is about: every request comes from one address.
  const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '10000' }) });
  const pdf = await PDFDocument.create();
  pdf.addPage();
  annexBytes = Buffer.from(await pdf.save());
  annexUpload = fileUpload('annex.pdf', annexBytes);
  const cast: Record<Caller, SignedIn | null> = {
    admin: await signedIn(app, 'admin'),
    secretariat: await signedIn(app, 'secretariat'),
    rapporteur: await signedIn(app, 'rapporteur'),
    otherRapporteur: await signedIn(app, 'rapporteur'),
    delegate: await signedIn(app, 'delegate'),
    anonymous: null,
    revokedToken: await signedIn(app, 'secretariat'),
  };
  const revoked = cast.revokedToken!;
  app.services.auth.revokeToken(actor(revoked), app.services.auth.listTokens(actor(revoked))[0]!.id);
  createNetwork(app, cast.secretariat!);

  const routes = app.routeList
    .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.url}`);
  t.same(
    routes.filter((r) => !MATRIX[r]),
    [],
    'every API route has a row in the matrix',
  );
  t.same(
    Object.keys(MATRIX).filter((r) => !routes.includes(r)),
    [],
    'every row of the matrix is a route',
  );

  for (const route of routes.filter((r) => MATRIX[r])) {
    const [method, pattern] = route.split(' ') as [string, string];
    const row = MATRIX[route]!;
    for (const caller of CALLERS) {
      const fixture = await makeFixture(app, cast);
      const { url, payload, headers } = row.request(fixture);
      const who = cast[caller];
      const res = await app.inject({
        method: method as 'GET',
        url,
        payload: payload as string,
        headers: { ...(headers ?? {}), ...(who ? who.headers : {}) },
      });
      const outcome: Outcome | 'ok' = [401, 403, 404].includes(res.statusCode) ? (res.statusCode as Outcome) : 'ok';
      const expected = row.expect[caller];
      if (outcome !== expected || res.statusCode >= 500) {
        t.fail(
          `${caller}: ${method} ${pattern} -> ${res.statusCode}, expected ${expected} (${res.body.slice(0, 160)})`,
        );
      } else t.pass(`${caller}: ${method} ${pattern} -> ${res.statusCode}`);
      if (expected === 404 && res.statusCode === 404) {
        t.notMatch(res.body, /draft|drafting|Shorter, please/, 'a hidden note leaks nothing of itself');
      }
    }
  }
});
