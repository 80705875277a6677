import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { meetings, networks } from '../db/schema/index.js';

export type NetworkRow = typeof networks.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingWithNetwork = { meeting: MeetingRow; network: NetworkRow };

export function createMeetingRepository(db: Db) {
  const withNetwork = () =>
    db
      .select({ meeting: meetings, network: networks })
      .from(meetings)
      .innerJoin(networks, eq(networks.id, meetings.networkId));
  return {
    listNetworks: () => db.select().from(networks).orderBy(asc(networks.id)).all(),
    findNetwork: (id: number) => db.select().from(networks).where(eq(networks.id, id)).get(),
    findNetworkByName: (name: string) =>
      db
        .select()
        .from(networks)
        .where(sql`lower(${networks.name}) = lower(${name})`)
        .get(),
    insertNetwork: (row: typeof networks.$inferInsert) => db.insert(networks).values(row).returning().get(),
    countNetworks: () =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(networks)
        .get()?.n ?? 0,

    list: (): MeetingWithNetwork[] => withNetwork().orderBy(desc(meetings.startDate), desc(meetings.id)).all(),
    find: (id: number): MeetingWithNetwork | undefined => withNetwork().where(eq(meetings.id, id)).get(),
    findByOrdinal: (networkId: number, ordinal: number): MeetingWithNetwork | undefined =>
      withNetwork()
        .where(and(eq(meetings.networkId, networkId), eq(meetings.ordinal, ordinal)))
        .get(),
    insert: (row: typeof meetings.$inferInsert) => db.insert(meetings).values(row).returning().get(),
    update: (id: number, changes: Partial<typeof meetings.$inferInsert>) =>
      db.update(meetings).set(changes).where(eq(meetings.id, id)).run(),
    delete: (id: number) => db.delete(meetings).where(eq(meetings.id, id)).run(),
  };
}
export type MeetingRepository = ReturnType<typeof createMeetingRepository>;
