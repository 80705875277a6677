import { MEETING_STATUSES } from '../../domain/meeting-status.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { MeetingView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormState } from './form-view.js';
import { MEETING_FORM } from './meetings-view.js';
import { underMeetingHeader } from './page-headers.js';

export const EDIT_TITLE = 'Change the meeting';

/**
 * A question the page asks before it acts: cancel the meeting (its invitation is withdrawn),
 * delete it, or delete it with its written notes (when the service says it holds some).
 */
export type Confirmation =
  { kind: 'cancel'; values: Record<string, string> } | { kind: 'delete' } | { kind: 'force'; refusal: string };

const CONFIRM_TEXT = {
  cancel: {
    title: 'Cancel this meeting?',
    text: 'The invitation is withdrawn: everyone invited receives a cancellation. Items can no longer be carried over to it.',
    button: 'Yes, cancel the meeting',
  },
  delete: {
    title: 'Delete this meeting?',
    text: 'The meeting and its agenda are removed. This cannot be undone; to keep its record, cancel it instead.',
    button: 'Yes, delete the meeting',
  },
  force: {
    title: 'Delete the meeting and its notes?',
    text: 'Every written note of its items is deleted with it. This cannot be undone.',
    button: 'Delete the meeting and its notes',
  },
} as const;

/** What the meeting holds, as the form starts from: the stored values in the fields' words. */
const storedValues = (m: MeetingView): Record<string, string> => ({
  ordinal: String(m.ordinal),
  startDate: m.startDate,
  endDate: m.endDate,
  city: m.city,
  country: m.country,
  draftingDeadline: m.draftingDeadline ?? '',
  status: m.status,
});

/** The page that changes a meeting (dates, place, deadline, status), cancels or deletes it. */
export function meetingEditView(
  meeting: MeetingView,
  form: FormState = EMPTY_FORM,
  confirm: Confirmation | null = null,
) {
  const fields = fieldViews(form, MEETING_FORM, storedValues(meeting));
  const status = fields.status!.value;
  return {
    header: underMeetingHeader(meeting, EDIT_TITLE),
    errorSummary: errorSummary(form, MEETING_FORM),
    meeting,
    form: fields,
    statuses: MEETING_STATUSES.map((value) => ({
      value,
      label: termOf('meetingStatus', value).label,
      selected: value === status,
    })),
    confirm: confirm && {
      ...CONFIRM_TEXT[confirm.kind],
      kind: confirm.kind,
      action: confirm.kind === 'cancel' ? `/meetings/${meeting.id}/edit` : `/meetings/${meeting.id}/delete`,
      hidden: confirm.kind === 'cancel' ? Object.entries(confirm.values).map(([name, value]) => ({ name, value })) : [],
      force: confirm.kind === 'force',
      refusal: confirm.kind === 'force' ? confirm.refusal : null,
    },
  };
}
