import { Audience, markingAdmits, markingLabel, normaliseMarking } from '../domain/audience.js';
import { AgendumError, Errors } from '../domain/errors.js';
import { meetingFileStem, meetingName } from '../domain/meeting-line.js';
import { NO_CONCLUSIONS } from '../domain/meeting-record.js';
import { isLaterMeeting } from '../domain/meeting-status.js';
import { diffReports } from '../domain/report-diff.js';
import { isStaff, type Actor } from '../domain/roles.js';
import {
  allowedReportEvents,
  editReportText,
  isEditable,
  reportTransition,
  ReportState,
  ReportVersionSource,
  sameText,
  type ReportEvent,
  type ReportText,
  type ReportTextChanges,
} from '../domain/summary-report.js';
import { parseSummaryReport } from '../ingest/parse-summary-report.js';
import { readDraft, type DraftOptions } from '../ingest/read-draft.js';
import type { ZipLimits } from '../ingest/zip-guard.js';
import { renderSummaryReportPdf } from '../rendering/pdf/summary-report-pdf.js';
import type { SummaryReportView } from '../rendering/views/summary-report-view.js';
import type { ReportRow, ReportVersionRow } from '../repositories/report-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import type { Upload } from './ingest-service.js';
import { meetingOrThrow } from './lookups.js';
import type { MeetingRecordService } from './meeting-record-service.js';
import { readerGroups } from './note-access.js';
import type { PdfFile } from './pdf-service.js';
import type { ExtraDocument } from './publication-site.js';
import { assembleSummaryReport } from './summary-report-assembly.js';

const REPORT_FILE = 'summary-report.pdf';

function assertStaff(actor: Actor) {
  if (!isStaff(actor.role)) throw Errors.forbidden('The summary report is written by the secretariat.');
}

/**
 * A meeting's summary report as a document of its own: assembled from the record, edited or
 * uploaded while drafting and in review, released for the members' comments, and adopted at a
 * later meeting. Each change of its words is a new version; readers outside the secretariat read
 * the version last released, without the items whose marking does not admit them.
 */
