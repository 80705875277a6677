import { ROLES } from '../../domain/roles.js';
import { termOf } from '../../rendering/html/glossary.js';
import { errorSummary, fieldViews, isRefused, type FormFields, type FormState } from './form-view.js';

const FILTER_FIELDS: FormFields = {
  q: { label: 'Name or email', id: 'filter-q' },
  role: { label: 'Role', id: 'filter-role' },
  memberState: { label: 'Member State', id: 'filter-member-state' },
  active: { label: 'Account', id: 'filter-active' },
};

const optionsOf = (chosen: string, options: [value: string, label: string][]) =>
  options.map(([value, label]) => ({ value, label, selected: value === chosen }));

/**
 * The people list's filter form (a GET form: the filtered list has its own address to share
 * or bookmark) with what was asked kept; a filter the schema refuses is said on its field.
 */
export function peopleFilterView(form: FormState, found: number) {
  const fields = fieldViews(form, FILTER_FIELDS);
  // A refused filter filters nothing: the whole list is shown, and said to be.
  const isFiltered = !isRefused(form) && Object.values(form.values).some((v) => v !== '');
  return {
    form: fields,
    roles: optionsOf(fields.role!.value, [
      ['', 'Any role'],
      ...ROLES.map((r): [string, string] => [r, termOf('role', r).label]),
    ]),
    states: optionsOf(fields.active!.value, [
      ['', 'Active or deactivated'],
      ['true', 'Active'],
      ['false', 'Deactivated'],
    ]),
    found: `${found} ${found === 1 ? 'person' : 'people'}${isFiltered ? ' found' : ''}`,
    isFiltered,
    errorSummary: errorSummary(form, FILTER_FIELDS),
  };
}
