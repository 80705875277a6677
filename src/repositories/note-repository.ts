import type { NoteState } from '../domain/note-workflow.js';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { coverNotes, notePublications, noteVersions } from '../db/schema/index.js';

export type NoteRow = typeof coverNotes.$inferSelect;
export type VersionRow = typeof noteVersions.$inferSelect;
export type PublicationRow = typeof notePublications.$inferSelect;

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
  const latestPublication = db
    .select()
    .from(notePublications)
    .where(eq(notePublications.noteId, sql.placeholder('noteId')))
    .orderBy(desc(notePublications.number))
    .limit(1)
    .prepare();

  /** The publications of each of these notes, oldest first, in one query (notes never released are absent). */
  function publicationsOf(noteIds: number[]): Map<number, PublicationRow[]> {
    const byNote = new Map<number, PublicationRow[]>();
    if (noteIds.length === 0) return byNote;
    const rows = db
      .select()
      .from(notePublications)
      .where(inArray(notePublications.noteId, noteIds))
      .orderBy(asc(notePublications.number))
      .all();
    for (const row of rows) byNote.set(row.noteId, [...(byNote.get(row.noteId) ?? []), row]);
    return byNote;
  }

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
     * Compare-and-set: changes the note only if it is still in `fromState` at `revision`.
     * Returns false when another writer got there first.
     */
    moveNote(
      noteId: number,
      from: { state: NoteState; revision: number },
      changes: Partial<typeof coverNotes.$inferInsert>,
    ) {
      const result = db
        .update(coverNotes)
        .set({ ...changes, revision: sql`${coverNotes.revision} + 1` })
        .where(and(eq(coverNotes.id, noteId), eq(coverNotes.state, from.state), eq(coverNotes.revision, from.revision)))
        .run();
      return result.changes === 1;
    },

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

    /** Publications: what was released, in order; the latest is what readers outside the drafting circle see. */
    latestPublication: (noteId: number): PublicationRow | undefined => latestPublication.get({ noteId }),
    listPublications: (noteId: number) =>
      db
        .select()
        .from(notePublications)
        .where(eq(notePublications.noteId, noteId))
        .orderBy(asc(notePublications.number))
        .all(),
    publicationsOf,
    /** The latest publication of each of these notes (notes never released are absent). */
    latestPublications(noteIds: number[]): Map<number, PublicationRow> {
      const latest = new Map<number, PublicationRow>();
      for (const [noteId, rows] of publicationsOf(noteIds)) latest.set(noteId, rows.at(-1)!);
      return latest;
    },
    isPublished: (noteId: number, versionId: number) =>
      db
        .select({ id: notePublications.id })
        .from(notePublications)
        .where(and(eq(notePublications.noteId, noteId), eq(notePublications.versionId, versionId)))
        .get() !== undefined,
    insertPublication(row: Omit<typeof notePublications.$inferInsert, 'number'>): PublicationRow {
      const number = (latestPublication.get({ noteId: row.noteId })?.number ?? 0) + 1;
      return db
        .insert(notePublications)
        .values({ ...row, number })
        .returning()
        .get();
    },
    insertVersion: (row: typeof noteVersions.$inferInsert) => db.insert(noteVersions).values(row).returning().get(),
  };
}
export type NoteRepository = ReturnType<typeof createNoteRepository>;
