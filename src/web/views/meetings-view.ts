import { formatOrdinal } from '../../domain/meeting-line.js';
import { canManageAgenda } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import { TEXT } from '../../rendering/html/text.js';
import type { MeetingView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, type FormFields, type FormState } from './form-view.js';

const MEETING_FIELDS = [
  ['ordinal', TEXT.ordinal, 'number'],
  ['startDate', TEXT.startDate, 'date'],
  ['endDate', TEXT.endDate, 'date'],
  ['city', TEXT.city, 'text'],
  ['country', TEXT.country, 'text'],
  ['draftingDeadline', TEXT.draftingDeadline, 'date'],
] as const;
const MEETING_FORM: FormFields = Object.fromEntries(
  MEETING_FIELDS.map(([name, label]) => [name, { label, id: `f-${name}` }]),
);

/** The meetings page: every meeting, and for the secretariat the form of a new one (possibly refused). */
export function meetingsView(actor: Actor, meetings: readonly MeetingView[], form: FormState = EMPTY_FORM) {
  return {
    errorSummary: errorSummary(form, MEETING_FORM),
    meetings: meetings.map((m) => ({ ...m, ordinalText: formatOrdinal(m.ordinal) })),
    canManage: canManageAgenda(actor),
    fields: MEETING_FIELDS.map(([name, label, type]) => ({
      name,
      label,
      type,
      value: form.values[name] ?? '',
      error: form.errors[name] ?? null,
    })),
  };
}
