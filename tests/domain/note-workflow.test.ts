import t from 'tap';
import { AgendumError } from '../../src/domain/errors.js';
import {
  allowedEvents,
  NOTE_EVENTS,
  NOTE_STATES,
  transition,
  type NoteEvent,
  type NoteState,
  type TransitionFacts,
} from '../../src/domain/note-workflow.js';
import type { Actor } from '../../src/domain/roles.js';
import { TABLE_EVENTS, TABLE_MOVES, tableAllows } from '../support/workflow-table.js';

const staff: Actor = { id: 1, name: 'Secretariat', role: 'secretariat' };
const admin: Actor = { id: 2, name: 'Admin', role: 'admin' };
const rapporteur: Actor = { id: 3, name: 'Rapporteur', role: 'rapporteur' };
const delegate: Actor = { id: 4, name: 'Delegate', role: 'delegate' };

/** Facts that satisfy every event's needs, so that only the state and the actor decide. */
function complete(actor: Actor, overrides: Partial<TransitionFacts> = {}): TransitionFacts {
  return {
    actor,
    isRapporteurOfItem: false,
    comment: 'A reason.',
    procedure: 'for-information',
    hasVersion: true,
    ...overrides,
  };
}

/** The refusal `act` throws, as the HTTP boundary will answer it. */
function refusal(act: () => unknown) {
  try {
    act();
  } catch (error) {
    if (!(error instanceof AgendumError)) throw error;
    return { status: error.status, code: error.code, detail: error.message, ...error.extras };
  }
  return 'not refused';
}

t.test('the table knows these states and events, no more', async (t) => {
  t.same(NOTE_STATES, ['drafting', 'review', 'released', 'withdrawn']);
  t.same(NOTE_EVENTS, ['submit', 'return', 'release', 'reopen', 'withdraw', 'restore']);
  t.same(TABLE_EVENTS, NOTE_EVENTS, 'the literal table has a column per event');
  t.same(
    TABLE_MOVES.map((m) => m.from),
    NOTE_STATES,
    'and a row per state',
  );
});

t.test('every event from every state: the next state, or 409 naming the allowed events', async (t) => {
  for (const { from, to } of TABLE_MOVES) {
    const allowed = tableAllows(from);
    for (const event of TABLE_EVENTS) {
      const next = to[event];
      if (next !== null) {
        t.equal(transition(from, event, complete(staff)), next, `${event} from ${from} -> ${next}`);
        continue;
      }
      t.same(
        refusal(() => transition(from, event, complete(staff))),
        {
          status: 409,
          code: 'AGENDUM_INVALID_TRANSITION',
          detail: `A note in ${from} cannot ${event}; allowed from ${from}: ${allowed.join(', ')}.`,
          state: from,
          event,
          allowedEvents: allowed,
        },
        `${event} from ${from} is refused`,
      );
    }
  }
});

t.test('the allowed events of each state, in table order', async (t) => {
  t.same(allowedEvents('drafting'), ['submit', 'withdraw']);
  t.same(allowedEvents('review'), ['return', 'release', 'withdraw']);
  t.same(allowedEvents('released'), ['reopen']);
  t.same(allowedEvents('withdrawn'), ['restore']);
});

t.test("the item's rapporteur submits; every other event is the secretariat's", async (t) => {
  const ownRapporteur = complete(rapporteur, { isRapporteurOfItem: true });
  t.equal(transition('drafting', 'submit', ownRapporteur), 'review');
  t.equal(transition('drafting', 'submit', complete(admin)), 'review');
  t.same(
    refusal(() => transition('drafting', 'submit', complete(rapporteur))),
    {
      status: 403,
      code: 'AGENDUM_FORBIDDEN',
      detail: 'Only a rapporteur of this item or the secretariat may submit its note.',
    },
  );
  t.same(
    refusal(() => transition('drafting', 'submit', complete(delegate))),
    {
      status: 403,
      code: 'AGENDUM_FORBIDDEN',
      detail: 'Only a rapporteur of this item or the secretariat may submit its note.',
    },
  );
  const secretariatOnly: [NoteState, NoteEvent, NoteState][] = [
    ['review', 'return', 'drafting'],
    ['review', 'release', 'released'],
    ['released', 'reopen', 'drafting'],
    ['review', 'withdraw', 'withdrawn'],
    ['withdrawn', 'restore', 'drafting'],
  ];
  for (const [from, event, to] of secretariatOnly) {
    t.equal(transition(from, event, complete(admin)), to, `an admin may ${event}`);
    for (const facts of [ownRapporteur, complete(delegate)]) {
      t.same(
        refusal(() => transition(from, event, facts)),
        { status: 403, code: 'AGENDUM_FORBIDDEN', detail: `Only the secretariat may ${event} a note.` },
        `${facts.actor.role} may not ${event}`,
      );
    }
  }
});

t.test('return, reopen and withdraw need a reason; release a procedure; submit a version', async (t) => {
  for (const [from, event] of [
    ['review', 'return'],
    ['released', 'reopen'],
    ['drafting', 'withdraw'],
  ] as const) {
    for (const comment of [undefined, null, '', '   ']) {
      t.same(
        refusal(() => transition(from, event, complete(staff, { comment }))),
        { status: 422, code: 'AGENDUM_INVALID', detail: `To ${event} a note, say why in a comment.` },
        `${event} with comment ${JSON.stringify(comment)}`,
      );
    }
  }
  t.same(
    refusal(() => transition('review', 'release', complete(staff, { procedure: null }))),
    {
      status: 422,
      code: 'AGENDUM_INVALID',
      detail: 'Set the procedure (For information, For discussion or For adoption) before releasing.',
    },
  );
  t.same(
    refusal(() => transition('drafting', 'submit', complete(staff, { hasVersion: false }))),
    {
      status: 422,
      code: 'AGENDUM_INVALID',
      detail: 'The note has no version yet: write or upload one before submitting it.',
    },
  );
  const bare = complete(staff, { comment: null, procedure: null, hasVersion: false });
  t.equal(transition('withdrawn', 'restore', bare), 'drafting', 'restore needs nothing');
  t.equal(transition('drafting', 'submit', { ...bare, hasVersion: true }), 'review', 'submit needs no comment');
});

t.test('who may act is checked first, then the state, then what the event carries', async (t) => {
  const rapporteurReleasingADraft = refusal(() =>
    transition('drafting', 'release', complete(rapporteur, { isRapporteurOfItem: true, procedure: null })),
  );
  t.match(rapporteurReleasingADraft, { status: 403 });
  const returningADraftWithoutReason = refusal(() =>
    transition('drafting', 'return', complete(staff, { comment: '' })),
  );
  t.match(returningADraftWithoutReason, { status: 409 });
});
