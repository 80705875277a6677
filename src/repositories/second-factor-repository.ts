import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { people, recoveryCodes } from '../db/schema/index.js';

/** A person's TOTP secrets and recovery codes: the second factor's rows, and nothing else. */
export function createSecondFactorRepository(db: Db) {
  return {
    /** Keeps a secret offered for enrolment until a code from it confirms it. */
    setPendingSecret: (personId: number, secret: string) =>
      db.update(people).set({ totpPendingSecret: secret }).where(eq(people.id, personId)).run(),

    /** The pending secret becomes the second factor, compare-and-set on it: 1 row, or 0 when it changed meanwhile. */
    enable: (personId: number, pendingSecret: string, at: string) =>
      db
        .update(people)
        .set({ totpSecret: pendingSecret, totpPendingSecret: null, totpEnabledAt: at })
        .where(and(eq(people.id, personId), eq(people.totpPendingSecret, pendingSecret)))
        .run().changes,

    /** Removes the second factor and its recovery codes. */
    disable: (personId: number) => {
      db.update(people)
        .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null })
        .where(eq(people.id, personId))
        .run();
      db.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId)).run();
    },

    /** The person's recovery codes, all made anew: the earlier ones, used or not, stop working. */
    replaceRecoveryCodes: (personId: number, codeHashes: string[], at: string) => {
      db.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId)).run();
      if (codeHashes.length === 0) return;
      db.insert(recoveryCodes)
        .values(codeHashes.map((codeHash) => ({ personId, codeHash, createdAt: at })))
        .run();
    },

    /** Marks an unused recovery code used, compare-and-set: 1 when this call used it, 0 when it was unknown or used. */
    useRecoveryCode: (personId: number, codeHash: string, at: string) =>
      db
        .update(recoveryCodes)
        .set({ usedAt: at })
        .where(
          and(eq(recoveryCodes.personId, personId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)),
        )
        .run().changes,

    countUnusedRecoveryCodes: (personId: number) =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)))
        .get()?.n ?? 0,
  };
}
export type SecondFactorRepository = ReturnType<typeof createSecondFactorRepository>;
