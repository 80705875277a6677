import { Audience, normaliseMarking } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { isLaterMeeting } from '../domain/meeting-status.js';
import type { Actor } from '../domain/roles.js';
import {
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
import type { ReportRow } from '../repositories/report-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import type { Upload } from './ingest-service.js';
import { meetingOrThrow } from './lookups.js';
import type { MeetingRecordService } from './meeting-record-service.js';
import { createReportPrinting } from './summary-report-printing.js';
import { createReportQueries } from './summary-report-queries.js';
import { assertStaff, createReportReads } from './summary-report-reads.js';

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
  const reads = createReportReads(ctx, records);
  const { fromRecord, reportOrThrow, currentOf, present } = reads;
  const printing = createReportPrinting(ctx, reads);

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

  const service = {
    ...printing,
    ...createReportQueries(ctx, reads),
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
  };

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
