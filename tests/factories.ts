import type { FastifyInstance } from 'fastify';
import type { Actor } from '../src/domain/roles.js';
import type { SignedIn } from './helper.js';
import type { NoteContentInput } from '../src/domain/note-content.js';

/** Builders with defaults, through the services (real database, real rules). */

export function createNetwork(app: FastifyInstance, by: SignedIn, name = 'eHealth Network') {
  return app.services.meetings.createNetwork(actor(by), {
    name,
    headerLines: ['EUROPEAN COMMISSION', 'DG HEALTH AND FOOD SAFETY'],
  });
}

/** The 18th meeting (12-13 November 2020, Brussels, Belgium), created by a staff actor. */
export function eighteenthMeeting(app: FastifyInstance, staff: Actor, fields: Partial<{ networkId: number }> = {}) {
  return app.services.meetings.create(staff, {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
    ...fields,
  });
}

export function createMeeting(
  app: FastifyInstance,
  by: SignedIn,
  fields: Partial<{ ordinal: number; networkId: number }> = {},
) {
  return app.services.meetings.create(actor(by), {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
    ...fields,
  });
}

export function createItem(
  app: FastifyInstance,
  by: SignedIn,
  meetingId: number,
  fields: { title?: string; parentId?: number; rapporteurIds?: number[] } = {},
) {
  return app.services.agenda.create(actor(by), meetingId, { title: 'An agenda item', ...fields });
}

export const simpleContent = (summary = 'The summary.'): NoteContentInput => ({
  sections: { issueAtStake: ['What is at stake.'], summary: [summary], procedure: ['For information.'] },
});

export function actor(who: SignedIn) {
  return { id: who.id, name: `person ${who.id}`, role: who.role };
}

/** A meeting with a network, ready for items: the common start of API tests. */
export async function meetingSetup(app: FastifyInstance, secretariat: SignedIn) {
  createNetwork(app, secretariat);
  return createMeeting(app, secretariat);
}
