import { ReportEvent, ReportState, ReportVersionSource } from '../../domain/summary-report.js';

/**
 * The words people read for a summary report's codes: its states, its moves and how a version
 * came to be. The codes are the domain's; the words are the pages'.
 */
export const REPORT_STATE_WORDS: Record<ReportState, string> = {
  [ReportState.drafting]: 'Drafting',
  [ReportState.review]: 'In review',
  [ReportState.released]: 'Released for comments',
  [ReportState.adopted]: 'Adopted',
};

/** A move's button. */
export const REPORT_EVENT_LABELS: Record<ReportEvent, string> = {
  [ReportEvent.submit]: 'Submit for review',
  [ReportEvent.return]: 'Return to drafting',
  [ReportEvent.release]: 'Release for comments',
  [ReportEvent.reopen]: 'Reopen for corrections',
  [ReportEvent.adopt]: 'Record the adoption',
};

/** What a move does, said beside its button. */
export const REPORT_EVENT_HINTS: Record<ReportEvent, string> = {
  [ReportEvent.submit]: 'The secretariat reviews the report; it can still be edited in review.',
  [ReportEvent.return]: 'The report goes back to drafting; say why.',
  [ReportEvent.release]:
    'The members read this version and comment on it; later versions stay the secretariat\u2019s until released again.',
  [ReportEvent.reopen]: 'The report is corrected in drafting; the members keep reading the version released.',
  [ReportEvent.adopt]: 'Name the item of the later meeting under which the report was adopted.',
};

/** A move as the history lists it. */
export const REPORT_EVENT_DONE: Record<ReportEvent, string> = {
  [ReportEvent.submit]: 'Submitted for review',
  [ReportEvent.return]: 'Returned to drafting',
  [ReportEvent.release]: 'Released for comments',
  [ReportEvent.reopen]: 'Reopened',
  [ReportEvent.adopt]: 'Adopted',
};

const SOURCE_WORDS: Record<ReportVersionSource, (fileName: string | null) => string> = {
  [ReportVersionSource.assembled]: () => 'Assembled from the record',
  [ReportVersionSource.edited]: () => 'Edited',
  [ReportVersionSource.uploaded]: (fileName) => `Uploaded from ${fileName ?? 'a file'}`,
};

/** How a version came to be, in words; an upload names its file. */
export const versionSourceWords = (source: string, fileName: string | null): string =>
  (SOURCE_WORDS[source as ReportVersionSource] ?? (() => source))(fileName);
