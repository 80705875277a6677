import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MEETING_FORMATS, type CoChair } from '../../domain/meeting-record.js';
import { MEETING_STATUSES, MeetingStatus } from '../../domain/meeting-status.js';
import { createdAt, id, instant } from './columns.js';

export const networks = sqliteTable('networks', {
  id: id(),
  name: text('name').notNull().unique(),
  // The lines printed at the top of every cover note of this network's meetings, in order.
  headerLines: text('header_lines', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: createdAt(),
});

export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networks.id),
    ordinal: integer('ordinal').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default(MeetingStatus.planned),
    // Last day (YYYY-MM-DD) for rapporteurs to submit their notes for review.
    draftingDeadline: text('drafting_deadline'),
    // When the secretariat last published the meeting's public documents (null: never).
    publishedAt: instant('published_at'),
    // How the meeting was held (null: not recorded yet) and who chaired it, in the order printed.
    format: text('format', { enum: MEETING_FORMATS }),
    coChairs: text('co_chairs', { mode: 'json' }).$type<CoChair[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index('meetings_start_idx').on(t.startDate),
    // A network holds one "18th meeting": the number names the meeting in every printed line.
    uniqueIndex('meetings_network_ordinal_unique').on(t.networkId, t.ordinal),
  ],
);
