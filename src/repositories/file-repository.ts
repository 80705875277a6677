import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { packetFiles, storedFiles } from '../db/schema/index.js';
import { FilePurpose } from '../domain/file-purpose.js';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export function createFileRepository(db: Db) {
  return {
    insert: (row: typeof storedFiles.$inferInsert) => db.insert(storedFiles).values(row).returning().get(),
    find: (id: number) => db.select().from(storedFiles).where(eq(storedFiles.id, id)).get(),
    originalOf: (versionId: number) =>
      db
        .select()
        .from(storedFiles)
        .where(and(eq(storedFiles.versionId, versionId), eq(storedFiles.purpose, FilePurpose.draft)))
        .get(),
    /** The ids of a note's versions that were uploaded as a file. */
    versionsWithOriginal: (noteId: number) =>
      new Set(
        db
          .select({ versionId: storedFiles.versionId })
          .from(storedFiles)
          .where(and(eq(storedFiles.noteId, noteId), eq(storedFiles.purpose, FilePurpose.draft)))
          .all()
          .map((r) => r.versionId),
      ),
    annexesOf: (noteId: number) =>
      db
        .select()
        .from(storedFiles)
        .where(and(eq(storedFiles.noteId, noteId), eq(storedFiles.purpose, FilePurpose.annex)))
        .orderBy(asc(storedFiles.id))
        .all(),
    delete: (id: number) => db.delete(storedFiles).where(eq(storedFiles.id, id)).run(),
    /** Every file name the database refers to: uploads, and the stored renderings of packets. */
    allStoredNames: () =>
      new Set([
        ...db
          .select({ name: storedFiles.storedName })
          .from(storedFiles)
          .all()
          .map((r) => r.name),
        ...db
          .select({ name: packetFiles.storedName })
          .from(packetFiles)
          .all()
          .map((r) => r.name),
      ]),
  };
}
export type FileRepository = ReturnType<typeof createFileRepository>;
