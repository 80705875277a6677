import { formatOrdinal } from '../../domain/meeting-line.js';
import { canManageAgenda } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import { TEXT } from '../../rendering/html/text.js';
import type { MeetingView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

/** A page of the meetings list holds this many; more go to the next page (`?page=2`). */
export const MEETINGS_PER_PAGE = 25;

export const MEETING_FORM: FormFields = {
  networkId: { label: TEXT.network, id: 'f-networkId' },
  ordinal: { label: TEXT.ordinal, id: 'f-ordinal' },
  startDate: { label: TEXT.startDate, id: 'f-startDate' },
  endDate: { label: TEXT.endDate, id: 'f-endDate' },
  city: { label: TEXT.city, id: 'f-city' },
  country: { label: TEXT.country, id: 'f-country' },
  draftingDeadline: { label: TEXT.draftingDeadline, id: 'f-draftingDeadline' },
  status: { label: TEXT.meetingStatus, id: 'f-status' },
};

/** The list's pages: the one shown, and links to the one before, after and each of them. */
function pagination(total: number, requested: number) {
  const count = Math.max(1, Math.ceil(total / MEETINGS_PER_PAGE));
  const current = Math.min(Math.max(1, requested), count);
  const link = (n: number) => ({ number: n, href: `/meetings?page=${n}`, current: n === current });
  return {
    current,
    shown: count > 1,
    previous: current > 1 ? link(current - 1) : null,
    next: current < count ? link(current + 1) : null,
    pages: Array.from({ length: count }, (_, i) => link(i + 1)),
  };
}

export interface MeetingsFacts {
  meetings: readonly MeetingView[];
  networks: readonly { id: number; name: string }[];
  page: number;
}

/** The meetings page: a page of meetings, and for the secretariat the form of a new one (possibly refused). */
export function meetingsView(actor: Actor, facts: MeetingsFacts, form: FormState = EMPTY_FORM) {
  const pages = pagination(facts.meetings.length, facts.page);
  const start = (pages.current - 1) * MEETINGS_PER_PAGE;
  return {
    errorSummary: errorSummary(form, MEETING_FORM),
    meetings: facts.meetings.slice(start, start + MEETINGS_PER_PAGE).map((m) => ({
      ...m,
      name: `${formatOrdinal(m.ordinal)} ${m.network.name} meeting`,
    })),
    pagination: pages,
    canManage: canManageAgenda(actor),
    form: fieldViews(form, MEETING_FORM),
    // One network needs no choice: the service takes the only one.
    networks:
      facts.networks.length > 1
        ? facts.networks.map((n) => ({
            value: String(n.id),
            label: n.name,
            selected: String(n.id) === form.values.networkId,
          }))
        : null,
  };
}
