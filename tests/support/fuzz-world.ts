import { actor, createItem, createMeeting, createNetwork, simpleContent } from '../factories.js';
import { signedIn, type SignedIn, type TestApp } from '../helper.js';
import { blankPdf } from './hostile-files.js';

/**
 * The data a fuzz run aims at: a meeting with a draft note (version, comment, annex) and a
 * released one, a person, a spare token, a notification; and the secretariat that calls.
 */
export interface World {
  secretariat: SignedIn;
  /** Every API route the app registered, HEAD excluded. */
  routes: { method: string; url: string }[];
  /** A real id for every route parameter name. */
  ids: Record<string, number>;
  draftItemId: number;
  releasedItemId: number;
  laterMeetingId: number;
}

export async function makeWorld(app: TestApp): Promise<World> {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const staff = actor(secretariat);
  createNetwork(app, secretariat);
  const meeting = createMeeting(app, secretariat);
  const later = createMeeting(app, secretariat, { ordinal: 19 });
  const draft = createItem(app, secretariat, meeting.id, { title: 'Draft item', rapporteurIds: [rapporteur.id] });
  app.services.notes.createVersion(staff, draft.id, simpleContent());
  const comment = app.services.review.add(staff, draft.id, { body: 'A remark.' });
  const annex = await app.services.ingest.addAnnex(staff, draft.id, { bytes: await blankPdf(), fileName: 'annex.pdf' });
  const released = createItem(app, secretariat, meeting.id, { title: 'Released item' });
  app.services.notes.createVersion(staff, released.id, simpleContent());
  app.services.workflow.perform(staff, released.id, { event: 'submit' });
  app.services.workflow.perform(staff, released.id, { event: 'release' });
  const person = await app.services.people.create('system', {
    name: 'Target',
    email: 'target@example.org',
    role: 'rapporteur',
  });
  // Revoking this one is harmless: the secretariat keeps calling with its first token.
  const spare = app.services.auth.createToken(staff, 'spare');
  app.services.notifications.notify([secretariat.id], { kind: 'test', message: 'For the secretariat' });
  const notificationId = app.services.notifications.list(staff)[0]!.id;
  const seen = new Set<string>();
  const routes = app.routeList.filter((r) => {
    const key = `${r.method} ${r.url}`;
    if (!r.url.startsWith('/api/') || r.method === 'HEAD' || seen.has(key)) return false;
    return seen.add(key);
  });
  return {
    secretariat,
    routes,
    ids: {
      meetingId: meeting.id,
      itemId: draft.id,
      personId: person.id,
      commentId: comment.id,
      annexId: annex.id,
      tokenId: spare.id,
      notificationId,
      packetId: 1,
      number: 1,
      a: 1,
      b: 1,
    },
    draftItemId: draft.id,
    releasedItemId: released.id,
    laterMeetingId: later.id,
  };
}

/** The route's URL with real ids, except the parameters given in `junk`. */
export function urlOf(route: { url: string }, world: World, junk: Record<string, string> = {}): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => junk[name] ?? String(world.ids[name] ?? 1));
}

/** A body each writing route accepts (the start of the mutations); {} for a route not listed. */
export function validBody(route: { method: string; url: string }, world: World): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/v1/session': { email: 'nobody@example.org', password: 'not the password' },
    'POST /api/v1/tokens': { name: 'fuzz' },
    'POST /api/v1/people': { name: 'New Person', email: 'new@example.org', role: 'rapporteur' },
    'PATCH /api/v1/people/:personId': { name: 'Renamed' },
    'POST /api/v1/networks': { name: 'Network', headerLines: ['A LINE', ''] },
    'POST /api/v1/meetings': { ordinal: 30, startDate: '2024-01-01', endDate: '2024-01-02', city: 'X', country: 'Y' },
    'PATCH /api/v1/meetings/:meetingId': { city: 'Lisbon', draftingDeadline: '2020-11-05' },
    'POST /api/v1/meetings/:meetingId/items': { title: 'New', position: 1 },
    'PUT /api/v1/meetings/:meetingId/items/order': {
      items: [{ id: world.draftItemId, children: [] }, { id: world.releasedItemId }],
    },
    'PATCH /api/v1/items/:itemId': { title: 'Renamed', rapporteurIds: [] },
    'POST /api/v1/items/:itemId/note/versions': {
      sections: {
        issueAtStake: ['Stake.'],
        summary: [[{ text: 'See ' }, { text: 'the page', href: 'https://example.org/' }, { footnote: 1 }]],
        procedure: ['For discussion.'],
      },
      footnotes: [{ text: 'A source.', sourceUrl: 'https://example.org/source' }],
    },
    'POST /api/v1/items/:itemId/note/transitions': { event: 'submit', comment: 'Ready.' },
    'PATCH /api/v1/items/:itemId/note': { procedure: 'for-discussion' },
    'POST /api/v1/items/:itemId/note/comments': { body: 'A remark.', version: 1, section: 'summary', paragraph: 1 },
    'POST /api/v1/items/:itemId/carry-over': { meetingId: world.laterMeetingId, parentId: null },
    'POST /api/v1/meetings/:meetingId/packets': {
      subject: 'Packet',
      message: 'Dear {{recipient.name}}',
      lists: ['observers'],
      content: 'combined',
    },
    'POST /api/v1/packets/:packetId/resend': { personId: 1 },
    'PUT /api/v1/meetings/:meetingId/recipients': { list: 'observers', personIds: [] },
  };
  return bodies[`${route.method} ${route.url}`] ?? {};
}

/** Routes whose body is multipart/form-data. */
export const isUploadRoute = (route: { method: string; url: string }) =>
  route.method === 'POST' && /\/annexes$|\/note\/versions$/.test(route.url);

/** Writes to a note need If-Match; `*` lets a fuzzed body reach the service. */
export const needsIfMatch = (route: { method: string; url: string }) =>
  /\/note(\/versions|\/transitions)?$/.test(route.url) && route.method !== 'GET';
