import type { PersonAction } from '../domain/person-audit.js';
import type { Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';

export interface PersonAuditEntry {
  personId?: number | null;
  groupId?: number | null;
  /** Words or a JSON object of what changed; never a password, token or secret. */
  detail?: string | object | null;
}

/**
 * Records a change to a person, a role, a group or a credential in the people audit chain.
 * Call it inside the transaction that makes the change: the entry and the change land together.
 * `null` actor: the system (the CLI, or a person not signed in using a link).
 */
export function createPersonAudit(ctx: Pick<ServiceContext, 'repos' | 'now'>) {
  return (actor: Actor | null, action: PersonAction, entry: PersonAuditEntry = {}) => {
    const detail =
      entry.detail === undefined || entry.detail === null
        ? null
        : typeof entry.detail === 'string'
          ? entry.detail
          : JSON.stringify(entry.detail);
    return ctx.repos.personAudit.append({
      actorId: actor?.id ?? null,
      personId: entry.personId ?? null,
      groupId: entry.groupId ?? null,
      action,
      detail,
      at: isoNow(ctx),
    });
  };
}
export type PersonAudit = ReturnType<typeof createPersonAudit>;
