import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { actionPoints, agendaItems, attendance, itemConclusions, meetings } from '../db/schema/index.js';
import { ActionPointState } from '../domain/meeting-record.js';

export type AttendanceRow = typeof attendance.$inferSelect;
export type ActionPointRow = typeof actionPoints.$inferSelect;
export type ConclusionsRow = typeof itemConclusions.$inferSelect;

/** What was recorded during and after a meeting: attendance, conclusions, action points. */
export function createRecordRepository(db: Db) {
  return {
    attendanceOf: (meetingId: number) => db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all(),
    /** Replaces the rows of the people given; everyone else's entry stays. */
    setAttendance(meetingId: number, rows: Omit<AttendanceRow, 'meetingId'>[]) {
      for (const row of rows) {
        db.insert(attendance)
          .values({ ...row, meetingId })
          .onConflictDoUpdate({
            target: [attendance.meetingId, attendance.personId],
            set: { state: row.state, representedById: row.representedById, updatedAt: row.updatedAt },
          })
          .run();
      }
    },
    clearAttendance: (meetingId: number, personIds: number[]) =>
      db
        .delete(attendance)
        .where(and(eq(attendance.meetingId, meetingId), inArray(attendance.personId, personIds)))
        .run(),

    conclusionsOf: (itemIds: number[]) =>
      itemIds.length === 0
        ? []
        : db.select().from(itemConclusions).where(inArray(itemConclusions.itemId, itemIds)).all(),
    setConclusions: (row: ConclusionsRow) =>
      db
        .insert(itemConclusions)
        .values(row)
        .onConflictDoUpdate({ target: itemConclusions.itemId, set: { content: row.content, updatedAt: row.updatedAt } })
        .run(),
    clearConclusions: (itemId: number) => db.delete(itemConclusions).where(eq(itemConclusions.itemId, itemId)).run(),

    actionPointsOf: (itemIds: number[]) =>
      itemIds.length === 0
        ? []
        : db
            .select()
            .from(actionPoints)
            .where(inArray(actionPoints.itemId, itemIds))
            .orderBy(asc(actionPoints.id))
            .all(),
    findActionPoint: (id: number) => db.select().from(actionPoints).where(eq(actionPoints.id, id)).get(),
    insertActionPoint: (row: typeof actionPoints.$inferInsert) => db.insert(actionPoints).values(row).returning().get(),
    updateActionPoint: (id: number, changes: Partial<typeof actionPoints.$inferInsert>) =>
      db.update(actionPoints).set(changes).where(eq(actionPoints.id, id)).returning().get(),
    deleteActionPoint: (id: number) => db.delete(actionPoints).where(eq(actionPoints.id, id)).run(),

    /** Open action points decided at the network's meetings before `startDate`, oldest meeting first. */
    openActionPointsBefore: (networkId: number, startDate: string) =>
      db
        .select({ point: actionPoints, item: agendaItems, meeting: meetings })
        .from(actionPoints)
        .innerJoin(agendaItems, eq(agendaItems.id, actionPoints.itemId))
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(
          and(
            eq(meetings.networkId, networkId),
            lt(meetings.startDate, startDate),
            eq(actionPoints.state, ActionPointState.open),
          ),
        )
        .orderBy(asc(meetings.startDate), asc(actionPoints.id))
        .all(),
    /** Every open action point, with its item and meeting: what the reminders go through. */
    openActionPoints: () =>
      db
        .select({ point: actionPoints, item: agendaItems, meeting: meetings })
        .from(actionPoints)
        .innerJoin(agendaItems, eq(agendaItems.id, actionPoints.itemId))
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(eq(actionPoints.state, ActionPointState.open))
        .all(),
    markActionFollowUp: (itemId: number) =>
      db.update(agendaItems).set({ isActionFollowUp: true }).where(eq(agendaItems.id, itemId)).run(),
  };
}
export type RecordRepository = ReturnType<typeof createRecordRepository>;
