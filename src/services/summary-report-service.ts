import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { SummaryReportView } from '../rendering/views/summary-report-view.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { MeetingRecordService } from './meeting-record-service.js';
import { assembleSummaryReport } from './summary-report-assembly.js';

/**
 * The summary report of a meeting as assembled from its record, for the PDF renderer. Until the
 * report has its own workflow (drafting, review, release, adoption) it is the secretariat's draft.
 */
export function createSummaryReportService(ctx: ServiceContext, records: MeetingRecordService) {
  return {
    view(actor: Actor, meetingId: number): SummaryReportView {
      if (!isStaff(actor.role)) throw Errors.forbidden('The summary report is drafted by the secretariat.');
      const { meeting, network } = meetingOrThrow(ctx, meetingId);
      const record = records.get(actor, meetingId);
      return assembleSummaryReport({
        meeting,
        network,
        format: meeting.format,
        coChairs: meeting.coChairs,
        items: record.items,
        attendance: record.attendance,
        createdAt: isoNow(ctx),
      });
    },
  };
}
export type SummaryReportService = ReturnType<typeof createSummaryReportService>;
