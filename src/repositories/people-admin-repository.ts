import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { people, sessions } from '../db/schema/index.js';
import type { Role } from '../domain/roles.js';

export interface PeopleFilter {
  role?: Role;
  memberState?: string;
  active?: boolean;
}

/** What the secretariat's pages read of people beyond the accounts themselves: filters, sessions. */
export function createPeopleAdminRepository(db: Db) {
  return {
    /** People by role, Member State and whether the account is active; the text search is the service's. */
    filter(filter: PeopleFilter) {
      const conditions: SQL[] = [];
      if (filter.role !== undefined) conditions.push(eq(people.role, filter.role));
      if (filter.memberState !== undefined) conditions.push(eq(people.memberState, filter.memberState));
      if (filter.active !== undefined) conditions.push(eq(people.isActive, filter.active));
      return db
        .select()
        .from(people)
        .where(and(...conditions))
        .orderBy(asc(people.id))
        .all();
    },
    /** A person's sessions without their token hashes: nothing here opens a session. */
    sessionsOf: (personId: number) =>
      db
        .select({
          id: sessions.id,
          createdAt: sessions.createdAt,
          expiresAt: sessions.expiresAt,
          lastSeenAt: sessions.lastSeenAt,
          method: sessions.method,
          pendingSecondFactor: sessions.pendingSecondFactor,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(eq(sessions.personId, personId))
        .orderBy(asc(sessions.id))
        .all(),
    deleteSession: (personId: number, sessionId: number) =>
      db
        .delete(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.personId, personId)))
        .run().changes,
  };
}
