import { integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { NoteContent } from '../../domain/note-content.js';
import { NOTE_STATES, NoteState, OUTCOMES } from '../../domain/note-workflow.js';
import { agendaItems } from './agenda.js';
import { createdAt, id, instant } from './columns.js';
import { people } from './people.js';

export const coverNotes = sqliteTable(
  'cover_notes',
  {
    id: id(),
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    state: text('state', { enum: NOTE_STATES }).notNull().default(NoteState.drafting),
    // One of the three procedure codes, or free text that starts with one of their labels.
    procedure: text('procedure'),
    // After the meeting: noted, adopted, not-adopted or postponed.
    outcome: text('outcome', { enum: OUTCOMES }),
    currentVersionId: integer('current_version_id').references((): AnySQLiteColumn => noteVersions.id),
    // Bumped on every change of the note row: the basis of its ETag.
    revision: integer('revision').notNull().default(1),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cover_notes_item_unique').on(t.itemId)],
);

export const noteVersions = sqliteTable(
  'note_versions',
  {
    id: id(),
    noteId: integer('note_id')
      .notNull()
      .references(() => coverNotes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: text('content', { mode: 'json' }).$type<NoteContent>().notNull(),
    contentHash: text('content_hash').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('note_versions_number_unique').on(t.noteId, t.number)],
);

/**
 * What readers outside the drafting circle see: each release of a note publishes one version,
 * numbered 1, 2, ... per note. Readers who are neither secretariat nor the item's rapporteurs
 * read only published versions; after a reopen they keep reading the latest publication.
 */
export const notePublications = sqliteTable(
  'note_publications',
  {
    id: id(),
    noteId: integer('note_id')
      .notNull()
      .references(() => coverNotes.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => noteVersions.id),
    number: integer('number').notNull(),
    procedure: text('procedure'),
    // Why the note was published again (a corrigendum); null for the first publication.
    reason: text('reason'),
    releasedById: integer('released_by_id')
      .notNull()
      .references(() => people.id),
    releasedAt: instant('released_at').notNull(),
  },
  (t) => [uniqueIndex('note_publications_number_unique').on(t.noteId, t.number)],
);
