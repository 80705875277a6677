import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { people, summaryReportEvents, summaryReports, summaryReportVersions } from '../db/schema/index.js';

export type ReportRow = typeof summaryReports.$inferSelect;
export type ReportVersionRow = typeof summaryReportVersions.$inferSelect;
export type ReportEventRow = typeof summaryReportEvents.$inferSelect;

/** Summary reports, their versions and their moves. */
export function createReportRepository(db: Db) {
  return {
    findByMeeting: (meetingId: number) =>
      db.select().from(summaryReports).where(eq(summaryReports.meetingId, meetingId)).get(),
    insert: (row: typeof summaryReports.$inferInsert) => db.insert(summaryReports).values(row).returning().get(),
    /** Every change of the row bumps its revision: the report's ETag. */
    update: (report: ReportRow, changes: Partial<typeof summaryReports.$inferInsert>) =>
      db
        .update(summaryReports)
        .set({ ...changes, revision: report.revision + 1 })
        .where(eq(summaryReports.id, report.id))
        .returning()
        .get(),

    versionsOf: (reportId: number) =>
      db
        .select({ version: summaryReportVersions, authorName: people.name })
        .from(summaryReportVersions)
        .innerJoin(people, eq(people.id, summaryReportVersions.authorId))
        .where(eq(summaryReportVersions.reportId, reportId))
        .orderBy(asc(summaryReportVersions.number))
        .all(),
    findVersion: (id: number) => db.select().from(summaryReportVersions).where(eq(summaryReportVersions.id, id)).get(),
    latestVersion: (reportId: number) =>
      db
        .select()
        .from(summaryReportVersions)
        .where(eq(summaryReportVersions.reportId, reportId))
        .orderBy(desc(summaryReportVersions.number))
        .get(),
    insertVersion: (row: typeof summaryReportVersions.$inferInsert) =>
      db.insert(summaryReportVersions).values(row).returning().get(),

    eventsOf: (reportId: number) =>
      db
        .select({ event: summaryReportEvents, actorName: people.name })
        .from(summaryReportEvents)
        .innerJoin(people, eq(people.id, summaryReportEvents.actorId))
        .where(eq(summaryReportEvents.reportId, reportId))
        .orderBy(asc(summaryReportEvents.id))
        .all(),
    insertEvent: (row: typeof summaryReportEvents.$inferInsert) =>
      db.insert(summaryReportEvents).values(row).returning().get(),
  };
}
