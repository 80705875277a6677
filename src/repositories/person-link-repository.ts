import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outbox, personLinks } from '../db/schema/index.js';
import { OutboxStatus } from '../domain/delivery.js';
import type { PersonLinkPurpose } from '../domain/person-links.js';

export type PersonLinkRow = typeof personLinks.$inferSelect;

/** Invitation and reset links: made, found by their token's hash, used once, revoked. */
export function createPersonLinkRepository(db: Db) {
  return {
    insert: (row: typeof personLinks.$inferInsert) => db.insert(personLinks).values(row).returning().get(),
    setTokenHash: (id: number, tokenHash: string) =>
      db.update(personLinks).set({ tokenHash }).where(eq(personLinks.id, id)).run(),
    findById: (id: number) => db.select().from(personLinks).where(eq(personLinks.id, id)).get(),
    findByTokenHash: (tokenHash: string) =>
      db.select().from(personLinks).where(eq(personLinks.tokenHash, tokenHash)).get(),
    /** Revokes the person's open links (of one purpose, or all): a newer link replaces them. */
    revokeOpen: (personId: number, at: string, purpose?: PersonLinkPurpose) =>
      db
        .update(personLinks)
        .set({ revokedAt: at })
        .where(
          and(
            eq(personLinks.personId, personId),
            isNull(personLinks.usedAt),
            isNull(personLinks.revokedAt),
            purpose === undefined ? undefined : eq(personLinks.purpose, purpose),
          ),
        )
        .run().changes,
    /** Marks a link used; false when it was used or revoked meanwhile (only one use counts). */
    markUsed: (id: number, at: string) =>
      db
        .update(personLinks)
        .set({ usedAt: at })
        .where(and(eq(personLinks.id, id), isNull(personLinks.usedAt), isNull(personLinks.revokedAt)))
        .run().changes === 1,
    /** The person's latest link of a purpose, with whether its message reached the mail server. */
    latest(personId: number, purpose: PersonLinkPurpose) {
      const link = db
        .select()
        .from(personLinks)
        .where(and(eq(personLinks.personId, personId), eq(personLinks.purpose, purpose)))
        .orderBy(desc(personLinks.id))
        .limit(1)
        .get();
      if (!link) return undefined;
      const mail = db
        .select({ status: outbox.status, sentAt: outbox.sentAt, lastError: outbox.lastError })
        .from(outbox)
        .where(eq(outbox.personLinkId, link.id))
        .orderBy(desc(outbox.id))
        .limit(1)
        .get();
      return { link, mail: mail ?? null, mailSent: mail?.status === OutboxStatus.sent };
    },
  };
}
export type PersonLinkRepository = ReturnType<typeof createPersonLinkRepository>;