export function createSummaryReportService(
  ctx: ServiceContext,
  records: MeetingRecordService,
  limits: ZipLimits & DraftOptions,
) {
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

  /** Adds a version with `text` (none when it says exactly what the current one says). */
  function addVersion(
    actor: Actor,
    report: ReportRow,
    text: ReportText,
    source: ReportVersionSource,
    fileName: string | null = null,
  ): ReportRow {
    const current = currentOf(report);
    if (sameText(current.content, text)) return report;
    const version = repos.reports.insertVersion({
      reportId: report.id,
      number: current.number + 1,
      content: text,
      source,
      fileName,
      authorId: actor.id,
      createdAt: isoNow(ctx),
    });
    return repos.reports.update(report, { currentVersionId: version.id, updatedAt: isoNow(ctx) });
  }

  function editableOrThrow(meetingId: number, baseVersion: number | undefined) {
    const report = reportOrThrow(meetingId);
    if (!isEditable(report.state))
      throw Errors.conflict(
        `A ${report.state} summary report is not edited; ${report.state === ReportState.released ? 'reopen it first' : 'it is final'}.`,
      );
    const current = currentOf(report);
    if (baseVersion !== undefined && baseVersion !== current.number)
      throw Errors.conflict(
        `The summary report is at version ${current.number}, not ${baseVersion}: someone changed it meanwhile. Reload and edit again.`,
        { version: current.number },
      );
    return { report, current };
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

  async function pdfOf(meetingId: number, summary: SummaryReportView): Promise<PdfFile> {
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    const bytes = await renderSummaryReportPdf(summary, { now: new Date(summary.createdAt) });
    return { fileName: `${meetingFileStem(meeting.ordinal, network.name)}-${REPORT_FILE}`, bytes };
  }

  const service = {
    /** The report as this reader may read it: staff its current version and history, others what was released. */
    get(actor: Actor, meetingId: number) {
      if (!isStaff(actor.role)) {
        const { report, version, text } = releasedFor(actor, meetingId);
        return present(report, version, text, false);
      }
      const report = reportOrThrow(meetingId);
      const current = currentOf(report);
      return present(report, current, current.content, true);
    },

    /**
     * Assembles the report from the record: the first version, or a new one that takes the
     * record as it is now (items, conclusions, action points, attendance) and keeps the opening.
     */
    assemble(actor: Actor, meetingId: number, baseVersion?: number) {
      assertStaff(actor);
      const saved = ctx.transaction(() => {
        const existing = repos.reports.findByMeeting(meetingId);
        if (!existing) {
          const text = fromRecord(actor, meetingId);
          const now = isoNow(ctx);
          const report = repos.reports.insert({ meetingId, updatedAt: now });
          const version = repos.reports.insertVersion({
            reportId: report.id,
            number: 1,
            content: text,
            source: ReportVersionSource.assembled,
            authorId: actor.id,
            createdAt: now,
          });
          return repos.reports.update(report, { currentVersionId: version.id, updatedAt: now });
        }
        const { report, current } = editableOrThrow(meetingId, baseVersion);
        return addVersion(
          actor,
          report,
          fromRecord(actor, meetingId, current.content.opening),
          ReportVersionSource.assembled,
        );
      });
      return present(saved, currentOf(saved), currentOf(saved).content, true);
    },

    /** New words for the opening and the items named; `baseVersion` guards against a lost update. */
    edit(actor: Actor, meetingId: number, changes: ReportTextChanges & { baseVersion?: number }) {
      assertStaff(actor);
      const saved = ctx.transaction(() => {
        const { report, current } = editableOrThrow(meetingId, changes.baseVersion);
        return addVersion(actor, report, editReportText(current.content, changes), ReportVersionSource.edited);
      });
      return present(saved, currentOf(saved), currentOf(saved).content, true);
    },

    /**
     * The report's words read from a Word, PDF or text file in the report's layout: the opening
     * and each item found by its agenda number; what the record gives (action points, attendance)
     * stays the record's. Warnings say what was not placed.
     */
    async upload(actor: Actor, meetingId: number, upload: Upload, baseVersion?: number) {
      assertStaff(actor);
      const before = editableOrThrow(meetingId, baseVersion);
      const { extracted } = await readDraft(upload.bytes, limits, {
        ...limits,
        fileName: upload.fileName,
        ...(upload.mediaType ? { mediaType: upload.mediaType } : {}),
      });
      const parsed = parseSummaryReport(extracted, before.current.content.items);
      if (parsed.items.length === 0 && parsed.opening.blocks.length === 0)
        throw Errors.badUpload(
          'No part of the summary report was found: the file needs "Opening and approval of agenda" or the agenda items\' headings (e.g. "9.1. Title").',
        );
      const saved = ctx.transaction(() => {
        // Checked again: the file was read outside the transaction.
        const { report, current } = editableOrThrow(meetingId, before.current.number);
        const text = editReportText(current.content, { opening: parsed.opening, items: parsed.items });
        return addVersion(actor, report, text, ReportVersionSource.uploaded, upload.fileName);
      });
      return { report: present(saved, currentOf(saved), currentOf(saved).content, true), warnings: parsed.warnings };
    },

    /** One move of the workflow, with its reason or (to adopt) the later meeting's item. */
    transition(
      actor: Actor,
      meetingId: number,
      input: { event: ReportEvent; comment?: string | null; adoptionItemId?: number | null },
    ) {
      assertStaff(actor);
      const saved = ctx.transaction(() => {
        const report = reportOrThrow(meetingId);
        const to = reportTransition(report.state, input.event, { actor, ...input });
        const now = isoNow(ctx);
        const changes: Partial<ReportRow> = { state: to, updatedAt: now };
        if (to === ReportState.released)
          Object.assign(changes, { releasedVersionId: report.currentVersionId, releasedAt: now });
        if (to === ReportState.adopted) {
          const adoptionItemId = input.adoptionItemId!;
          checkAdoptionItem(meetingId, adoptionItemId);
          Object.assign(changes, { adoptedAtItemId: adoptionItemId, adoptedAt: now });
        }
        repos.reports.insertEvent({
          reportId: report.id,
          event: input.event,
          fromState: report.state,
          toState: to,
          versionNumber: currentOf(report).number,
          comment: input.comment?.trim() || null,
          actorId: actor.id,
          at: now,
        });
        return repos.reports.update(report, changes);
      });
      return present(saved, currentOf(saved), currentOf(saved).content, true);
    },

    /** The registry reference and the distribution marking: the report's metadata, set in any state. */
    setDetails(
      actor: Actor,
      meetingId: number,
      changes: { registryReference?: string | null; audience?: Audience; audienceGroups?: string[] },
    ) {
      assertStaff(actor);
      const saved = ctx.transaction(() => {
        const report = reportOrThrow(meetingId);
        const update: Partial<ReportRow> = { updatedAt: isoNow(ctx) };
        if (changes.registryReference !== undefined)
          update.registryReference = changes.registryReference?.trim() || null;
        if (changes.audience !== undefined || changes.audienceGroups !== undefined)
          Object.assign(
            update,
            normaliseMarking(changes.audience ?? report.audience, changes.audienceGroups ?? report.audienceGroups),
          );
        return repos.reports.update(report, update);
      });
      return present(saved, currentOf(saved), currentOf(saved).content, true);
    },

    /** The report as `get` gives it, or null where `get` answers 404 (none yet, or none released to this reader). */
    find(actor: Actor, meetingId: number) {
      meetingOrThrow(ctx, meetingId);
      try {
        return service.get(actor, meetingId);
      } catch (error) {
        if (error instanceof AgendumError && error.status === 404) return null;
        throw error;
      }
    },

    /**
     * The items a report may be adopted under, as `transition` checks them: those of the later
     * meetings of the same network, meeting by meeting, in agenda order.
     */
    adoptionItems(actor: Actor, meetingId: number) {
      assertStaff(actor);
      const { meeting } = meetingOrThrow(ctx, meetingId);
      return repos.meetings
        .list()
        .filter(({ meeting: m }) => isLaterMeeting(m, meeting))
        .sort((a, b) => a.meeting.startDate.localeCompare(b.meeting.startDate))
        .map(({ meeting: m, network }) => ({
          meetingId: m.id,
          meeting: meetingName(m.ordinal, network.name),
          items: repos.agenda
            .listItems(m.id)
            .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
            .map((item) => ({ id: item.id, number: item.number, title: item.title })),
        }));
    },

    /** One version's words, for the secretariat. */
    version(actor: Actor, meetingId: number, number: number) {
      assertStaff(actor);
      return versionOrThrow(reportOrThrow(meetingId), number);
    },

    /** What changed from version `from` to version `to`, part by part. */
    diff(actor: Actor, meetingId: number, from: number, to: number) {
      assertStaff(actor);
      const report = reportOrThrow(meetingId);
      const before = versionOrThrow(report, from);
      const after = versionOrThrow(report, to);
      return { meetingId, from, to, ...diffReports(before.content, after.content) };
    },

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
      return pdfOf(meetingId, service.view(actor, meetingId, versionNumber));
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

  function isPublicItem(itemId: number) {
    return repos.agenda.findItem(itemId)?.audience === Audience.public;
  }

  function versionOrThrow(report: ReportRow, number: number): ReportVersionRow {
    const found = repos.reports.versionsOf(report.id).find((v) => v.version.number === number);
    if (!found) throw Errors.notFound(`The summary report has no version ${number}.`);
    return found.version;
  }

  /** Adopted under an item of a later meeting of the same network. */
  function checkAdoptionItem(meetingId: number, itemId: number) {
    const { meeting } = meetingOrThrow(ctx, meetingId);
    const item = repos.agenda.findItem(itemId);
    const later = item ? repos.meetings.find(item.meetingId)?.meeting : undefined;
    if (!item || !later) throw Errors.invalid.onField('adoptionItemId', `Agenda item ${itemId} does not exist.`);
    if (!isLaterMeeting(later, meeting))
      throw Errors.invalid.onField(
        'adoptionItemId',
        `Item ${item.number} is not on the agenda of a later meeting of this network: a report is adopted at a meeting after it.`,
      );
  }

  return service;
}
export type SummaryReportService = ReturnType<typeof createSummaryReportService>;
