import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { coverNotes, noteVersions } from '../db/schema/index.js';

export type NoteRow = typeof coverNotes.$inferSelect;
export type VersionRow = typeof noteVersions.$inferSelect;

const VERSION_CACHE_SIZE = 500;

export function createNoteRepository(db: Db) {
  const versionCache = new Map<number, VersionRow>();
  const byItem = db
    .select()
    .from(coverNotes)
    .where(eq(coverNotes.itemId, sql.placeholder('itemId')))
    .prepare();
  const versionById = db
    .select()
    .from(noteVersions)
    .where(eq(noteVersions.id, sql.placeholder('id')))
    .prepare();
  const versionCount = db
    .select({ n: sql<number>`count(*)` })
    .from(noteVersions)
    .where(eq(noteVersions.noteId, sql.placeholder('noteId')))
    .prepare();
  return {
    findByItem: (itemId: number): NoteRow | undefined => byItem.get({ itemId }),
    findByItems: (itemIds: number[]) =>
      itemIds.length === 0 ? [] : db.select().from(coverNotes).where(inArray(coverNotes.itemId, itemIds)).all(),
    insert: (row: typeof coverNotes.$inferInsert) => db.insert(coverNotes).values(row).returning().get(),
    update: (id: number, changes: Partial<typeof coverNotes.$inferInsert>) =>
      db
        .update(coverNotes)
        .set({ ...changes, revision: sql`${coverNotes.revision} + 1` })
        .where(eq(coverNotes.id, id))
        .returning()
        .get(),

    /**
     * Versions never change (a trigger refuses updates) and ids are never reused (AUTOINCREMENT),
     * so a read version is kept: the hot read of a note skips parsing its JSON again.
     */
    findVersion(id: number): VersionRow | undefined {
      const cached = versionCache.get(id);
      if (cached) return cached;
      const row = versionById.get({ id });
      if (row) {
        if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.delete(versionCache.keys().next().value!);
        versionCache.set(id, row);
      }
      return row;
    },
    listVersions: (noteId: number) =>
      db.select().from(noteVersions).where(eq(noteVersions.noteId, noteId)).orderBy(asc(noteVersions.number)).all(),
    countVersions: (noteId: number) => versionCount.get({ noteId })?.n ?? 0,
    insertVersion: (row: typeof noteVersions.$inferInsert) => db.insert(noteVersions).values(row).returning().get(),
  };
}
export type NoteRepository = ReturnType<typeof createNoteRepository>;
