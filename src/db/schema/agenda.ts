import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { Audience, AUDIENCES } from '../../domain/audience.js';
import { createdAt, id } from './columns.js';
import { meetings } from './meetings.js';
import { people } from './people.js';

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => agendaItems.id, {
      onDelete: 'cascade',
    }),
    // 1-based place among its siblings; `number` is derived from the chain of positions.
    position: integer('position').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    // A postponed item copied to a later meeting points back at where it came from.
    copiedFromItemId: integer('copied_from_item_id'),
    // The "Follow-up of action points" item: lists the network's open action points of earlier meetings.
    isActionFollowUp: integer('is_action_follow_up', { mode: 'boolean' }).notNull().default(false),
    // Distribution marking of the item's note: public, network (default) or limited to the
    // recipient groups named in audienceGroups.
    audience: text('audience', { enum: AUDIENCES }).notNull().default(Audience.network),
    audienceGroups: text('audience_groups', { mode: 'json' }).$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agenda_items_number_unique').on(t.meetingId, t.number),
    index('agenda_items_parent_idx').on(t.parentId),
  ],
);

export const itemRapporteurs = sqliteTable(
  'item_rapporteurs',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.personId] }), index('item_rapporteurs_person_idx').on(t.personId)],
);
