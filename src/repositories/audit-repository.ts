import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents, people } from '../db/schema/index.js';
import { GENESIS_HASH, hashAuditEvent, type AuditFields } from '../domain/audit-chain.js';

export type AuditRow = typeof auditEvents.$inferSelect;

/** The audit trail: a hash chain of workflow events, appended to and read, never changed. */
export function createAuditRepository(db: Db) {
  return {
    /** Appends an event to the chain. Runs inside the caller's transaction: the chain tip cannot move meanwhile. */
    append(fields: Omit<AuditFields, 'id'>): AuditRow {
      const last = db
        .select({ id: auditEvents.id, hash: auditEvents.hash })
        .from(auditEvents)
        .orderBy(desc(auditEvents.id))
        .limit(1)
        .get();
      const prevHash = last?.hash ?? GENESIS_HASH;
      const id = (last?.id ?? 0) + 1;
      const hash = hashAuditEvent(prevHash, { ...fields, id });
      return db
        .insert(auditEvents)
        .values({ ...fields, id, prevHash, hash })
        .returning()
        .get();
    },
    /** Streams the whole chain in id order: verifying it never loads the trail into memory. */
    *iterate(): Generator<AuditRow> {
      const rows = db.$client
        .prepare(
          `select id, note_id as noteId, item_id as itemId, event, from_state as fromState, to_state as toState,
                  actor_id as actorId, at, comment, version_hash as versionHash, prev_hash as prevHash, hash
           from audit_events order by id`,
        )
        .iterate() as IterableIterator<AuditRow>;
      yield* rows;
    },
    ofNote: (noteId: number) =>
      db
        .select({ event: auditEvents, actorName: people.name })
        .from(auditEvents)
        .leftJoin(people, eq(people.id, auditEvents.actorId))
        .where(eq(auditEvents.noteId, noteId))
        .orderBy(asc(auditEvents.id))
        .all(),
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
