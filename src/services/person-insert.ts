import { PersonAction } from '../domain/person-audit.js';
import type { Role, Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import type { PersonAudit } from './person-audit.js';

export interface PersonRecord {
  name: string;
  email: string;
  role: Role;
  organisation?: string | null;
  memberState?: string | null;
  passwordHash?: string | null;
}

/**
 * Writes a new person and its `created` audit entry: the one way a person comes to exist
 * (added one by one, or imported). Runs inside the caller's transaction; the caller has checked
 * the rules (who may give the role, the address free).
 */
export function createPersonInsert(ctx: ServiceContext, record: PersonAudit) {
  return (actor: Actor | null, person: PersonRecord) => {
    const inserted = ctx.repos.people.insert({
      name: person.name.trim(),
      email: person.email.trim(),
      role: person.role,
      organisation: person.organisation ?? null,
      memberState: person.memberState ?? null,
      passwordHash: person.passwordHash ?? null,
      createdAt: isoNow(ctx),
    });
    record(actor, PersonAction.created, {
      personId: inserted.id,
      detail: { role: inserted.role, memberState: inserted.memberState },
    });
    return inserted;
  };
}
