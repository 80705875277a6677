import { NoteEvent, NoteState } from '../domain/note-workflow.js';
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
    /**
     * Of these items, those whose note is back with its rapporteurs after a review, with the
     * reason given: in drafting, its last workflow event a return, and its current version the
     * one that was returned (a new version clears it). One query for a whole agenda.
     */
    returnedOf(itemIds: readonly number[]): Map<number, string | null> {
      if (itemIds.length === 0) return new Map();
      const rows = db.$client
        .prepare(
          `select n.item_id as itemId, a.comment as reason from cover_notes n
           join audit_events a on a.id = (select max(id) from audit_events where note_id = n.id)
           left join note_versions v on v.id = n.current_version_id
           where n.item_id in (select value from json_each(?)) and n.state = ? and a.event = ?
             and v.content_hash is a.version_hash`,
        )
        .all(JSON.stringify(itemIds), NoteState.drafting, NoteEvent.return) as {
        itemId: number;
        reason: string | null;
      }[];
      return new Map(rows.map((r) => [r.itemId, r.reason]));
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
