import { isFootnoteMarker, runListsOf, type Block } from '../../domain/note-blocks.js';
import type { Footnote } from '../../domain/note-content.js';
import { procedureLabel } from '../../domain/procedure.js';
import { blockView, type BlockView, type FootnoteView } from './note-view.js';

/**
 * The summary report of a meeting as its readers see it, as plain data: every line already
 * worded (the item headings with their number and procedure, the dates as printed, the states in
 * words), so that the PDF renderer makes no decision about content. Conclusions are blocks of
 * the cover notes' content model (`BlockView`: paragraphs, lists, tables, footnote markers);
 * footnotes are numbered across the whole report in reading order, as Word numbers them.
 */

/** One action point as printed: under its item, and as a row of the closing table. */
export interface ActionPointView {
  /** The agenda number of the item it was decided under: `9.1`. */
  itemNumber: string;
  /** What is to be done, as one sentence. */
  what: string;
  /** The owner person or delegation, in words: `Commission (DG SANTE)`, `Belgium`. */
  owner: string;
  /** As printed (`30 June 2021`), or null when none was set. */
  dueDate: string | null;
  /** The state in words, as readers see it: `open`, `done`. */
  state: string;
}

export interface SummaryReportItemView {
  /** `9`, `9.1` */
  number: string;
  title: string;
  /** 1 for `9`, 2 for `9.1`: a level-1 item's heading is tagged H2, a deeper one's H3 (the title is the H1). */
  depth: number;
  /** The procedure in lower-case words (`for information`), or null (a heading item has none). */
  procedure: string | null;
  /** The heading as printed: `9.1. Update from ... – for information` (see `reportItemHeading`). */
  heading: string;
  /** What the meeting made of the item, as printed under its heading (`Outcome: noted.`), or null when none was recorded. */
  outcome: string | null;
  /** What was said and concluded; may be empty (a heading item). */
  conclusions: BlockView[];
  actionPoints: ActionPointView[];
}

/** One delegation in the attendance annex. */
export interface AttendanceRowView {
  /** `Belgium`, `European Commission` */
  delegation: string;
  /** The people who attended or were excused, as printed (`Jane Doe`); may be empty. */
  people: string[];
  /** The delegation's attendance in words: `present`, `remote`, `excused`, `represented by Netherlands`. */
  state: string;
}

export interface AttendanceAnnexView {
  /** `Annex – Attendance` */
  heading: string;
  /** Column headings of each group's table (`Delegation`, `Participants`, `Attendance`); without them the tables have no header row. */
  columns?: readonly [string, string, string];
  /** In the order printed, e.g. `Delegations present` then `Other delegations`; an empty group is left out. */
  groups: { heading: string; rows: AttendanceRowView[] }[];
}

export interface SummaryReportView {
  /** Metadata title: `Summary report of the 19th eHealth Network meeting, 3 June 2021` */
  documentTitle: string;
  /** The meeting in words, for metadata (`meetingInWords`). */
  subject: string;
  /** BCP 47 language of the text: `en`. */
  lang: string;
  /** The network's letterhead lines, as cover notes print them; an empty string is a gap line. */
  headerLines: string[];
  /** The registry reference, `Ref. Ares(2021)6941533 - 11/11/2021`, or null when not registered. */
  registryReference: string | null;
  /**
   * The title block, one line each, in order: `eHealth Network`, `Summary report`,
   * `19th eHealth Network meeting`, `(Teleconference)`, `3 June 2021`, `Brussels, Belgium`.
   * The second line is the document's title (tagged H1).
   */
  titleLines: string[];
  /** `Co-chairs` */
  coChairsHeading: string;
  /** Name and function (`Director, DG SANTE`), in the order printed. */
  coChairs: { name: string; function: string }[];
  /** `Opening and approval of agenda`, with what was said (may be empty). */
  opening: { heading: string; blocks: BlockView[] };
  /** Every agenda item in agenda order. */
  items: SummaryReportItemView[];
  /** Printed before an item's action points: `Action points:` */
  itemActionPointsLabel: string;
  /** The closing table; `rows` are every item's action points in agenda order. */
  actionPoints: {
    /** `Action points` */
    heading: string;
    /** Column headings: `Item`, `Action`, `Owner`, `Due date`, `State`. */
    columns: readonly [string, string, string, string, string];
    rows: ActionPointView[];
  };
  attendance: AttendanceAnnexView;
  /** Every footnote of the report, numbered from 1 in reading order (markers in the blocks use these numbers). */
  footnotes: FootnoteView[];
  /** The distribution marking in words (`markingLabel`), printed on every page as cover notes do; null prints none. */
  marking: string | null;
  isDraft: boolean;
  /** `Draft — version 2, review` in the footer of a draft; null once released. */
  draftLabel: string | null;
  /** When the report's text was written (ISO): the PDF's creation date. */
  createdAt: string;
}

/** The words the report prints around what was recorded: what an assembly passes unless it words them otherwise. */
export const SUMMARY_REPORT_WORDING = {
  heading: 'Summary report',
  coChairsHeading: 'Co-chairs',
  openingHeading: 'Opening and approval of agenda',
  itemActionPointsLabel: 'Action points:',
  actionPointsHeading: 'Action points',
  actionPointColumns: ['Item', 'Action', 'Owner', 'Due date', 'State'],
  attendanceHeading: 'Annex – Attendance',
  attendanceColumns: ['Delegation', 'Participants', 'Attendance'],
  presentHeading: 'Delegations present',
  othersHeading: 'Other delegations',
} as const;

/**
 * An item's heading as the published reports print it: the number with a trailing period, the
 * title, and the procedure after an en dash (`1.1. State of play of the EHDS – for information`).
 */
export function reportItemHeading(number: string, title: string, procedure: string | null): string {
  return procedure ? `${number}. ${title} – ${procedure}` : `${number}. ${title}`;
}

/** A stored procedure (`for-information`, `For information and to ...`) as a heading prints it: `for information`. */
export function procedureWords(procedure: string): string {
  const label = procedureLabel(procedure).replace(/\.$/, '');
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Conclusions as recorded: blocks of the cover notes' content model, their footnotes numbered from 1 (as normalised). */
export interface RecordedConclusions {
  blocks: Block[];
  footnotes: Footnote[];
}

/**
 * The conclusions of the report's parts (the opening, then the items in agenda order) as
 * printed: each part's blocks, their footnotes renumbered across the whole report in reading
 * order (each part numbers its own from 1), and the report's footnotes in that order.
 */
export function reportConclusions(parts: readonly RecordedConclusions[]): {
  blocks: BlockView[][];
  footnotes: FootnoteView[];
} {
  const footnotes: FootnoteView[] = [];
  const blocks = parts.map((part) => {
    const order = new Map<number, number>();
    for (const run of part.blocks.flatMap(runListsOf).flat()) {
      if (!isFootnoteMarker(run) || order.has(run.footnote)) continue;
      const note = part.footnotes[run.footnote - 1];
      order.set(run.footnote, footnotes.length + 1);
      footnotes.push({
        number: footnotes.length + 1,
        text: note?.text ?? '',
        ...(note?.sourceUrl ? { sourceUrl: note.sourceUrl } : {}),
      });
    }
    return part.blocks.map((block) => blockView(block, order));
  });
  return { blocks, footnotes };
}
