import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { apiTokens, people, sessions } from '../db/schema/index.js';
import { Role } from '../domain/roles.js';

export type PersonRow = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

export function createPeopleRepository(db: Db) {
  // Every API call resolves its caller: these two lookups are prepared once.
  // The token lookup reads only what checking a token needs: mapping both whole rows (the
  // person's password hash and all) cost the hot read more than the query did.
  const tokenByHash = db
    .select({
      token: { id: apiTokens.id, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt },
      person: { id: people.id, name: people.name, role: people.role, isActive: people.isActive },
    })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .prepare();
  const sessionByHash = db
    .select({ session: sessions, person: people })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .prepare();
  return {
    findById: (id: number) => db.select().from(people).where(eq(people.id, id)).get(),
    findByEmail: (email: string) =>
      db
        .select()
        .from(people)
        .where(sql`lower(${people.email}) = lower(${email})`)
        .get(),
    findByIds: (ids: number[]) =>
      ids.length === 0 ? [] : db.select().from(people).where(inArray(people.id, ids)).all(),
    list: () => db.select().from(people).orderBy(asc(people.name), asc(people.id)).all(),
    /** Who stands for "the secretariat" when something is to be told to it. */
    activeSecretariatIds: () =>
      db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.role, Role.secretariat), eq(people.isActive, true)))
        .all()
        .map((p) => p.id),
    count: () =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(people)
        .get()?.n ?? 0,
    insert: (row: NewPerson) => db.insert(people).values(row).returning().get(),
    update: (id: number, changes: Partial<NewPerson>) =>
      db.update(people).set(changes).where(eq(people.id, id)).returning().get(),

    insertSession: (row: typeof sessions.$inferInsert) => db.insert(sessions).values(row).run(),
    findSession: (tokenHash: string) => sessionByHash.get({ hash: tokenHash }),
    touchSession: (id: number, at: string) =>
      db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)).run(),
    deleteSession: (tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run(),
    deleteSessionsOf: (personId: number) => db.delete(sessions).where(eq(sessions.personId, personId)).run(),
    /** Ends every session of the person but the one named (null: all of them). */
    deleteOtherSessions: (personId: number, keptTokenHash: string | null) =>
      db
        .delete(sessions)
        .where(
          keptTokenHash === null
            ? eq(sessions.personId, personId)
            : and(eq(sessions.personId, personId), ne(sessions.tokenHash, keptTokenHash)),
        )
        .run(),

    insertToken: (row: typeof apiTokens.$inferInsert) => db.insert(apiTokens).values(row).returning().get(),
    findToken: (tokenHash: string) => tokenByHash.get({ hash: tokenHash }),
    listTokens: (personId: number) =>
      db.select().from(apiTokens).where(eq(apiTokens.personId, personId)).orderBy(asc(apiTokens.id)).all(),
    touchToken: (id: number, at: string) =>
      db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run(),
    revokeTokensOf: (personId: number, at: string) =>
      db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
        .run().changes,
    revokeToken: (personId: number, id: number, at: string) =>
      db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
        .run().changes,
  };
}
export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
