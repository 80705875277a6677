import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { NOTE_EVENTS, NOTE_STATES } from '../../domain/note-workflow.js';
import { SECTION_KEYS } from '../../domain/note-content.js';
import { createdAt, id, instant } from './columns.js';
import { coverNotes, noteVersions } from './notes.js';
import { people } from './people.js';

/**
 * Every transition of a note, append-only and hash-chained: each row carries the hash of the
 * previous row, so an edited or deleted row breaks the chain. Notes and items are referenced
 * without foreign keys on purpose: the history outlives a deleted agenda item.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    noteId: integer('note_id').notNull(),
    itemId: integer('item_id').notNull(),
    event: text('event', { enum: NOTE_EVENTS }).notNull(),
    fromState: text('from_state', { enum: NOTE_STATES }).notNull(),
    toState: text('to_state', { enum: NOTE_STATES }).notNull(),
    actorId: integer('actor_id').notNull(),
    at: instant('at').notNull(),
    comment: text('comment'),
    versionHash: text('version_hash'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_note_idx').on(t.noteId)],
);

export const reviewComments = sqliteTable(
  'review_comments',
  {
    id: id(),
    noteId: integer('note_id')
      .notNull()
      .references(() => coverNotes.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => noteVersions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    section: text('section', { enum: SECTION_KEYS }),
    paragraph: integer('paragraph'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolvedAt: instant('resolved_at'),
    resolvedById: integer('resolved_by_id').references(() => people.id),
  },
  (t) => [index('review_comments_note_idx').on(t.noteId)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    // A NotificationKind; left a plain string so that a row of an older kind still reads.
    kind: text('kind').notNull(),
    itemId: integer('item_id'),
    meetingId: integer('meeting_id'),
    message: text('message').notNull(),
    // Makes a reminder idempotent: one `deadline:<item>:<days>` per person, however often the check runs.
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    readAt: instant('read_at'),
    mailedAt: instant('mailed_at'),
  },
  (t) => [
    index('notifications_person_idx').on(t.personId),
    index('notifications_dedupe_idx').on(t.personId, t.dedupeKey),
  ],
);
