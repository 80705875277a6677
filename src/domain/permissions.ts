import { Errors } from './errors.js';
import { DEFAULT_MARKING, markingAdmits, type Marking } from './audience.js';
import { mayPerform, NoteState, type NoteEvent } from './note-workflow.js';
import { isStaff, Role, type Actor } from './roles.js';
import { named } from './words.js';

/**
 * Who may do what. Pure functions over the actor and the facts of the record, so that the
 * rules are tested without a server. A reader who may not know a record exists gets 404.
 */

/** The secretariat (and admins) prepare meetings: agendas, items, packets, the status overview. */
export function canManageAgenda(actor: Actor): boolean {
  return isStaff(actor.role);
}

export function assertCanManageAgenda(actor: Actor): void {
  if (!canManageAgenda(actor)) throw Errors.forbidden('Only the secretariat manages meetings and agendas.');
}

export function assertCanManagePeople(actor: Actor, targetRole?: Role): void {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat manages people.');
  if (targetRole !== undefined && isStaff(targetRole) && actor.role !== Role.admin) {
    throw Errors.forbidden('Only an admin gives the admin or secretariat role.');
  }
}

/** Whether a person may give (or take away) a role: the secretariat the other roles, an admin every role. */
export function canGiveRole(actor: Actor, role: Role): boolean {
  return isStaff(actor.role) && (!isStaff(role) || actor.role === Role.admin);
}

/**
 * Whether the actor may make these changes to this person: a role the actor may not give is
 * neither given nor taken away (the secretariat changes delegates and rapporteurs, an admin
 * everybody), and nobody changes their own role or closes their own account, so the last admin
 * always stays one. The refusal names the field it is about.
 */
export function assertCanChangePerson(
  actor: Actor,
  person: { id: number; role: Role },
  changes: { role?: Role; isActive?: boolean },
): void {
  assertCanManagePeople(actor);
  if (!canGiveRole(actor, person.role)) throw Errors.forbidden('Only an admin changes an admin or the secretariat.');
  if (changes.role !== undefined && !canGiveRole(actor, changes.role)) {
    throw Errors.forbidden('Only an admin gives the admin or secretariat role.');
  }
  if (actor.id === person.id && changes.role !== undefined && changes.role !== person.role) {
    throw Errors.invalid.onField('role', 'You cannot change your own role; another admin does that.');
  }
  if (actor.id === person.id && changes.isActive === false) {
    throw Errors.invalid.onField('isActive', 'You cannot close your own account; another admin does that.');
  }
}

/** What every person may change of their own account, without managing people: their preferences. */
export const OWN_PREFERENCES = ['packetFormat'] as const;

/** Whether a change to a person touches only the actor's own preferences. */
export function isOwnPreferenceChange(actor: Actor, personId: number, changes: object): boolean {
  const keys = Object.keys(changes);
  return (
    actor.id === personId && keys.length > 0 && keys.every((k) => (OWN_PREFERENCES as readonly string[]).includes(k))
  );
}

/** Only an admin walks the audit trail's hash chain. */
export function canVerifyAudit(actor: Actor): boolean {
  return actor.role === Role.admin;
}

export interface NoteFacts {
  itemId: number;
  state: string;
  rapporteurIds: readonly number[];
  /** Whether a version of the note was ever released (it has a publication). */
  published?: boolean;
  /** The item's distribution marking; `network` when absent. */
  marking?: Marking;
}

/** Rapporteurs write cover notes: the accounts that have items of their own ("my items"). */
export function hasRapporteurRole(role: Role): boolean {
  return role === Role.rapporteur;
}

/** Who may be named rapporteur of an item: an active account with the rapporteur role. */
export function canBeRapporteur(person: { role: Role; isActive: boolean }): boolean {
  return hasRapporteurRole(person.role) && person.isActive;
}

/** A rapporteur of this item: named on it, and still holding the rapporteur role. */
export function isRapporteurOf(actor: Actor, note: Pick<NoteFacts, 'rapporteurIds'>): boolean {
  // The role counts, not only the assignment: a rapporteur demoted to delegate loses the drafts.
  return hasRapporteurRole(actor.role) && note.rapporteurIds.includes(actor.id);
}

/** The secretariat and the item's current rapporteurs: the only ones who see drafts and review. */
export function isDraftingCircle(actor: Actor, note: NoteFacts): boolean {
  return isStaff(actor.role) || isRapporteurOf(actor, note);
}

/**
 * What a reader may see of a note: `drafts` (every version, originals, diffs, comments,
 * history), `published` (only released versions, the latest first), or `none`. Everybody outside
 * the drafting circle reads published versions only, and only when the marking admits one of
 * their recipient groups.
 */
export const NOTE_ACCESS = ['drafts', 'published', 'none'] as const;
export type NoteAccess = (typeof NOTE_ACCESS)[number];
export const NoteAccess = named(NOTE_ACCESS);

export function noteAccess(actor: Actor, note: NoteFacts, readerGroups: readonly string[] = []): NoteAccess {
  if (isDraftingCircle(actor, note)) return 'drafts';
  if (!note.published) return 'none';
  return markingAdmits(note.marking ?? DEFAULT_MARKING, readerGroups) ? 'published' : 'none';
}

/** Whether the reader sees any text of the note (a draft, or a published version). */
export function canReadNoteContent(actor: Actor, note: NoteFacts, readerGroups?: readonly string[]): boolean {
  return noteAccess(actor, note, readerGroups) !== 'none';
}

export function assertCanReadNoteContent(actor: Actor, note: NoteFacts, readerGroups?: readonly string[]): void {
  if (!canReadNoteContent(actor, note, readerGroups)) {
    throw Errors.notFound(`No cover note is visible for agenda item ${note.itemId}.`);
  }
}

/** Drafts, originals, diffs of drafts, comments and history: 404 to anyone outside the circle. */
export function assertInDraftingCircle(actor: Actor, note: NoteFacts, what = 'cover note draft'): void {
  if (!isDraftingCircle(actor, note)) throw Errors.notFound(`No ${what} is visible for agenda item ${note.itemId}.`);
}

/** Whether the actor may move the note with `event` (whether its state allows it is the table's). */
export function canPerform(actor: Actor, event: NoteEvent, note: NoteFacts): boolean {
  return mayPerform(event, actor, isRapporteurOf(actor, note));
}

/** Whether the actor may write a version now: the drafting circle, while the note is being drafted. */
export function canWriteVersionNow(actor: Actor, note: NoteFacts): boolean {
  return isDraftingCircle(actor, note) && note.state === NoteState.drafting;
}

export function assertCanWriteVersion(actor: Actor, note: NoteFacts): void {
  assertCanReadNoteContent(actor, note);
  if (!isDraftingCircle(actor, note)) {
    throw Errors.forbidden('Only the rapporteurs of this item and the secretariat write its cover note.');
  }
}
