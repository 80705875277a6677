import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/roles.js';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { actor, eighteenthMeeting } from '../factories.js';
import { signedIn, type SignedIn } from '../helper.js';

/** The 27 Member States, as the delegates' `memberState` holds them. */
export const MEMBER_STATES = [
  'Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus', 'Czechia', 'Denmark', 'Estonia', 'Finland',
  'France', 'Germany', 'Greece', 'Hungary', 'Ireland', 'Italy', 'Latvia', 'Lithuania', 'Luxembourg',
  'Malta', 'Netherlands', 'Poland', 'Portugal', 'Romania', 'Slovakia', 'Slovenia', 'Spain', 'Sweden',
]; // prettier-ignore

/**
 * The 18th eHealth Network meeting with items 1-8, the heading 9 and the seed notes 9.1 and 9.2
 * released for information, one delegate per Member State on its delegates list, and the 19th
 * meeting after it.
 */
export async function recordedMeeting(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat', 'Sam Secretariat');
  const staff = actor(secretariat);
  const network = app.services.meetings.createNetwork(staff, {
    name: 'eHealth Network',
    headerLines: EHEALTH_HEADER_LINES,
  });
  const meeting = eighteenthMeeting(app, staff, { networkId: network.id });
  const next = app.services.meetings.create(staff, {
    networkId: network.id,
    ordinal: 19,
    startDate: '2021-06-03',
    endDate: '2021-06-03',
    city: 'Brussels',
    country: 'Belgium',
  });
  for (let i = 1; i <= 8; i += 1) app.services.agenda.create(staff, meeting.id, { title: `Item ${i}` });
  const heading = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const items = [];
  for (const seed of [ITEM_9_1, ITEM_9_2]) {
    const item = app.services.agenda.create(staff, meeting.id, { title: seed.title, parentId: heading.id });
    app.services.notes.createVersion(staff, item.id, seed.content);
    app.services.workflow.perform(staff, item.id, { event: 'submit' });
    app.services.workflow.perform(staff, item.id, { event: 'release', procedure: 'for-information' });
    items.push(item);
  }
  const delegates = [];
  for (const [i, memberState] of MEMBER_STATES.entries()) {
    delegates.push(
      await app.services.people.create('system', {
        name: `Delegate of ${memberState}`,
        email: `delegate${i + 1}@ms${i + 1}.example.eu`,
        role: 'delegate',
        memberState,
      }),
    );
  }
  app.services.recipients.set(
    staff,
    meeting.id,
    'delegates',
    delegates.map((d) => d.id),
  );
  return { secretariat, staff, network, meeting, next, heading, item91: items[0]!, item92: items[1]!, delegates };
}

/** A person made by the fixture, signed in with an API token. */
export function signedInAs(app: FastifyInstance, person: { id: number; name: string; role: Role }): SignedIn {
  const { token } = app.services.auth.createToken({ id: person.id, name: person.name, role: person.role }, 'test');
  return { id: person.id, role: person.role, token, headers: { authorization: `Bearer ${token}` } };
}
