import { AUDIENCE_GROUPS } from '../../domain/audience.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { MeetingView, PersonView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, type FormFields, type FormState } from './form-view.js';
import { underMeetingHeader } from './page-headers.js';

interface RecipientRow {
  list: string;
  id: number;
  name: string;
  email: string;
  memberState: string | null;
}

const RECIPIENTS_FORM: FormFields = {
  list: { label: 'List', id: 'recipients-delegates' },
  personIds: { label: 'People', id: 'recipients-delegates' },
};

/**
 * The meeting's recipient lists: who is on each, and one form per list to change it (every
 * active person offered; a deactivated one cannot receive mail). A refused form keeps the ticks.
 */
export function recipientsView(
  meeting: MeetingView,
  rows: readonly RecipientRow[],
  people: readonly PersonView[],
  refused: { form: FormState; list: string; personIds: readonly string[] } = {
    form: EMPTY_FORM,
    list: '',
    personIds: [],
  },
) {
  const active = people.filter((p) => p.isActive).sort((a, b) => a.name.localeCompare(b.name));
  return {
    header: underMeetingHeader(meeting, 'Recipient lists'),
    meeting,
    empty: rows.length === 0,
    lists: AUDIENCE_GROUPS.map((list) => {
      const members = rows.filter((r) => r.list === list);
      const isRefused = refused.list === list;
      const onList = (id: number) =>
        isRefused ? refused.personIds.includes(String(id)) : members.some((m) => m.id === id);
      return {
        value: list,
        label: termOf('group', list).label,
        members,
        error: isRefused ? (Object.values(refused.form.errors)[0] ?? null) : null,
        people: active.map((p) => ({
          id: p.id,
          name: p.name,
          detail: [termOf('role', p.role).label, p.memberState].filter(Boolean).join(', '),
          checked: onList(p.id),
        })),
      };
    }),
    errorSummary: errorSummary(refused.form, RECIPIENTS_FORM),
  };
}
