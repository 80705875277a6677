import { Errors } from './errors.js';
import { isStaff, Role, type Actor } from './roles.js';
import { named } from './words.js';

/**
 * The cover-note workflow, as one table. Nothing else in agendum decides whether a note may
 * move: services call `transition()` and persist what it returns.
 */
export const NOTE_STATES = ['drafting', 'review', 'released', 'withdrawn'] as const;
export type NoteState = (typeof NOTE_STATES)[number];
export const NoteState = named(NOTE_STATES);

export const NOTE_EVENTS = ['submit', 'return', 'release', 'reopen', 'withdraw', 'restore'] as const;
export type NoteEvent = (typeof NOTE_EVENTS)[number];
export const NoteEvent = named(NOTE_EVENTS);

type Performer = 'rapporteur-or-secretariat' | typeof Role.secretariat;

interface Rule {
  from: readonly NoteState[];
  to: NoteState;
  by: Performer;
  /** What the event must carry: a comment (a reason) or a procedure on the note. */
  needs?: 'comment' | 'procedure';
}

export const WORKFLOW: Readonly<Record<NoteEvent, Rule>> = {
  submit: { from: ['drafting'], to: 'review', by: 'rapporteur-or-secretariat' },
  return: { from: ['review'], to: 'drafting', by: Role.secretariat, needs: 'comment' },
  release: { from: ['review'], to: 'released', by: Role.secretariat, needs: 'procedure' },
  reopen: { from: ['released'], to: 'drafting', by: Role.secretariat, needs: 'comment' },
  withdraw: { from: ['drafting', 'review'], to: 'withdrawn', by: Role.secretariat, needs: 'comment' },
  restore: { from: ['withdrawn'], to: 'drafting', by: Role.secretariat },
};

/** The events the table allows from a state, in table order. */
export function allowedEvents(state: NoteState): NoteEvent[] {
  return NOTE_EVENTS.filter((event) => WORKFLOW[event].from.includes(state));
}

export interface TransitionFacts {
  actor: Actor;
  isRapporteurOfItem: boolean;
  comment?: string | null;
  procedure?: string | null;
  hasVersion: boolean;
}

/**
 * Whether the actor may ever perform `event`, whatever the state: the secretariat every event,
 * a rapporteur of the item those the table opens to rapporteurs.
 */
export function mayPerform(event: NoteEvent, actor: Actor, isRapporteurOfItem: boolean): boolean {
  return isStaff(actor.role) || (WORKFLOW[event].by === 'rapporteur-or-secretariat' && isRapporteurOfItem);
}

/**
 * Whether the note itself is ready for `event`, apart from what the person gives with it (a
 * comment, a procedure): a note is submitted with a version. The pages offer an event only then.
 */
export function isReadyFor(event: NoteEvent, facts: { hasVersion: boolean }): boolean {
  return event !== NoteEvent.submit || facts.hasVersion;
}

/**
 * The state after `event`, or a coded error: 403 when the actor may never perform it, 409
 * (AGENDUM_INVALID_TRANSITION, with the allowed events) when the state does not allow it,
 * 422 when the event lacks what it needs.
 */
export function transition(state: NoteState, event: NoteEvent, facts: TransitionFacts): NoteState {
  const rule = WORKFLOW[event];
  if (!mayPerform(event, facts.actor, facts.isRapporteurOfItem)) {
    throw Errors.forbidden(
      rule.by === Role.secretariat
        ? `Only the secretariat may ${event} a note.`
        : `Only a rapporteur of this item or the secretariat may ${event} its note.`,
    );
  }
  if (!rule.from.includes(state)) {
    const allowed = allowedEvents(state);
    throw Errors.invalidTransition(
      `A note in ${state} cannot ${event}; allowed from ${state}: ${allowed.join(', ') || 'none'}.`,
      { state, event, allowedEvents: allowed },
    );
  }
  if (rule.needs === 'comment' && !facts.comment?.trim()) {
    throw Errors.invalid.onField('comment', `To ${event} a note, say why in a comment.`);
  }
  if (rule.needs === 'procedure' && !facts.procedure) {
    throw Errors.invalid.onField(
      'procedure',
      'Set the procedure (For information, For discussion or For adoption) before releasing.',
    );
  }
  if (!isReadyFor(event, facts)) {
    throw Errors.invalid('The note has no version yet: write or upload one before submitting it.');
  }
  return rule.to;
}

/** What the meeting made of an item, recorded on its released note afterwards. */
export const OUTCOMES = ['noted', 'adopted', 'not-adopted', 'postponed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const Outcome = named(OUTCOMES);
