import { Audience } from '../domain/audience.js';
import { meetingFileStem, meetingName } from '../domain/meeting-line.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { ReportState } from '../domain/summary-report.js';
import { renderSummaryReportPdf } from '../rendering/pdf/summary-report-pdf.js';
import type { SummaryReportView } from '../rendering/views/summary-report-view.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { PdfFile } from './pdf-service.js';
import type { ExtraDocument } from './publication-site.js';
import { assembleSummaryReport } from './summary-report-assembly.js';
import type { createReportReads } from './summary-report-reads.js';

const REPORT_FILE = 'summary-report.pdf';

/** The summary report printed: for a reader (the PDF routes), and the adopted public one for the public folder. */
export function createReportPrinting(ctx: ServiceContext, reads: ReturnType<typeof createReportReads>) {
  const { repos } = ctx;
  const { fromRecord, currentOf, releasedFor, isPublicItem, versionOrThrow } = reads;
  const view = reads.printed;

  async function pdfOf(meetingId: number, summary: SummaryReportView): Promise<PdfFile> {
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    const bytes = await renderSummaryReportPdf(summary, { now: new Date(summary.createdAt) });
    return { fileName: `${meetingFileStem(meeting.ordinal, network.name)}-${REPORT_FILE}`, bytes };
  }

  const printing = {
    /**
     * The report as printed: staff the current version (or the one asked for) marked as a draft
     * until released, or, before any report exists, the record assembled as a draft; everyone
     * else the version last released.
     */
    view(actor: Actor, meetingId: number, versionNumber?: number): SummaryReportView {
      if (!isStaff(actor.role)) {
        const { report, version, text } = releasedFor(actor, meetingId);
        return view(report, version, text, false);
      }
      const report = repos.reports.findByMeeting(meetingId);
      if (!report) {
        const { meeting, network } = meetingOrThrow(ctx, meetingId);
        const text = fromRecord(actor, meetingId);
        return assembleSummaryReport({ meeting, network, ...text, createdAt: isoNow(ctx) });
      }
      const version = versionNumber === undefined ? currentOf(report) : versionOrThrow(report, versionNumber);
      const isReleased = report.state !== ReportState.drafting && report.state !== ReportState.review;
      const draft = !(isReleased && version.id === report.releasedVersionId);
      return view(report, version, version.content, draft);
    },

    async pdf(actor: Actor, meetingId: number, versionNumber?: number): Promise<PdfFile> {
      return pdfOf(meetingId, printing.view(actor, meetingId, versionNumber));
    },

    /** The adopted report of a meeting, when it is `public`, for the public folder: only its `public` items. */
    async publicDocuments(meetingId: number): Promise<ExtraDocument[]> {
      const report = repos.reports.findByMeeting(meetingId);
      if (report?.state !== ReportState.adopted || report.audience !== Audience.public) return [];
      const version = repos.reports.findVersion(report.releasedVersionId!)!;
      const text = { ...version.content, items: version.content.items.filter((i) => isPublicItem(i.itemId)) };
      const printed = view(report, version, text, false);
      const { bytes } = await pdfOf(meetingId, printed);
      const { meeting, network } = meetingOrThrow(ctx, meetingId);
      return [
        {
          fileName: REPORT_FILE,
          title: `Summary report of the ${meetingName(meeting.ordinal, network.name)}`,
          bytes,
          updated: report.adoptedAt!,
        },
      ];
    },
  };
  return printing;
}
