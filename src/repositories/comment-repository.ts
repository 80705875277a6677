import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { people, reviewComments } from '../db/schema/index.js';

export type CommentRow = typeof reviewComments.$inferSelect;

/** Review comments on notes, read with their author's name. */
export function createCommentRepository(db: Db) {
  /** Review comments with their author's name, where `condition` holds. */
  const withAuthor = (condition: SQL) =>
    db
      .select({ comment: reviewComments, authorName: people.name })
      .from(reviewComments)
      .innerJoin(people, eq(people.id, reviewComments.authorId))
      .where(condition);

  return {
    insert: (row: typeof reviewComments.$inferInsert) => db.insert(reviewComments).values(row).returning().get(),
    listOfNote: (noteId: number) => withAuthor(eq(reviewComments.noteId, noteId)).orderBy(asc(reviewComments.id)).all(),
    withAuthor: (id: number) => withAuthor(eq(reviewComments.id, id)).all(),
    find: (id: number) => db.select().from(reviewComments).where(eq(reviewComments.id, id)).get(),
    /** Resolves a comment once: 0 when it was already resolved. */
    resolve: (id: number, by: number, at: string) =>
      db
        .update(reviewComments)
        .set({ resolvedAt: at, resolvedById: by })
        .where(and(eq(reviewComments.id, id), isNull(reviewComments.resolvedAt)))
        .run().changes,
  };
}
export type CommentRepository = ReturnType<typeof createCommentRepository>;
