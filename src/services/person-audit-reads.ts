import { assertCanManagePeople } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import type { ServiceContext } from './context.js';

/** The people audit as the secretariat reads it: newest first, with names instead of ids. */
export function createPersonAuditReads(ctx: ServiceContext) {
  const { personAudit, people } = ctx.repos;
  return {
    list(actor: Actor, filter: { personId?: number; limit?: number } = {}) {
      assertCanManagePeople(actor);
      const limit = Math.min(filter.limit ?? 100, 500);
      const rows =
        filter.personId === undefined ? personAudit.recent(limit) : personAudit.aboutPerson(filter.personId, limit);
      const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.personId]).filter((id): id is number => id !== null))];
      const names = new Map(people.findByIds(ids).map((p) => [p.id, p.name]));
      const named = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? `person ${id}` });
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        action: r.action,
        actor: named(r.actorId),
        person: named(r.personId),
        groupId: r.groupId,
        detail: r.detail,
      }));
    },
  };
}
