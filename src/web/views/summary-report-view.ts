import { blockLines } from '../../domain/note-blocks.js';
import { REPORT_WORKFLOW, ReportState, type ReportEvent, type ReportText } from '../../domain/summary-report.js';
import { TEXT } from '../../rendering/html/text.js';
import type { MeetingView } from '../../services/presenters.js';
import type { SummaryReportService } from '../../services/summary-report-service.js';
import { EMPTY_FORM, errorSummary, fieldViews, isRefused, type FormFields, type FormState } from './form-view.js';
import { shortTime } from './item-history-view.js';
import { markingChoices } from './item-settings-view.js';
import { underMeetingHeader } from './page-headers.js';
import { RECORD_WORDS } from './record-view.js';
import {
  REPORT_EVENT_DONE,
  REPORT_EVENT_HINTS,
  REPORT_EVENT_LABELS,
  REPORT_STATE_WORDS,
  versionSourceWords,
} from './report-words.js';
import { typedText } from './write-view.js';

export type SummaryReport = NonNullable<ReturnType<SummaryReportService['find']>>;
export type AdoptionMeetings = ReturnType<SummaryReportService['adoptionItems']>;

/** Which of the page's forms was refused: `assemble`, `details`, `upload` or `transition`. */
export interface ReportRefusal {
  form: FormState;
  which: string;
}

const DETAILS_FORM: FormFields = {
  registryReference: { label: 'Registry reference', id: 'report-registry' },
  audience: { label: TEXT.distribution, id: 'report-audience-network' },
  audienceGroups: { label: TEXT.distributionGroups, id: 'report-group-delegates' },
};
const UPLOAD_FORM: FormFields = {
  file: { label: 'File', id: 'report-file' },
  baseVersion: { label: 'File', id: 'report-file' },
};
const ASSEMBLE_FORM: FormFields = { baseVersion: { label: 'Assemble', id: 'report-assemble' } };
const transitionForm = (event: string): FormFields => ({
  comment: { label: `${REPORT_EVENT_LABELS[event as ReportEvent] ?? event}: reason`, id: `report-comment-${event}` },
  adoptionItemId: { label: 'Adopted under', id: 'report-adoption-item' },
});

export const pdfUrl = (meetingId: number, version?: number) =>
  `/api/v1/meetings/${meetingId}/summary-report.pdf${version === undefined ? '' : `?version=${version}`}`;

/** The report's state in words; an adopted report names the meeting and item that adopted it. */
export function stateWords(report: Pick<SummaryReport, 'state' | 'adoption'>): string {
  const adoption = report.adoption;
  if (report.state === ReportState.adopted && adoption?.meeting)
    return `Adopted at the ${adoption.meeting}, item ${adoption.itemNumber}`;
  return REPORT_STATE_WORDS[report.state as ReportState] ?? report.state;
}

const conclusionsView = (c: ReportText['opening']) => ({
  paragraphs: c.blocks.map((block) => blockLines(block, typedText).join('\n')),
  footnotes: c.footnotes.map((f) => f.text),
});

/** The report's words as read on the page: the opening, then each item with its conclusions and action points. */
export function reportTextView(text: ReportText) {
  return {
    opening: conclusionsView(text.opening),
    items: text.items.map((item) => ({
      itemId: item.itemId,
      heading: `${item.number}. ${item.title}`,
      procedure: item.procedure,
      ...conclusionsView(item.conclusions),
      actionPoints: item.actionPoints.map((p) => ({
        line: `${p.what} — ${p.owner}${p.dueDate ? `, due ${p.dueDate}` : ''} (${RECORD_WORDS[p.state] ?? p.state})`,
      })),
    })),
  };
}

