import { AUDIENCE_GROUPS } from '../../domain/audience.js';
import { termOf } from '../../rendering/html/glossary.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const FIELDS: FormFields = {
  groupId: { label: 'Distribution group', id: 'from-group' },
  list: { label: 'Recipient list', id: 'from-group-list' },
};

/** The recipients page's form that adds a distribution group's active members to one of the lists. */
export function recipientGroupView(
  groups: { id: number; name: string; memberCount: number }[],
  form = EMPTY_FORM as FormState,
) {
  const fields = fieldViews(form, FIELDS);
  return {
    hasGroups: groups.length > 0,
    form: fields,
    groups: groups.map((g) => ({
      value: String(g.id),
      label: `${g.name} (${g.memberCount} ${g.memberCount === 1 ? 'member' : 'members'})`,
      selected: fields.groupId!.value === String(g.id),
    })),
    lists: AUDIENCE_GROUPS.map((list) => ({
      value: list,
      label: termOf('group', list).label,
      selected: fields.list!.value === list,
    })),
    errorSummary: errorSummary(form, FIELDS),
  };
}
