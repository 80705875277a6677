import { Audience, markingAdmits, markingLabel } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { meetingName } from '../domain/meeting-line.js';
import { NO_CONCLUSIONS } from '../domain/meeting-record.js';
import { allowedReportEvents, isEditable, ReportState, type ReportText } from '../domain/summary-report.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { SummaryReportView } from '../rendering/views/summary-report-view.js';
import type { ReportRow, ReportVersionRow } from '../repositories/report-repository.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { MeetingRecordService } from './meeting-record-service.js';
import { readerGroups } from './note-access.js';
import { assembleSummaryReport } from './summary-report-assembly.js';

export function assertStaff(actor: Actor) {
  if (!isStaff(actor.role)) throw Errors.forbidden('The summary report is written by the secretariat.');
}

/**
 * How a summary report is read: its words from the record, the version a reader may see, the
 * report as the API answers it and as the PDF prints it. The writes (summary-report-service.ts)
 * and the reads share these.
 */
export function createReportReads(ctx: ServiceContext, records: MeetingRecordService) {
  const { repos } = ctx;

  /** The report's words as the record has them now; the opening is the secretariat's to write. */
  function fromRecord(actor: Actor, meetingId: number, opening = NO_CONCLUSIONS): ReportText {
    const { meeting } = meetingOrThrow(ctx, meetingId);
    const record = records.get(actor, meetingId);
    return {
      format: meeting.format,
      coChairs: meeting.coChairs,
      opening,
      items: record.items.map((item) => ({
        itemId: item.itemId,
        number: item.number,
        title: item.title,
        depth: item.depth,
        procedure: item.procedure,
        outcome: item.outcome,
        conclusions: item.conclusions,
        actionPoints: item.actionPoints.map((p) => ({
          itemNumber: p.itemNumber,
          what: p.what,
          owner: p.owner,
          dueDate: p.dueDate,
          state: p.state,
        })),
      })),
      attendance: record.attendance.map((a) => ({
        name: a.name,
        delegation: a.delegation,
        state: a.state,
        representedBy: a.representedBy ? { name: a.representedBy.name, delegation: a.representedBy.delegation } : null,
      })),
    };
  }

  function reportOrThrow(meetingId: number): ReportRow {
    meetingOrThrow(ctx, meetingId);
    const report = repos.reports.findByMeeting(meetingId);
    if (!report) throw Errors.notFound(`Meeting ${meetingId} has no summary report yet.`);
    return report;
  }

  const currentOf = (report: ReportRow) => repos.reports.findVersion(report.currentVersionId!)!;

  /** The report as a reader outside the secretariat may read it, or a 404 (they may not know it exists). */
  function releasedFor(actor: Actor, meetingId: number) {
    const report = repos.reports.findByMeeting(meetingId);
    const groups = readerGroups(ctx, actor, meetingId);
    if (!report?.releasedVersionId || !markingAdmits(report, groups))
      throw Errors.notFound(`No summary report of meeting ${meetingId} is released to you.`);
    const version = repos.reports.findVersion(report.releasedVersionId)!;
    return { report, version, text: withItemsAdmitting(version.content, meetingId, groups) };
  }

  /** The text without the items whose marking does not admit these reader groups. */
  function withItemsAdmitting(text: ReportText, meetingId: number, groups: readonly string[]): ReportText {
    const items = new Map(repos.agenda.listItems(meetingId).map((item) => [item.id, item]));
    return {
      ...text,
      items: text.items.filter((entry) => {
        const item = items.get(entry.itemId);
        return item !== undefined && markingAdmits(item, groups);
      }),
    };
  }

  function present(report: ReportRow, version: ReportVersionRow, text: ReportText, forStaff: boolean) {
    const adoptedAt = report.adoptedAtItemId ? repos.agenda.findItem(report.adoptedAtItemId) : undefined;
    const adoptedMeeting = adoptedAt ? repos.meetings.find(adoptedAt.meetingId) : undefined;
    return {
      meetingId: report.meetingId,
      // Readers outside the secretariat see the state of the version they read, not a correction under way.
      state: forStaff || report.state === ReportState.adopted ? report.state : ReportState.released,
      version: version.number,
      releasedVersion: report.releasedVersionId ? repos.reports.findVersion(report.releasedVersionId)!.number : null,
      releasedAt: report.releasedAt,
      adoption:
        report.adoptedAt !== null
          ? {
              at: report.adoptedAt,
              itemId: adoptedAt?.id ?? null,
              itemNumber: adoptedAt?.number ?? null,
              itemTitle: adoptedAt?.title ?? null,
              meetingId: adoptedAt?.meetingId ?? null,
              meeting: adoptedMeeting ? meetingName(adoptedMeeting.meeting.ordinal, adoptedMeeting.network.name) : null,
            }
          : null,
      registryReference: report.registryReference,
      audience: report.audience,
      audienceGroups: report.audienceGroups,
      allowedEvents: forStaff ? allowedReportEvents(report.state) : [],
      isEditable: forStaff && isEditable(report.state),
      versions: forStaff
        ? repos.reports.versionsOf(report.id).map(({ version: v, authorName }) => ({
            number: v.number,
            source: v.source,
            fileName: v.fileName,
            authorName,
            createdAt: v.createdAt,
          }))
        : [],
      events: forStaff
        ? repos.reports.eventsOf(report.id).map(({ event: e, actorName }) => ({
            event: e.event,
            fromState: e.fromState,
            toState: e.toState,
            version: e.versionNumber,
            comment: e.comment,
            actorName,
            at: e.at,
          }))
        : [],
      text,
      etag: `"report-${report.id}-${report.revision}"`,
    };
  }

  function view(report: ReportRow, version: ReportVersionRow, text: ReportText, draft: boolean): SummaryReportView {
    const { meeting, network } = meetingOrThrow(ctx, report.meetingId);
    const label =
      report.state === ReportState.adopted && !draft
        ? null
        : draft
          ? `Draft — version ${version.number}, ${report.state}`
          : `Released for comments — version ${version.number}`;
    return assembleSummaryReport({
      meeting,
      network,
      format: text.format,
      coChairs: text.coChairs,
      opening: text.opening,
      items: text.items,
      attendance: text.attendance,
      registryReference: report.registryReference,
      marking: markingLabel(report),
      draftLabel: label,
      createdAt: version.createdAt,
    });
  }

  function isPublicItem(itemId: number) {
    return repos.agenda.findItem(itemId)?.audience === Audience.public;
  }

  function versionOrThrow(report: ReportRow, number: number): ReportVersionRow {
    const found = repos.reports.versionsOf(report.id).find((v) => v.version.number === number);
    if (!found) throw Errors.notFound(`The summary report has no version ${number}.`);
    return found.version;
  }
  return {
    fromRecord,
    reportOrThrow,
    currentOf,
    releasedFor,
    present,
    printed: view,
    isPublicItem,
    versionOrThrow,
  };
}
