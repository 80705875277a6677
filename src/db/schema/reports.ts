import { integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { Audience, AUDIENCES } from '../../domain/audience.js';
import {
  REPORT_EVENTS,
  REPORT_STATES,
  REPORT_VERSION_SOURCES,
  ReportState,
  type ReportText,
} from '../../domain/summary-report.js';
import { agendaItems } from './agenda.js';
import { createdAt, id, instant } from './columns.js';
import { meetings } from './meetings.js';
import { people } from './people.js';

/** A meeting's summary report: its state, its marking, and which of its versions readers see. */
export const summaryReports = sqliteTable(
  'summary_reports',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    state: text('state', { enum: REPORT_STATES }).notNull().default(ReportState.drafting),
    currentVersionId: integer('current_version_id').references((): AnySQLiteColumn => summaryReportVersions.id),
    // The version last released for comments: what readers outside the secretariat read,
    // also while a reopened report is corrected.
    releasedVersionId: integer('released_version_id').references((): AnySQLiteColumn => summaryReportVersions.id),
    releasedAt: instant('released_at'),
    // The later meeting's agenda item under which the report was adopted.
    adoptedAtItemId: integer('adopted_at_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    adoptedAt: instant('adopted_at'),
    // `Ref. Ares(2021)6941533 - 11/11/2021`, printed above the title block once registered.
    registryReference: text('registry_reference'),
    audience: text('audience', { enum: AUDIENCES }).notNull().default(Audience.network),
    audienceGroups: text('audience_groups', { mode: 'json' }).$type<string[]>().notNull().default([]),
    // Bumped on every change of the row: the basis of its ETag.
    revision: integer('revision').notNull().default(1),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('summary_reports_meeting_unique').on(t.meetingId)],
);

/** What the report said at each step: never changed once written (a trigger holds to that). */
export const summaryReportVersions = sqliteTable(
  'summary_report_versions',
  {
    id: id(),
    reportId: integer('report_id')
      .notNull()
      .references(() => summaryReports.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: text('content', { mode: 'json' }).$type<ReportText>().notNull(),
    source: text('source', { enum: REPORT_VERSION_SOURCES }).notNull(),
    // The uploaded file's name, for a version read from one.
    fileName: text('file_name'),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('summary_report_versions_number_unique').on(t.reportId, t.number)],
);

/** Every move of a report, with its reason: append-only (a trigger holds to that). */
export const summaryReportEvents = sqliteTable('summary_report_events', {
  id: id(),
  reportId: integer('report_id')
    .notNull()
    .references(() => summaryReports.id, { onDelete: 'cascade' }),
  event: text('event', { enum: REPORT_EVENTS }).notNull(),
  fromState: text('from_state', { enum: REPORT_STATES }).notNull(),
  toState: text('to_state', { enum: REPORT_STATES }).notNull(),
  versionNumber: integer('version_number').notNull(),
  comment: text('comment'),
  actorId: integer('actor_id')
    .notNull()
    .references(() => people.id),
  at: instant('at').notNull(),
});
