import { Errors } from '../domain/errors.js';
import { checkNewPassword } from '../domain/password-policy.js';
import { commonPasswords } from './common-passwords.js';
import type { PacketFormat } from '../domain/packet-content.js';
import { assertCanChangePerson, assertCanManagePeople, isOwnPreferenceChange } from '../domain/permissions.js';
import { isStaff, Role, type Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { presentPerson } from './presenters.js';
import { hashPassword } from './secrets.js';
import { createPersonAudit } from './person-audit.js';
import { createPersonInsert } from './person-insert.js';
import { PersonAction } from '../domain/person-audit.js';
import type { PersonRow } from '../repositories/people-repository.js';
import { CANCELLED_DEACTIVATED } from '../repositories/mail-repository.js';

export interface NewPersonInput {
  name: string;
  email: string;
  role: Role;
  organisation?: string | null;
  memberState?: string | null;
  password?: string;
  /** Mail an invitation to choose a password (for an account made without one). */
  invite?: boolean;
}

export interface PersonChanges {
  name?: string;
  role?: Role;
  organisation?: string | null;
  memberState?: string | null;
  isActive?: boolean;
  packetFormat?: PacketFormat;
}

export interface PeopleHooks {
  invite: (actor: Actor | 'system', personId: number) => unknown;
}

export function createPeopleService(ctx: ServiceContext, hooks: PeopleHooks) {
  const { people } = ctx.repos;
  const record = createPersonAudit(ctx);
  const insertPerson = createPersonInsert(ctx, record);

  /** One audit entry per kind of change: a role, the account's state, the rest by field name. */
  function recordChanges(actor: Actor, before: PersonRow, changes: PersonChanges) {
    const personId = before.id;
    if (changes.role !== undefined && changes.role !== before.role)
      record(actor, PersonAction.roleChanged, { personId, detail: { from: before.role, to: changes.role } });
    if (changes.isActive === false && before.isActive) record(actor, PersonAction.deactivated, { personId });
    if (changes.isActive === true && !before.isActive) record(actor, PersonAction.reactivated, { personId });
    const fields = Object.keys(changes).filter(
      (k) => k !== 'role' && k !== 'isActive' && changes[k as keyof PersonChanges] !== before[k as keyof PersonRow],
    );
    if (fields.length > 0) record(actor, PersonAction.changed, { personId, detail: { fields } });
  }

  /**
   * Deactivation is immediate: signed out everywhere, every API token revoked, open invitation
   * and reset links revoked, and mail still waiting for the person cancelled. The record stays.
   */
  function deactivate(id: number, at: string) {
    people.deleteSessionsOf(id);
    people.revokeTokensOf(id, at);
    ctx.repos.personLinks.revokeOpen(id, at);
    ctx.repos.mail.cancelPendingOf(id, CANCELLED_DEACTIVATED);
  }

  function findOrThrow(id: number) {
    const person = people.findById(id);
    if (!person) throw Errors.notFound(`Person ${id} does not exist.`);
    return person;
  }

  return {
    list(actor: Actor) {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat sees the list of people.');
      return people.list().map(presentPerson);
    },

    get(actor: Actor, id: number) {
      if (!isStaff(actor.role) && actor.id !== id) throw Errors.forbidden('Only the secretariat sees other people.');
      return presentPerson(findOrThrow(id));
    },

    /** Creates an account; without a password the person exists (as a rapporteur, say) but cannot sign in yet. */
    async create(actor: Actor | 'system', input: NewPersonInput) {
      if (actor !== 'system') assertCanManagePeople(actor, input.role);
      const email = input.email.trim();
      if (people.findByEmail(email))
        throw Errors.duplicateEmail.onField('email', `${email} already belongs to somebody.`);
      if (input.password) checkNewPassword(input.password, commonPasswords());
      if (input.password && input.invite)
        throw Errors.invalid.onField('invite', 'An account given a password needs no invitation.');
      const passwordHash = input.password ? await hashPassword(input.password, ctx.scryptLogN) : null;
      // Checked again after the await: another request may have taken the address meanwhile.
      if (people.findByEmail(email))
        throw Errors.duplicateEmail.onField('email', `${email} already belongs to somebody.`);
      const row = ctx.transaction(() =>
        insertPerson(actor === 'system' ? null : actor, { ...input, email, passwordHash }),
      );
      if (input.invite) hooks.invite(actor, row.id);
      return presentPerson(row);
    },

    update(actor: Actor, id: number, changes: PersonChanges) {
      const person = findOrThrow(id);
      // Everybody sets their own preferences (how packets come); the rest is the secretariat's.
      if (!isOwnPreferenceChange(actor, id, changes)) assertCanChangePerson(actor, person, changes);
      return ctx.transaction(() => {
        const at = isoNow(ctx);
        const closing = changes.isActive === false && person.isActive;
        const reopening = changes.isActive === true && !person.isActive;
        const deactivatedAt = closing ? { deactivatedAt: at } : reopening ? { deactivatedAt: null } : {};
        const row = people.update(id, { ...changes, ...deactivatedAt })!;
        if (closing) deactivate(id, at);
        recordChanges(actor, person, changes);
        return presentPerson(row);
      });
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
