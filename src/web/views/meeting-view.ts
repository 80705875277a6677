import { MAX_AGENDA_DEPTH } from '../../domain/agenda-numbering.js';
import { canBeRapporteur, canManageAgenda } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import { TEXT } from '../../rendering/html/text.js';
import type { ItemView, MeetingView, PersonView } from '../../services/presenters.js';
import { meetingHeader } from './page-headers.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

/** The forms of a meeting's page: a new agenda item, moving one, ordering the whole agenda. */
const MEETING_PAGE_FORM: FormFields = {
  title: { label: TEXT.title, id: 'item-title' },
  parentId: { label: TEXT.underItem, id: 'item-parent' },
  rapporteurIds: { label: TEXT.rapporteur, id: 'item-rapporteur' },
  position: { label: TEXT.agenda, id: 'agenda' },
  items: { label: TEXT.agenda, id: 'agenda' },
};

/** What a meeting's page shows; the status and the people are the secretariat's (empty for others). */
export interface MeetingPageFacts {
  meeting: MeetingView;
  items: readonly ItemView[];
  status: readonly { state: string; procedure: string | null }[];
  people: readonly PersonView[];
}

/** An item as the agenda shows it: its state in plain words, its place among its siblings. */
interface AgendaEntry extends ItemView {
  depth: number;
  stateCode: string;
  procedure: string | null;
  rapporteurNames: string;
  isFirst: boolean;
  isLast: boolean;
  upPosition: number;
  downPosition: number;
  children: AgendaEntry[];
}

/** The agenda as a tree (items arrive in agenda order), each item knowing whether it can move up or down. */
function agendaTree(items: readonly ItemView[]): AgendaEntry[] {
  const entries = new Map<number, AgendaEntry>();
  const roots: AgendaEntry[] = [];
  for (const item of items) {
    const entry: AgendaEntry = {
      ...item,
      depth: item.number.split('.').length,
      stateCode: !item.note ? 'noNote' : item.note.returned ? 'returned' : item.note.state,
      procedure: item.note?.procedure ?? null,
      rapporteurNames: item.rapporteurs.map((r) => r.name).join(', '),
      isFirst: false,
      isLast: false,
      upPosition: Math.max(1, item.position - 1),
      downPosition: item.position + 1,
      children: [],
    };
    entries.set(item.id, entry);
    const parent = item.parentId === null ? undefined : entries.get(item.parentId);
    (parent ? parent.children : roots).push(entry);
  }
  const mark = (siblings: AgendaEntry[]) =>
    siblings.forEach((entry, index) => {
      entry.isFirst = index === 0;
      entry.isLast = index === siblings.length - 1;
      mark(entry.children);
    });
  mark(roots);
  return roots;
}

/** A meeting's page: its agenda, its status and (for the secretariat) its forms, possibly refused. */
export function meetingPageView(actor: Actor, facts: MeetingPageFacts, form: FormState = EMPTY_FORM) {
  const { meeting } = facts;
  const canManage = canManageAgenda(actor);
  const chosen = form.values.rapporteurIds;
  return {
    header: meetingHeader(meeting),
    meeting,
    agenda: agendaTree(facts.items),
    canManage,
    sortable: canManage && facts.items.length > 1,
    // Only an item that is not at the deepest level can take a sub-item.
    parents: [
      { value: '', label: TEXT.topLevel, selected: !form.values.parentId },
      ...facts.items
        .filter((i) => i.number.split('.').length < MAX_AGENDA_DEPTH)
        .map((i) => ({
          value: String(i.id),
          label: `${i.number} ${i.title}`,
          selected: String(i.id) === form.values.parentId,
        })),
    ],
    form: fieldViews(form, MEETING_PAGE_FORM),
    errorSummary: errorSummary(form, MEETING_PAGE_FORM),
    status: facts.status.map((row) => ({ ...row, stateCode: row.state })),
    rapporteurs: facts.people
      .filter(canBeRapporteur)
      .map((p) => ({ value: String(p.id), label: p.name, selected: String(p.id) === chosen })),
  };
}
