import { Errors } from './errors.js';
import {
  normaliseConclusions,
  type AttendanceState,
  type CoChair,
  type Conclusions,
  type ConclusionsInput,
  type MeetingFormat,
} from './meeting-record.js';
import { NoteEvent, NoteState, Outcome } from './note-workflow.js';
import { isStaff, type Actor } from './roles.js';
import { named } from './words.js';

/**
 * The summary report's own workflow. It borrows the note's words where they mean the same
 * (drafting, review, released), and ends `adopted`: the report is released for the members'
 * comments and adopted at a later meeting, under an item of that meeting's agenda.
 */
export const REPORT_STATES = [NoteState.drafting, NoteState.review, NoteState.released, Outcome.adopted] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const ReportState = named(REPORT_STATES);

/** The one event only a report has. */
export const REPORT_ADOPTION_EVENTS = ['adopt'] as const;
export const REPORT_EVENTS = [
  NoteEvent.submit,
  NoteEvent.return,
  NoteEvent.release,
  NoteEvent.reopen,
  ...REPORT_ADOPTION_EVENTS,
] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];
export const ReportEvent = named(REPORT_EVENTS);

/** How a version of the report came to be: assembled from the record, edited in place, or uploaded. */
export const REPORT_VERSION_SOURCES = ['assembled', 'edited', 'uploaded'] as const;
export type ReportVersionSource = (typeof REPORT_VERSION_SOURCES)[number];
export const ReportVersionSource = named(REPORT_VERSION_SOURCES);

interface ReportRule {
  from: readonly ReportState[];
  to: ReportState;
  /** What the event must carry: a reason, or the later meeting's item that adopted the report. */
  needs?: 'comment' | 'adoptionItem';
}

/** Every move of a report, as one table; only the secretariat moves a report. */
export const REPORT_WORKFLOW: Readonly<Record<ReportEvent, ReportRule>> = {
  submit: { from: [ReportState.drafting], to: ReportState.review },
  return: { from: [ReportState.review], to: ReportState.drafting, needs: 'comment' },
  release: { from: [ReportState.review], to: ReportState.released },
  reopen: { from: [ReportState.released], to: ReportState.drafting, needs: 'comment' },
  adopt: { from: [ReportState.released], to: ReportState.adopted, needs: 'adoptionItem' },
};

export function allowedReportEvents(state: ReportState): ReportEvent[] {
  return REPORT_EVENTS.filter((event) => REPORT_WORKFLOW[event].from.includes(state));
}

/** Drafting and review: the text may still change. */
export const isEditable = (state: ReportState) => state === ReportState.drafting || state === ReportState.review;

/**
 * The state after `event`, or a coded error: 403 for anyone but staff, 409 with the allowed
 * events when the state does not allow it, 422 when the event lacks its reason or item.
 */
export function reportTransition(
  state: ReportState,
  event: ReportEvent,
  facts: { actor: Actor; comment?: string | null; adoptionItemId?: number | null },
): ReportState {
  if (!isStaff(facts.actor.role)) throw Errors.forbidden('Only the secretariat moves a summary report.');
  const rule = REPORT_WORKFLOW[event];
  if (!rule.from.includes(state)) {
    const allowed = allowedReportEvents(state);
    throw Errors.invalidTransition(
      `A summary report in ${state} cannot ${event}; allowed from ${state}: ${allowed.length > 0 ? allowed.join(', ') : 'nothing, it is final'}.`,
      { state, event, allowedEvents: allowed },
    );
  }
  if (rule.needs === 'comment' && !facts.comment?.trim())
    throw Errors.invalid.onField('comment', `To ${event} the summary report, say why in a comment.`);
  if (rule.needs === 'adoptionItem' && !facts.adoptionItemId)
    throw Errors.invalid.onField('adoptionItemId', "Name the later meeting's agenda item that adopted the report.");
  return rule.to;
}

/** An action point as a version of the report prints it: worded, not linked to the record. */
export interface ReportActionPoint {
  itemNumber: string;
  what: string;
  owner: string;
  dueDate: string | null;
  state: string;
}

export interface ReportItemText {
  itemId: number;
  number: string;
  title: string;
  depth: number;
  procedure: string | null;
  outcome: string | null;
  conclusions: Conclusions;
  actionPoints: ReportActionPoint[];
}

export interface ReportAttendance {
  name: string;
  delegation: string | null;
  state: AttendanceState | null;
  representedBy: { name: string; delegation: string | null } | null;
}

/**
 * What one version of the report says, whole: a released version does not move when the
 * record changes afterwards. Assembled from the record; the opening and each item's
 * conclusions are then the secretariat's to edit.
 */
export interface ReportText {
  format: MeetingFormat | null;
  coChairs: CoChair[];
  opening: Conclusions;
  items: ReportItemText[];
  attendance: ReportAttendance[];
}

/** Changes to a report's words: the opening, and the conclusions of the items named. */
export interface ReportTextChanges {
  opening?: ConclusionsInput;
  items?: { itemId: number; conclusions: ConclusionsInput }[];
}

/** The text after the changes, each part normalised as a note's text; an item not in the report is refused. */
export function editReportText(text: ReportText, changes: ReportTextChanges): ReportText {
  const byItem = new Map<number, Conclusions>();
  for (const [i, change] of (changes.items ?? []).entries()) {
    if (!text.items.some((item) => item.itemId === change.itemId))
      throw Errors.invalid.onField(`items.${i}.itemId`, `Item ${change.itemId} is not in this summary report.`);
    byItem.set(change.itemId, normaliseConclusions(change.conclusions));
  }
  return {
    ...text,
    opening: changes.opening ? normaliseConclusions(changes.opening) : text.opening,
    items: text.items.map((item) => ({ ...item, conclusions: byItem.get(item.itemId) ?? item.conclusions })),
  };
}

/** Where a version's text changed nothing, it is not a new version. */
export const sameText = (a: ReportText, b: ReportText) => JSON.stringify(a) === JSON.stringify(b);
