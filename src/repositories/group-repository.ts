import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { distributionGroups, groupMembers, people } from '../db/schema/index.js';

export type GroupRow = typeof distributionGroups.$inferSelect;

/** Distribution groups and who is in them. */
export function createGroupRepository(db: Db) {
  const memberCount = sql<number>`(select count(*) from ${groupMembers} where ${groupMembers.groupId} = ${distributionGroups.id})`;
  return {
    list: () =>
      db
        .select({ group: distributionGroups, memberCount })
        .from(distributionGroups)
        .orderBy(sql`lower(${distributionGroups.name})`, asc(distributionGroups.id))
        .all(),
    findById: (id: number) => db.select().from(distributionGroups).where(eq(distributionGroups.id, id)).get(),
    findByName: (name: string) =>
      db
        .select()
        .from(distributionGroups)
        .where(sql`lower(${distributionGroups.name}) = lower(${name})`)
        .get(),
    insert: (row: typeof distributionGroups.$inferInsert) =>
      db.insert(distributionGroups).values(row).returning().get(),
    update: (id: number, changes: { name?: string; description?: string | null }) =>
      db.update(distributionGroups).set(changes).where(eq(distributionGroups.id, id)).returning().get(),
    delete: (id: number) => db.delete(distributionGroups).where(eq(distributionGroups.id, id)).run().changes,

    members: (groupId: number) =>
      db
        .select({ person: people })
        .from(groupMembers)
        .innerJoin(people, eq(people.id, groupMembers.personId))
        .where(eq(groupMembers.groupId, groupId))
        .orderBy(asc(people.name), asc(people.id))
        .all()
        .map((r) => r.person),
    /** Adds the people not in the group yet; answers the ids actually added. */
    addMembers(groupId: number, personIds: number[]): number[] {
      if (personIds.length === 0) return [];
      const already = new Set(
        db
          .select({ id: groupMembers.personId })
          .from(groupMembers)
          .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.personId, personIds)))
          .all()
          .map((r) => r.id),
      );
      const added = [...new Set(personIds)].filter((id) => !already.has(id));
      if (added.length > 0)
        db.insert(groupMembers)
          .values(added.map((personId) => ({ groupId, personId })))
          .run();
      return added;
    },
    removeMember: (groupId: number, personId: number) =>
      db
        .delete(groupMembers)
        .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, personId)))
        .run().changes,
    /** The groups of each person asked for, by person id. */
    groupsOf(personIds: number[]): Map<number, GroupRow[]> {
      const byPerson = new Map<number, GroupRow[]>();
      if (personIds.length === 0) return byPerson;
      const rows = db
        .select({ personId: groupMembers.personId, group: distributionGroups })
        .from(groupMembers)
        .innerJoin(distributionGroups, eq(distributionGroups.id, groupMembers.groupId))
        .where(inArray(groupMembers.personId, personIds))
        .all();
      for (const { personId, group } of rows) byPerson.set(personId, [...(byPerson.get(personId) ?? []), group]);
      return byPerson;
    },
  };
}
export type GroupRepository = ReturnType<typeof createGroupRepository>;
