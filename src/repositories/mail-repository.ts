import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  meetingInvites,
  meetingRecipients,
  notifications,
  outbox,
  packetFiles,
  packets,
  people,
} from '../db/schema/index.js';
import type { AudienceGroup } from '../domain/audience.js';
import { OutboxKind, OutboxStatus, type DeliveryForm } from '../domain/delivery.js';
import { Role } from '../domain/roles.js';

export type PacketRow = typeof packets.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type PacketFileRow = typeof packetFiles.$inferSelect;

export const CANCELLED_DEACTIVATED = 'Cancelled: the account was deactivated.';

export function createMailRepository(db: Db) {
  return {
    recipientsOf: (meetingId: number, lists: readonly AudienceGroup[]) =>
      db
        .select({ person: people, list: meetingRecipients.list })
        .from(meetingRecipients)
        .innerJoin(people, eq(people.id, meetingRecipients.personId))
        .where(and(eq(meetingRecipients.meetingId, meetingId), inArray(meetingRecipients.list, [...lists])))
        .all(),
    hasRecipientRows: (meetingId: number) =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(meetingRecipients)
        .where(eq(meetingRecipients.meetingId, meetingId))
        .get()!.n > 0,
    activeDelegates: () =>
      db
        .select()
        .from(people)
        .where(and(eq(people.role, Role.delegate), eq(people.isActive, true)))
        .orderBy(asc(people.memberState), asc(people.name))
        .all(),
    setRecipients(meetingId: number, list: AudienceGroup, personIds: number[]) {
      db.delete(meetingRecipients)
        .where(and(eq(meetingRecipients.meetingId, meetingId), eq(meetingRecipients.list, list)))
        .run();
      if (personIds.length > 0)
        db.insert(meetingRecipients)
          .values(personIds.map((personId) => ({ meetingId, personId, list })))
          .run();
    },
    listRecipients: (meetingId: number) =>
      db
        .select({
          list: meetingRecipients.list,
          id: people.id,
          name: people.name,
          email: people.email,
          memberState: people.memberState,
        })
        .from(meetingRecipients)
        .innerJoin(people, eq(people.id, meetingRecipients.personId))
        .where(eq(meetingRecipients.meetingId, meetingId))
        .orderBy(asc(meetingRecipients.list), asc(people.memberState), asc(people.name))
        .all(),

    insertPacket: (row: typeof packets.$inferInsert) => db.insert(packets).values(row).returning().get(),
    findPacket: (id: number) => db.select().from(packets).where(eq(packets.id, id)).get(),
    /** A meeting's packets, the latest first. */
    packetsOfMeeting: (meetingId: number) =>
      db.select().from(packets).where(eq(packets.meetingId, meetingId)).orderBy(desc(packets.id)).all(),
    /** Fixes what a packet made before packets were frozen carries; only the first freezing counts. */
    freezeLegacyPacket: (id: number, frozen: NonNullable<PacketRow['frozen']>) =>
      db
        .update(packets)
        .set({ frozen })
        .where(and(eq(packets.id, id), isNull(packets.frozen)))
        .run().changes === 1,
    insertOutbox: (rows: (typeof outbox.$inferInsert)[]) =>
      rows.length ? db.insert(outbox).values(rows).run() : undefined,
    outboxOfPacket: (packetId: number) =>
      db
        .select({ row: outbox, name: people.name })
        .from(outbox)
        .innerJoin(people, eq(people.id, outbox.personId))
        .where(eq(outbox.packetId, packetId))
        .orderBy(asc(outbox.id))
        .all(),

    findOutbox: (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get(),
    /** How a packet message carries its documents, recorded when it is built. */
    setDeliveredAs: (id: number, form: DeliveryForm) =>
      db.update(outbox).set({ deliveredAs: form }).where(eq(outbox.id, id)).run(),

    /** The stored rendering of a frozen packet under `key`, if it was rendered already. */
    findPacketFile: (packetId: number, key: string): PacketFileRow | undefined =>
      db
        .select()
        .from(packetFiles)
        .where(and(eq(packetFiles.packetId, packetId), eq(packetFiles.key, key)))
        .get(),
    /** Records a rendering; false when another one was recorded first under the same key. */
    insertPacketFile: (row: typeof packetFiles.$inferInsert) =>
      db.insert(packetFiles).values(row).onConflictDoNothing().run().changes === 1,
    /** Every download link of a packet stops working; only the first revocation counts. */
    revokePacketLinks: (packetId: number, at: string, reason: string) =>
      db
        .update(packets)
        .set({ linksRevokedAt: at, linksRevokedReason: reason })
        .where(and(eq(packets.id, packetId), isNull(packets.linksRevokedAt)))
        .run().changes === 1,
    revokeRecipientLink: (outboxId: number, at: string, reason: string) =>
      db
        .update(outbox)
        .set({ linkRevokedAt: at, linkRevokedReason: reason })
        .where(and(eq(outbox.id, outboxId), isNull(outbox.linkRevokedAt)))
        .run().changes === 1,

    /** Messages a crash left in flight go back to the queue; they keep their Message-ID. */
    requeueInFlight: () =>
      db.update(outbox).set({ status: OutboxStatus.queued }).where(eq(outbox.status, OutboxStatus.sending)).run()
        .changes,

    /** Claims up to `limit` due messages for sending (one writer: no other process claims meanwhile). */
    claimDue(now: string, limit: number): OutboxRow[] {
      for (;;) {
        const due = db
          .select({ id: outbox.id, active: people.isActive })
          .from(outbox)
          .innerJoin(people, eq(people.id, outbox.personId))
          .where(and(eq(outbox.status, OutboxStatus.queued), lte(outbox.nextAttemptAt, now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(limit)
          .all();
        if (due.length === 0) return [];
        // A message to a deactivated person never leaves, whatever state it was in when they were
        // deactivated (a retry or a resend may have queued it again): it is cancelled when due.
        const cancelled = due.filter((r) => !r.active).map((r) => r.id);
        if (cancelled.length > 0)
          db.update(outbox)
            .set({ status: OutboxStatus.failed, lastError: CANCELLED_DEACTIVATED })
            .where(inArray(outbox.id, cancelled))
            .run();
        const claimable = due.filter((r) => r.active).map((r) => r.id);
        // Only cancelled ones this round: look again, so that due messages behind them are not left waiting.
        if (claimable.length === 0) continue;
        return db
          .update(outbox)
          .set({ status: OutboxStatus.sending, attempts: sql`${outbox.attempts} + 1` })
          .where(and(inArray(outbox.id, claimable), eq(outbox.status, OutboxStatus.queued)))
          .returning()
          .all();
      }
    },
    markSent: (id: number, response: string, at: string) =>
      db
        .update(outbox)
        .set({ status: OutboxStatus.sent, serverResponse: response, sentAt: at, lastError: null })
        .where(eq(outbox.id, id))
        .run(),
    markRetry: (id: number, error: string, nextAttemptAt: string) =>
      db
        .update(outbox)
        .set({ status: OutboxStatus.queued, lastError: error, nextAttemptAt })
        .where(eq(outbox.id, id))
        .run(),
    /** Cancels what still waits for this person (a message on the wire cannot be called back). */
    cancelPendingOf: (personId: number, reason: string) =>
      db
        .update(outbox)
        .set({ status: OutboxStatus.failed, lastError: reason })
        .where(and(eq(outbox.personId, personId), eq(outbox.status, OutboxStatus.queued)))
        .run().changes,
    markFailed: (id: number, error: string) =>
      db.update(outbox).set({ status: OutboxStatus.failed, lastError: error }).where(eq(outbox.id, id)).run(),
    requeue: (ids: number[], at: string) =>
      ids.length === 0
        ? 0
        : db.update(outbox).set({ status: OutboxStatus.queued, nextAttemptAt: at }).where(inArray(outbox.id, ids)).run()
            .changes,

    /** Queue depth and the oldest message still waiting, for /healthz. */
    pendingSummary: () =>
      db
        .select({
          pending: sql<number>`count(*)`,
          oldest: sql<string | null>`min(${outbox.createdAt})`,
          oldestDue: sql<string | null>`min(${outbox.nextAttemptAt})`,
        })
        .from(outbox)
        .where(inArray(outbox.status, [OutboxStatus.queued, OutboxStatus.sending]))
        .get()!,

    /** Notifications not mailed yet, of active people, oldest first. */
    unmailedNotifications: () =>
      db
        .select({ notification: notifications, person: people })
        .from(notifications)
        .innerJoin(people, eq(people.id, notifications.personId))
        .where(and(isNull(notifications.mailedAt), eq(people.isActive, true)))
        .orderBy(asc(notifications.id))
        .all(),
    hasDigestSince: (personId: number, since: string) =>
      db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.personId, personId), eq(outbox.kind, OutboxKind.digest), gt(outbox.createdAt, since)))
        .get() !== undefined,
    markMailed: (ids: number[], at: string) =>
      ids.length === 0
        ? undefined
        : db.update(notifications).set({ mailedAt: at }).where(inArray(notifications.id, ids)).run(),

    findInvite: (meetingId: number) =>
      db.select().from(meetingInvites).where(eq(meetingInvites.meetingId, meetingId)).get(),
    saveInvite: (row: typeof meetingInvites.$inferInsert) =>
      db
        .insert(meetingInvites)
        .values(row)
        .onConflictDoUpdate({
          target: meetingInvites.meetingId,
          set: { sequence: row.sequence, fingerprint: row.fingerprint },
        })
        .run(),
  };
}
export type MailRepository = ReturnType<typeof createMailRepository>;
