import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  ACTION_POINT_STATES,
  ActionPointState,
  ATTENDANCE_STATES,
  type Conclusions,
} from '../../domain/meeting-record.js';
import { agendaItems } from './agenda.js';
import { createdAt, id, instant } from './columns.js';
import { meetings } from './meetings.js';
import { people } from './people.js';

/** Who took part in a meeting, per person on its recipient lists; a person not recorded has no row. */
export const attendance = sqliteTable(
  'attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    state: text('state', { enum: ATTENDANCE_STATES }).notNull(),
    // Set only for a represented person: who stood in for them.
    representedById: integer('represented_by_id').references(() => people.id),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** What the meeting concluded on an item (the cover notes' content model); one row per item that has some. */
export const itemConclusions = sqliteTable('item_conclusions', {
  itemId: integer('item_id')
    .primaryKey()
    .references(() => agendaItems.id, { onDelete: 'cascade' }),
  content: text('content', { mode: 'json' }).$type<Conclusions>().notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** A task decided under an item: owned by a person or a delegation, open until done. */
export const actionPoints = sqliteTable(
  'action_points',
  {
    id: id(),
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    ownerPersonId: integer('owner_person_id').references(() => people.id),
    ownerDelegation: text('owner_delegation'),
    // YYYY-MM-DD, or null when no date was set.
    dueDate: text('due_date'),
    state: text('state', { enum: ACTION_POINT_STATES }).notNull().default(ActionPointState.open),
    createdAt: createdAt(),
    closedAt: instant('closed_at'),
  },
  (t) => [index('action_points_item_idx').on(t.itemId), index('action_points_owner_idx').on(t.ownerPersonId)],
);
