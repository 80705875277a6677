import type { ActionPointRow } from '../repositories/record-repository.js';
import type { PersonRow } from '../repositories/people-repository.js';

/** The delegation a person sits in: their Member State, else their organisation (the Commission, an observer body). */
export const delegationOf = (person: Pick<PersonRow, 'memberState' | 'organisation'>): string | null =>
  person.memberState ?? person.organisation ?? null;

/** An action point as the API returns it: the owner named, a person's with their delegation. */
export function presentActionPoint(
  point: ActionPointRow,
  item: { number: string; meetingId: number },
  owner: PersonRow | undefined,
) {
  const delegation = owner ? delegationOf(owner) : null;
  return {
    id: point.id,
    itemId: point.itemId,
    itemNumber: item.number,
    meetingId: item.meetingId,
    what: point.what,
    ownerPerson: owner ? { id: owner.id, name: owner.name, delegation } : null,
    ownerDelegation: point.ownerDelegation,
    owner: owner ? (delegation ? `${owner.name} (${delegation})` : owner.name) : (point.ownerDelegation ?? ''),
    dueDate: point.dueDate,
    state: point.state,
    closedAt: point.closedAt,
  };
}
export type ActionPointView = ReturnType<typeof presentActionPoint>;
