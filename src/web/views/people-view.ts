import { canGiveRole } from '../../domain/permissions.js';
import { Role, ROLES, type Actor } from '../../domain/roles.js';
import { termOf } from '../../rendering/html/glossary.js';
import { TEXT } from '../../rendering/html/text.js';
import type { PersonView } from '../../services/presenters.js';
import type { HeaderParts } from '../page-kit.js';
import { invitationLines } from './account-link-view.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const PEOPLE = { label: TEXT.people, href: '/people' };

const PERSON_FIELDS: FormFields = {
  name: { label: 'Name', id: 'person-name' },
  email: { label: TEXT.email, id: 'person-email' },
  role: { label: 'Role', id: 'person-role' },
  organisation: { label: 'Organisation', id: 'person-organisation' },
  memberState: { label: 'Member State', id: 'person-member-state' },
  password: { label: TEXT.password, id: 'person-password' },
  invite: { label: 'Invitation', id: 'person-invite' },
  isActive: { label: 'Account', id: 'person-active' },
};

/** A person's delegation in plain words: organisation and Member State, either or both. */
const delegationOf = (p: PersonView) => [p.organisation, p.memberState].filter(Boolean).join(', ');

/** Everybody with an account, for the secretariat: name, email, role in words, delegation. */
export function peopleView(list: PersonView[]) {
  return {
    people: list.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      role: termOf('role', p.role).label,
      delegation: delegationOf(p),
      state: !p.isActive ? 'Deactivated' : p.canSignIn ? 'Active' : 'Cannot sign in (no password)',
    })),
  };
}

/** The roles this person may give, in words; the one chosen selected. Roles they may not give are not offered. */
function roleOptions(actor: Actor, chosen: string) {
  return ROLES.filter((role) => canGiveRole(actor, role)).map((role) => ({
    value: role,
    label: termOf('role', role).label,
    selected: role === chosen,
  }));
}

/** The form for a new account; after a refusal, what was typed (never the password) and the messages. */
export function newPersonView(actor: Actor, form: FormState = EMPTY_FORM) {
  const shown: FormState = { ...form, values: { ...form.values, password: '' } };
  const fields = fieldViews(shown, PERSON_FIELDS, { role: Role.delegate, invite: 'true' });
  return {
    form: fields,
    inviteOptions: [
      { value: 'true', label: 'Mail an invitation to choose a password', selected: fields.invite!.value === 'true' },
      { value: 'false', label: 'Do not invite now', selected: fields.invite!.value !== 'true' },
    ],
    roles: roleOptions(actor, fields.role!.value),
    errorSummary: errorSummary(shown, PERSON_FIELDS),
    header: { breadcrumbs: [PEOPLE] } satisfies HeaderParts,
  };
}

/**
 * One person: the form to change their name, role, delegation and whether the account is
 * active, when this person may change them (the secretariat does not change a colleague's
 * account); otherwise their facts only.
 */
export function personView(
  actor: Actor,
  person: PersonView,
  form: FormState = EMPTY_FORM,
  invitation: Parameters<typeof invitationLines>[0] = null,
) {
  const fields = fieldViews(form, PERSON_FIELDS, {
    name: person.name,
    role: person.role,
    organisation: person.organisation ?? '',
    memberState: person.memberState ?? '',
    isActive: String(person.isActive),
  });
  return {
    profile: { ...peopleView([person]).people[0]!, packetFormat: termOf('packetFormat', person.packetFormat).label },
    canChange: canGiveRole(actor, person.role),
    invitation: invitationLines(invitation),
    canInvite: canGiveRole(actor, person.role) && person.isActive && !person.canSignIn,
    isSelf: actor.id === person.id,
    form: fields,
    roles: roleOptions(actor, fields.role!.value),
    activeOptions: [
      { value: 'true', label: 'Active', selected: fields.isActive!.value === 'true' },
      {
        value: 'false',
        label: 'Deactivated (signed out, cannot sign in)',
        selected: fields.isActive!.value === 'false',
      },
    ],
    errorSummary: errorSummary(form, PERSON_FIELDS),
    header: { title: person.name, breadcrumbs: [PEOPLE], meta: [person.email] } satisfies HeaderParts,
  };
}
