import type { NoteEvent, NoteState } from '../../src/domain/note-workflow.js';

/**
 * The moves issue 4 allows, written out by hand: the state each event leads to from each state,
 * `-` where the event is refused. The domain test and the HTTP test both read it; neither reads
 * WORKFLOW, so a wrong rule in the code fails them.
 */
const TABLE = `
            submit   return    release   reopen    withdraw   restore
drafting    review   -         -         -         withdrawn  -
review      -        drafting  released  -         withdrawn  -
released    -        -         -         drafting  -          -
withdrawn   -        -         -         -         -          drafting
`;

const [header, ...rows] = TABLE.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));

/** The table's columns, left to right. */
export const TABLE_EVENTS = header as NoteEvent[];

/** The table's rows: a state, and per event the state it leads to or null (refused). */
export const TABLE_MOVES = rows.map(([from, ...tos]) => ({
  from: from as NoteState,
  to: Object.fromEntries(TABLE_EVENTS.map((event, i) => [event, tos[i] === '-' ? null : tos[i]])) as Record<
    NoteEvent,
    NoteState | null
  >,
}));

/** The events the table allows from `state`, left to right. */
export function tableAllows(state: NoteState): NoteEvent[] {
  const row = TABLE_MOVES.find((move) => move.from === state)!;
  return TABLE_EVENTS.filter((event) => row.to[event] !== null);
}
