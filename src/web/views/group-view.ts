import { termOf } from '../../rendering/html/glossary.js';
import type { PersonView } from '../../services/presenters.js';
import type { HeaderParts } from '../page-kit.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const GROUPS = { label: 'Distribution groups', href: '/groups' };
const PEOPLE = { label: 'People', href: '/people' };

const GROUP_FIELDS: FormFields = {
  name: { label: 'Name', id: 'group-name' },
  description: { label: 'Description', id: 'group-description' },
};
const MEMBER_FIELDS: FormFields = { personIds: { label: 'Person', id: 'member-person' } };

interface GroupFacts {
  id: number;
  name: string;
  description: string | null;
  memberCount: number;
}

/** Every distribution group, and the form for a new one (kept after a refusal). */
export function groupsView(groups: GroupFacts[], form: FormState = EMPTY_FORM) {
  return {
    groups: groups.map((g) => ({ ...g, description: g.description ?? '' })),
    form: fieldViews(form, GROUP_FIELDS),
    errorSummary: errorSummary(form, GROUP_FIELDS),
    header: { breadcrumbs: [PEOPLE] } satisfies HeaderParts,
  };
}

/** Which of the group page's forms was refused: its details, or the person to add. */
export interface GroupForms {
  details?: FormState;
  member?: FormState;
}

/**
 * One group: its name and description to change, its members (each with a button to take
 * them out), the active people not in it to add, and the button that deletes it.
 */
export function groupView(group: GroupFacts & { members: PersonView[] }, people: PersonView[], forms: GroupForms = {}) {
  const details = forms.details ?? EMPTY_FORM;
  const member = forms.member ?? EMPTY_FORM;
  const inGroup = new Set(group.members.map((m) => m.id));
  const detailOf = (p: PersonView) => [termOf('role', p.role).label, p.memberState].filter(Boolean).join(', ');
  return {
    group,
    form: fieldViews(details, GROUP_FIELDS, { name: group.name, description: group.description ?? '' }),
    members: group.members.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      detail: detailOf(p),
      state: p.isActive ? '' : 'Deactivated: receives nothing',
    })),
    candidates: people
      .filter((p) => p.isActive && !inGroup.has(p.id))
      .map((p) => ({ value: String(p.id), label: `${p.name} (${detailOf(p)})`, selected: false })),
    memberError: member.errors.personIds ?? member.errors._form ?? null,
    errorSummary: [...errorSummary(details, GROUP_FIELDS), ...errorSummary(member, MEMBER_FIELDS)],
    header: { title: group.name, breadcrumbs: [PEOPLE, GROUPS] } satisfies HeaderParts,
  };
}
