import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents, coverNotes, notifications, people, reviewComments } from '../db/schema/index.js';
import { GENESIS_HASH, hashAuditEvent, type AuditFields } from '../domain/audit-chain.js';

export type AuditRow = typeof auditEvents.$inferSelect;
export type CommentRow = typeof reviewComments.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

export function createWorkflowRepository(db: Db) {
  /** Review comments with their author's name, where `condition` holds. */
  const commentsWithAuthor = (condition: SQL) =>
    db
      .select({ comment: reviewComments, authorName: people.name })
      .from(reviewComments)
      .innerJoin(people, eq(people.id, reviewComments.authorId))
      .where(condition);

  return {
    /**
     * Compare-and-set: changes the note only if it is still in `fromState` at `revision`.
     * Returns false when another writer got there first.
     */
    moveNote(
      noteId: number,
      from: { state: (typeof coverNotes.$inferSelect)['state']; revision: number },
      changes: Partial<typeof coverNotes.$inferInsert>,
    ) {
      const result = db
        .update(coverNotes)
        .set({ ...changes, revision: sql`${coverNotes.revision} + 1` })
        .where(and(eq(coverNotes.id, noteId), eq(coverNotes.state, from.state), eq(coverNotes.revision, from.revision)))
        .run();
      return result.changes === 1;
    },

    /** Appends an event to the chain. Runs inside the caller's transaction: the chain tip cannot move meanwhile. */
    appendAudit(fields: Omit<AuditFields, 'id'>): AuditRow {
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
    *iterateAudit(): Generator<AuditRow> {
      const rows = db.$client
        .prepare(
          `select id, note_id as noteId, item_id as itemId, event, from_state as fromState, to_state as toState,
                  actor_id as actorId, at, comment, version_hash as versionHash, prev_hash as prevHash, hash
           from audit_events order by id`,
        )
        .iterate() as IterableIterator<AuditRow>;
      yield* rows;
    },
    auditOfNote: (noteId: number) =>
      db
        .select({ event: auditEvents, actorName: people.name })
        .from(auditEvents)
        .leftJoin(people, eq(people.id, auditEvents.actorId))
        .where(eq(auditEvents.noteId, noteId))
        .orderBy(asc(auditEvents.id))
        .all(),

    insertComment: (row: typeof reviewComments.$inferInsert) => db.insert(reviewComments).values(row).returning().get(),
    listComments: (noteId: number) =>
      commentsWithAuthor(eq(reviewComments.noteId, noteId)).orderBy(asc(reviewComments.id)).all(),
    commentWithAuthor: (id: number) => commentsWithAuthor(eq(reviewComments.id, id)).all(),
    findComment: (id: number) => db.select().from(reviewComments).where(eq(reviewComments.id, id)).get(),
    resolveComment: (id: number, by: number, at: string) =>
      db
        .update(reviewComments)
        .set({ resolvedAt: at, resolvedById: by })
        .where(and(eq(reviewComments.id, id), isNull(reviewComments.resolvedAt)))
        .run().changes,

    insertNotifications: (rows: (typeof notifications.$inferInsert)[]) =>
      rows.length === 0 ? undefined : db.insert(notifications).values(rows).run(),
    hasNotification: (personId: number, dedupeKey: string) =>
      db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.personId, personId), eq(notifications.dedupeKey, dedupeKey)))
        .get() !== undefined,
    listNotifications: (personId: number) =>
      db
        .select()
        .from(notifications)
        .where(eq(notifications.personId, personId))
        .orderBy(desc(notifications.id))
        .limit(200)
        .all(),
    markNotificationRead: (personId: number, id: number, at: string) =>
      db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), eq(notifications.personId, personId)))
        .run().changes,
  };
}
export type WorkflowRepository = ReturnType<typeof createWorkflowRepository>;
