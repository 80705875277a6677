import { Errors } from './errors.js';
import { normaliseBlock, type Block, type BlockInput } from './note-blocks.js';
import { normaliseNoteContent, SectionKey, type Footnote } from './note-content.js';
import { named } from './words.js';

/** How a meeting was held: printed under the meeting's name in the summary report, `(Teleconference)`. */
export const MEETING_FORMATS = ['in-person', 'hybrid', 'teleconference'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const MeetingFormat = named(MEETING_FORMATS);

/** How a person on the meeting's recipient lists took part; `represented` names who stood in. */
export const ATTENDANCE_STATES = ['present', 'remote', 'excused', 'represented'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export const AttendanceState = named(ATTENDANCE_STATES);

/** An action point is `open` until its owner has done it; a `done` one leaves the follow-up list. */
export const ACTION_POINT_STATES = ['open', 'done'] as const;
export type ActionPointState = (typeof ACTION_POINT_STATES)[number];
export const ActionPointState = named(ACTION_POINT_STATES);

/** A co-chair of a meeting as the report prints them: `Director, DG SANTE`. */
export interface CoChair {
  name: string;
  function: string;
}

/**
 * What the meeting concluded on an item: blocks and footnotes of the cover notes' content model
 * (`note-blocks.ts`), without the note's three sections. Empty: nothing recorded yet.
 */
export interface Conclusions {
  blocks: Block[];
  footnotes: Footnote[];
}
export interface ConclusionsInput {
  blocks: BlockInput[];
  footnotes?: Footnote[];
}

export const NO_CONCLUSIONS: Conclusions = { blocks: [], footnotes: [] };

/**
 * Normalised exactly as a note's text (whitespace, links, every footnote cited): the
 * conclusions are checked as the one section of a note. Nothing typed clears them.
 */
export function normaliseConclusions(input: ConclusionsInput): Conclusions {
  const footnotes = input.footnotes ?? [];
  const hasText = input.blocks.some((block) => normaliseBlock(block) !== null);
  if (!hasText && footnotes.length === 0) return NO_CONCLUSIONS;
  const content = normaliseNoteContent({ sections: { [SectionKey.summary]: input.blocks }, footnotes });
  return { blocks: content.sections.summary, footnotes: content.footnotes };
}

/** One attendance entry as recorded: a representation names the person who stood in, no one else does. */
export function checkAttendance(entry: { personId: number; state: AttendanceState; representedById?: number | null }) {
  const isRepresented = entry.state === AttendanceState.represented;
  if (isRepresented && !entry.representedById)
    throw Errors.invalid.onField('representedById', 'A represented person needs the person who represented them.');
  if (!isRepresented && entry.representedById)
    throw Errors.invalid.onField('representedById', 'Only a represented person names who represented them.');
  if (entry.representedById === entry.personId)
    throw Errors.invalid.onField('representedById', 'A person cannot represent themselves.');
}

/** An action point has an owner: a person, or a delegation (a Member State, the Commission). */
export function checkOwner(owner: { ownerPersonId?: number | null; ownerDelegation?: string | null }) {
  const hasPerson = Boolean(owner.ownerPersonId);
  const hasDelegation = Boolean(owner.ownerDelegation?.trim());
  if (hasPerson === hasDelegation)
    throw Errors.invalid.onField('ownerPersonId', 'An action point has one owner: a person or a delegation.');
}
