import { AUDIENCE_GROUPS, AUDIENCES } from '../../domain/audience.js';
import { possibleParents } from '../../domain/agenda-parents.js';
import { canBeRapporteur } from '../../domain/permissions.js';
import { termOf } from '../../rendering/html/glossary.js';
import { TEXT } from '../../rendering/html/text.js';
import type { ItemView, PersonView } from '../../services/presenters.js';
import { isRefused, type FormState } from './form-view.js';

const AUDIENCE_CHOICES = {
  public: TEXT.audiencePublic,
  network: TEXT.audienceNetwork,
  limited: TEXT.audienceLimited,
} as const;

/** A refused form's value of a field, or else the item's own. A refused form keeps one value per field. */
const chosen = (form: FormState, name: string, stored: string) =>
  isRefused(form) ? (form.values[name] ?? '') : stored;

/**
 * The item's settings: its title (the field partial reads it), where it sits (only the parents
 * that can hold it, as the agenda service would place it) and its marking.
 */
export function settingsChoices(form: FormState, item: ItemView, agenda: readonly ItemView[]) {
  const allowed = new Set(possibleParents(agenda, item.id));
  const parent = chosen(form, 'parentId', String(item.parentId ?? ''));
  const audience = chosen(form, 'audience', item.audience);
  const groups = isRefused(form) ? [form.values.audienceGroups ?? ''] : item.audienceGroups;
  return {
    parents: [
      { value: '', label: TEXT.topLevel, selected: parent === '' },
      ...agenda
        .filter((other) => allowed.has(other.id))
        .map((other) => ({
          value: String(other.id),
          label: `${other.number} ${other.title}`,
          selected: parent === String(other.id),
        })),
    ],
    ...markingChoices('item', audience, groups),
  };
}

/** A marking's choices, as stored or as sent: the distribution's radios and the groups' boxes. */
export function markingChoices(idPrefix: string, audience: string, groups: readonly string[]) {
  return {
    audiences: AUDIENCES.map((value) => ({
      id: `${idPrefix}-audience-${value}`,
      value,
      label: AUDIENCE_CHOICES[value],
      checked: value === audience,
    })),
    groups: AUDIENCE_GROUPS.map((value) => ({
      id: `${idPrefix}-group-${value}`,
      value,
      label: termOf('group', value).label,
      checked: groups.includes(value),
    })),
  };
}

/** The people who may be the item's rapporteurs (active rapporteurs), ticked as named or as sent. */
export function rapporteurChoices(form: FormState, item: ItemView, people: readonly PersonView[]) {
  const named = isRefused(form)
    ? [form.values.rapporteurIds ?? '']
    : item.rapporteurs.map((rapporteur) => String(rapporteur.id));
  return people
    .filter((person) => canBeRapporteur(person))
    .map((person) => ({
      id: `item-rapporteur-${person.id}`,
      value: String(person.id),
      label: person.name,
      checked: named.includes(String(person.id)),
    }));
}