/** The moves the secretariat may make now, each its own form; a refused one keeps its input and message. */
function actionsView(report: SummaryReport, adoption: AdoptionMeetings, refused: ReportRefusal | undefined) {
  const posted = refused?.which === 'transition' ? refused.form : EMPTY_FORM;
  return report.allowedEvents.map((code) => {
    const event = code as ReportEvent;
    const form = posted.values.event === event ? posted : EMPTY_FORM;
    const fields = fieldViews(form, transitionForm(event));
    const chosen = form.values.adoptionItemId ?? '';
    return {
      event,
      label: REPORT_EVENT_LABELS[event],
      hint: REPORT_EVENT_HINTS[event],
      needsComment: REPORT_WORKFLOW[event].needs === 'comment',
      needsAdoptionItem: REPORT_WORKFLOW[event].needs === 'adoptionItem',
      commentId: `report-comment-${event}`,
      comment: fields.comment,
      adoptionItem: fields.adoptionItemId,
      formError: form.errors._form ?? form.errors.event ?? null,
      formErrorId: `e-report-action-${event}`,
      adoptionMeetings: adoption.map((m) => ({
        label: m.meeting,
        items: m.items.map((i) => ({
          value: String(i.id),
          label: `${i.number}. ${i.title}`,
          selected: String(i.id) === chosen,
        })),
      })),
      hasAdoptionItems: adoption.some((m) => m.items.length > 0),
    };
  });
}

function detailsView(report: SummaryReport, refused: ReportRefusal | undefined) {
  const form = refused?.which === 'details' ? refused.form : EMPTY_FORM;
  const audience = isRefused(form) ? (form.values.audience ?? '') : report.audience;
  const groups = isRefused(form) ? [form.values.audienceGroups ?? ''] : report.audienceGroups;
  return {
    form: fieldViews(form, DETAILS_FORM, { registryReference: report.registryReference ?? '' }),
    marking: markingChoices('report', audience, groups),
    formError: form.errors._form ?? null,
  };
}

function historyView(report: SummaryReport) {
  const { meetingId } = report;
  return {
    versions: report.versions.map((v) => ({
      number: v.number,
      source: versionSourceWords(v.source, v.fileName),
      authorName: v.authorName,
      createdAt: shortTime(v.createdAt),
      pdfUrl: pdfUrl(meetingId, v.number),
      compareUrl:
        v.number > 1 ? `/meetings/${meetingId}/summary-report/diff?from=${v.number - 1}&to=${v.number}` : null,
      isReleased: v.number === report.releasedVersion,
    })),
    events: report.events.map((e) => ({
      event: REPORT_EVENT_DONE[e.event as ReportEvent] ?? e.event,
      version: e.version,
      comment: e.comment,
      actorName: e.actorName,
      at: shortTime(e.at),
    })),
  };
}

const refusalSummary = (refused: ReportRefusal) => {
  const fields =
    refused.which === 'details'
      ? DETAILS_FORM
      : refused.which === 'upload'
        ? UPLOAD_FORM
        : refused.which === 'assemble'
          ? ASSEMBLE_FORM
          : transitionForm(refused.form.values.event ?? '');
  return errorSummary(refused.form, fields);
};

/**
 * The report's page. The secretariat: its state, versions and moves, and a form for each thing
 * the API lets them do; before a report exists, only the form that assembles it. Anyone else:
 * the released text.
 */
export function summaryReportView(
  meeting: MeetingView,
  report: SummaryReport | null,
  facts: { canEdit: boolean; adoption: AdoptionMeetings },
  refused?: ReportRefusal,
) {
  const formOf = (which: string) => (refused?.which === which ? refused.form : EMPTY_FORM);
  const assembleForm = formOf('assemble');
  const uploadForm = formOf('upload');
  const base = {
    header: underMeetingHeader(meeting, TEXT.summaryReport),
    meeting,
    canEdit: facts.canEdit,
    errorSummary: refused ? refusalSummary(refused) : null,
    assemble: {
      formError: assembleForm.errors._form ?? assembleForm.errors.baseVersion ?? null,
    },
  };
  if (!report) return { ...base, report: null };
  return {
    ...base,
    report: {
      // Readers read the version released (the secretariat may be correcting the next one).
      state:
        facts.canEdit || report.state === ReportState.adopted
          ? stateWords(report)
          : REPORT_STATE_WORDS[ReportState.released],
      version: report.version,
      releasedVersion: report.releasedVersion,
      releasedAt: report.releasedAt ? shortTime(report.releasedAt) : null,
      registryReference: report.registryReference,
      isEditable: report.isEditable,
      pdfUrl: pdfUrl(meeting.id),
      editUrl: `/meetings/${meeting.id}/summary-report/edit`,
      ...historyView(report),
      actions: actionsView(report, facts.adoption, refused),
      details: detailsView(report, refused),
      upload: {
        file: {
          value: '',
          error: uploadForm.errors.file ?? uploadForm.errors._form ?? uploadForm.errors.baseVersion ?? null,
        },
      },
      text: reportTextView(report.text),
    },
  };
}
