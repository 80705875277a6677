import { Errors } from './errors.js';
import { isStaff, type Actor, type Role } from './roles.js';

/**
 * Who may do what. Pure functions over the actor and the facts of the record, so that the
 * rules are tested without a server. A reader who may not know a record exists gets 404.
 */

export function assertCanManageAgenda(actor: Actor): void {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat manages meetings and agendas.');
}

export function assertCanManagePeople(actor: Actor, targetRole?: Role): void {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat manages people.');
  if ((targetRole === 'admin' || targetRole === 'secretariat') && actor.role !== 'admin') {
    throw Errors.forbidden('Only an admin gives the admin or secretariat role.');
  }
}

export interface NoteFacts {
  itemId: number;
  state: string;
  rapporteurIds: readonly number[];
}

function isRapporteurOf(actor: Actor, note: NoteFacts): boolean {
  return actor.role === 'rapporteur' && note.rapporteurIds.includes(actor.id);
}

/** Drafts are confidential to the item's rapporteurs and the secretariat. */
export function canReadNoteContent(actor: Actor, note: NoteFacts): boolean {
  return isStaff(actor.role) || isRapporteurOf(actor, note) || note.state === 'released';
}

export function assertCanReadNoteContent(actor: Actor, note: NoteFacts): void {
  if (!canReadNoteContent(actor, note)) {
    throw Errors.notFound(`No cover note is visible for agenda item ${note.itemId}.`);
  }
}

export function assertCanWriteVersion(actor: Actor, note: NoteFacts): void {
  assertCanReadNoteContent(actor, note);
  if (!isStaff(actor.role) && !isRapporteurOf(actor, note)) {
    throw Errors.forbidden('Only the rapporteurs of this item and the secretariat write its cover note.');
  }
}
