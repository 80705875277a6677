import { canBeRapporteur, canManageAgenda } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import { TEXT } from '../../rendering/html/text.js';
import type { ItemView, MeetingView, PersonView } from '../../services/presenters.js';
import { meetingHeader } from './page-headers.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

/** The forms of a meeting's page: a new agenda item, moving one, and the packet. */
const MEETING_PAGE_FORM: FormFields = {
  title: { label: TEXT.title, id: 'item-title' },
  parentId: { label: TEXT.underItem, id: 'item-parent' },
  rapporteurIds: { label: TEXT.rapporteur, id: 'item-rapporteur' },
  position: { label: TEXT.agenda, id: 'agenda' },
  subject: { label: 'Subject', id: 'packet-subject' },
  message: { label: 'Message', id: 'packet-message' },
};
const packetDefaults = (displayLine: string) => ({
  subject: `Documents for the ${displayLine}`,
  message:
    'Dear {{recipient.name}},\n\nplease find the agenda and the released cover notes for the meeting of {{meeting.dates}} in {{meeting.city}}.',
});

/** What a meeting's page shows; the status and the people are the secretariat's (empty for others). */
export interface MeetingPageFacts {
  meeting: MeetingView;
  items: readonly ItemView[];
  status: readonly object[];
  people: readonly PersonView[];
}

/** A meeting's page: its agenda, its status and (for the secretariat) its forms, possibly refused. */
export function meetingPageView(actor: Actor, facts: MeetingPageFacts, form: FormState = EMPTY_FORM) {
  const { meeting } = facts;
  return {
    header: meetingHeader(meeting),
    meeting,
    items: facts.items.map((i) => ({
      ...i,
      indent: i.number.split('.').length,
      upPosition: Math.max(1, i.position - 1),
      downPosition: i.position + 1,
      selected: String(i.id) === form.values.parentId,
    })),
    canManage: canManageAgenda(actor),
    form: fieldViews(form, MEETING_PAGE_FORM, packetDefaults(meeting.displayLine)),
    errorSummary: errorSummary(form, MEETING_PAGE_FORM),
    status: facts.status,
    rapporteurs: facts.people
      .filter(canBeRapporteur)
      .map((p) => ({ ...p, selected: String(p.id) === form.values.rapporteurIds })),
  };
}
