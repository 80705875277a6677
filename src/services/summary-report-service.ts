import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { meetingFileStem } from '../domain/meeting-line.js';
import { renderSummaryReportPdf } from '../rendering/pdf/summary-report-pdf.js';
import type { SummaryReportView } from '../rendering/views/summary-report-view.js';
import type { PdfFile } from './pdf-service.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { MeetingRecordService } from './meeting-record-service.js';
import { assembleSummaryReport } from './summary-report-assembly.js';

/**
 * The summary report of a meeting as assembled from its record, for the PDF renderer. Until the
 * report has its own workflow (drafting, review, release, adoption) it is the secretariat's draft.
 */
export function createSummaryReportService(ctx: ServiceContext, records: MeetingRecordService) {
  const service = {
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

    /** The report as a PDF, in the Commission's layout (letterhead, title block, items, annex). */
    async pdf(actor: Actor, meetingId: number): Promise<PdfFile> {
      const view = service.view(actor, meetingId);
      const { meeting, network } = meetingOrThrow(ctx, meetingId);
      const bytes = await renderSummaryReportPdf(view, { now: new Date(view.createdAt) });
      return { fileName: `${meetingFileStem(meeting.ordinal, network.name)}-summary-report.pdf`, bytes };
    },
  };
  return service;
}
export type SummaryReportService = ReturnType<typeof createSummaryReportService>;
