import { markingLabel, type Marking } from '../../domain/audience.js';
import { formatOrdinal } from '../../domain/meeting-line.js';
import { MeetingStatus } from '../../domain/meeting-status.js';
import { Outcome, OUTCOMES } from '../../domain/note-workflow.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { MeetingView, NoteView } from '../../services/presenters.js';
import { isRefused, type FormState } from './form-view.js';

interface AnnexFacts {
  id: number;
  title: string;
  audience: string;
  audienceGroups: string[];
  fileName: string;
  size: number;
  createdAt: string;
}

/** A size as people read it: bytes below a kilobyte, then KB, then MB with one decimal. */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The annexes' table rows: every annex is a PDF (the ingest service admits no other kind). */
export const annexRows = (itemId: number, annexes: readonly AnnexFacts[]) =>
  annexes.map((annex) => ({
    id: annex.id,
    title: annex.title,
    fileName: annex.fileName,
    size: sizeInWords(annex.size),
    marking: markingLabel(annex as Marking),
    type: 'PDF',
    uploadedAt: annex.createdAt.slice(0, 16).replace('T', ' '),
    href: `/api/v1/items/${itemId}/annexes/${annex.id}`,
  }));

/** The outcomes to choose from, in plain words; the one recorded (or sent) is selected. */
export function outcomeChoices(form: FormState, note: NoteView) {
  const current = isRefused(form) ? form.values.outcome : (note.outcome ?? '');
  return OUTCOMES.map((value) => ({ value, label: termOf('outcome', value).label, selected: value === current }));
}

/** A postponed item goes to a planned meeting after this one: the meetings where carrying it over can work. */
export function carryOverChoices(form: FormState, from: MeetingView, meetings: readonly MeetingView[]) {
  const sent = isRefused(form) ? form.values.meetingId : '';
  return meetings
    .filter((m) => m.id !== from.id && m.status === MeetingStatus.planned && m.startDate > from.startDate)
    .map((m) => ({
      value: String(m.id),
      label: `${formatOrdinal(m.ordinal)} meeting, ${m.dates}, ${m.city}`,
      selected: sent === String(m.id),
    }));
}

export const isPostponed = (note: NoteView | null) => note?.outcome === Outcome.postponed;
