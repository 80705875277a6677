import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { personAuditEvents } from '../db/schema/index.js';
import { GENESIS_HASH } from '../domain/audit-chain.js';
import { hashPersonAuditEvent, type PersonAuditFields } from '../domain/person-audit.js';

export type PersonAuditRow = typeof personAuditEvents.$inferSelect;

/** The people audit: its own hash chain, appended to inside the change's transaction, never changed. */
export function createPersonAuditRepository(db: Db) {
  return {
    append(fields: Omit<PersonAuditFields, 'id'>): PersonAuditRow {
      const last = db
        .select({ id: personAuditEvents.id, hash: personAuditEvents.hash })
        .from(personAuditEvents)
        .orderBy(desc(personAuditEvents.id))
        .limit(1)
        .get();
      const prevHash = last?.hash ?? GENESIS_HASH;
      const id = (last?.id ?? 0) + 1;
      const hash = hashPersonAuditEvent(prevHash, { ...fields, id });
      return db
        .insert(personAuditEvents)
        .values({ ...fields, id, prevHash, hash })
        .returning()
        .get();
    },
    *iterate(): Generator<PersonAuditRow> {
      const rows = db.$client
        .prepare(
          `select id, actor_id as actorId, person_id as personId, group_id as groupId, action, detail, at,
                  prev_hash as prevHash, hash from person_audit_events order by id`,
        )
        .iterate() as IterableIterator<PersonAuditRow>;
      yield* rows;
    },
    /** The newest first: what was done to this person, or by them. */
    aboutPerson: (personId: number, limit = 200) =>
      db
        .select()
        .from(personAuditEvents)
        .where(or(eq(personAuditEvents.personId, personId), eq(personAuditEvents.actorId, personId)))
        .orderBy(desc(personAuditEvents.id))
        .limit(limit)
        .all(),
    recent: (limit = 200) => db.select().from(personAuditEvents).orderBy(desc(personAuditEvents.id)).limit(limit).all(),
  };
}
export type PersonAuditRepository = ReturnType<typeof createPersonAuditRepository>;
