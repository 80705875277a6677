import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agendaItems, coverNotes, itemRapporteurs, noteVersions, people } from '../db/schema/index.js';

export type ItemRow = typeof agendaItems.$inferSelect;
export type Rapporteur = { itemId: number; id: number; name: string; email: string };

export function createAgendaRepository(db: Db) {
  // Every read of a note checks who its rapporteurs are: prepared once.
  const rapporteursOfOne = db
    .select({ itemId: itemRapporteurs.itemId, id: people.id, name: people.name, email: people.email })
    .from(itemRapporteurs)
    .innerJoin(people, eq(people.id, itemRapporteurs.personId))
    .where(eq(itemRapporteurs.itemId, sql.placeholder('itemId')))
    .orderBy(asc(people.name))
    .prepare();
  // So does its item (meeting and marking).
  const itemById = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.id, sql.placeholder('id')))
    .prepare();
  return {
    rapporteursOfItem: (itemId: number): Rapporteur[] => rapporteursOfOne.all({ itemId }),
    listItems: (meetingId: number) => db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all(),
    findItem: (id: number): ItemRow | undefined => itemById.get({ id }),
    insertItem: (row: typeof agendaItems.$inferInsert) => db.insert(agendaItems).values(row).returning().get(),
    updateTitle: (id: number, title: string) =>
      db.update(agendaItems).set({ title }).where(eq(agendaItems.id, id)).run(),
    setCopiedFrom: (id: number, sourceItemId: number) =>
      db.update(agendaItems).set({ copiedFromItemId: sourceItemId }).where(eq(agendaItems.id, id)).run(),
    updateMarking: (id: number, marking: Pick<typeof agendaItems.$inferInsert, 'audience' | 'audienceGroups'>) =>
      db.update(agendaItems).set(marking).where(eq(agendaItems.id, id)).run(),
    deleteItem: (id: number) => db.delete(agendaItems).where(eq(agendaItems.id, id)).run(),

    /**
     * Writes a new layout. Numbers are unique per meeting, and SQLite checks that row by row,
     * so every number is first parked on a value no layout produces (`~id`).
     */
    applyLayout(
      meetingId: number,
      layout: { id: number; parentId: number | null; position: number; number: string }[],
    ) {
      db.update(agendaItems)
        .set({ number: sql`'~' || ${agendaItems.id}` })
        .where(eq(agendaItems.meetingId, meetingId))
        .run();
      for (const place of layout) {
        db.update(agendaItems)
          .set({ parentId: place.parentId, position: place.position, number: place.number })
          .where(and(eq(agendaItems.id, place.id), eq(agendaItems.meetingId, meetingId)))
          .run();
      }
    },

    rapporteursOf: (itemIds: number[]): Rapporteur[] =>
      itemIds.length === 0
        ? []
        : db
            .select({ itemId: itemRapporteurs.itemId, id: people.id, name: people.name, email: people.email })
            .from(itemRapporteurs)
            .innerJoin(people, eq(people.id, itemRapporteurs.personId))
            .where(inArray(itemRapporteurs.itemId, itemIds))
            .orderBy(asc(people.name))
            .all(),
    setRapporteurs(itemId: number, personIds: number[]) {
      db.delete(itemRapporteurs).where(eq(itemRapporteurs.itemId, itemId)).run();
      if (personIds.length > 0) {
        db.insert(itemRapporteurs)
          .values(personIds.map((personId) => ({ itemId, personId })))
          .run();
      }
    },

    /** How many versions the notes of these items hold: deleting them would lose that work. */
    countVersions: (itemIds: number[]) =>
      itemIds.length === 0
        ? 0
        : (db
            .select({ n: sql<number>`count(*)` })
            .from(noteVersions)
            .innerJoin(coverNotes, eq(coverNotes.id, noteVersions.noteId))
            .where(inArray(coverNotes.itemId, itemIds))
            .get()?.n ?? 0),
  };
}
export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
