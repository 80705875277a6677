import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notifications } from '../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** Notifications of workflow events, per person (the digest mails read them in the mail repository). */
export function createNotificationRepository(db: Db) {
  return {
    insert: (rows: (typeof notifications.$inferInsert)[]) =>
      rows.length === 0 ? undefined : db.insert(notifications).values(rows).run(),
    has: (personId: number, dedupeKey: string) =>
      db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.personId, personId), eq(notifications.dedupeKey, dedupeKey)))
        .get() !== undefined,
    /** A person's latest 200, newest first. */
    listOf: (personId: number) =>
      db
        .select()
        .from(notifications)
        .where(eq(notifications.personId, personId))
        .orderBy(desc(notifications.id))
        .limit(200)
        .all(),
    markRead: (personId: number, id: number, at: string) =>
      db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.id, id), eq(notifications.personId, personId)))
        .run().changes,
  };
}
export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
