import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { Audience, AUDIENCES } from '../../domain/audience.js';
import { FILE_PURPOSES } from '../../domain/file-purpose.js';
import { createdAt, id } from './columns.js';
import { coverNotes, noteVersions } from './notes.js';
import { people } from './people.js';

/**
 * Uploaded files kept under the data directory: the original of an uploaded draft (beside the
 * version parsed from it) and the PDF annexes of a note. The bytes live on disk under a
 * generated name; the client's file name is only shown, never used as a path.
 */
export const storedFiles = sqliteTable(
  'stored_files',
  {
    id: id(),
    noteId: integer('note_id')
      .notNull()
      .references(() => coverNotes.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: FILE_PURPOSES }).notNull(),
    versionId: integer('version_id').references(() => noteVersions.id, { onDelete: 'cascade' }),
    title: text('title'),
    // Distribution marking of an annex, as on agenda items.
    audience: text('audience', { enum: AUDIENCES }).notNull().default(Audience.network),
    audienceGroups: text('audience_groups', { mode: 'json' }).$type<string[]>().notNull().default([]),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storedName: text('stored_name').notNull(),
    uploadedById: integer('uploaded_by_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stored_files_name_unique').on(t.storedName), index('stored_files_note_idx').on(t.noteId)],
);
