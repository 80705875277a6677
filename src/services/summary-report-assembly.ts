import { formatDateRange, meetingName as nameOfMeeting } from '../domain/meeting-line.js';
import {
  ATTENDANCE_STATES,
  AttendanceState,
  type CoChair,
  type Conclusions,
  MeetingFormat,
} from '../domain/meeting-record.js';
import { termOf } from '../rendering/html/glossary.js';
import { meetingInWords } from '../rendering/views/note-view.js';
import {
  procedureWords,
  reportConclusions,
  reportItemHeading,
  SUMMARY_REPORT_WORDING as WORDING,
  type ActionPointView,
  type AttendanceRowView,
  type SummaryReportView,
} from '../rendering/views/summary-report-view.js';

/** How the title block words a meeting's format: `(Teleconference)`. */
export const FORMAT_WORDS: Record<MeetingFormat, string> = {
  [MeetingFormat.inPerson]: 'In person',
  [MeetingFormat.hybrid]: 'Hybrid',
  [MeetingFormat.teleconference]: 'Teleconference',
};

/** What the report is assembled from: the meeting and what was recorded of it (the record service's shapes). */
export interface SummaryReportFacts {
  meeting: { ordinal: number; startDate: string; endDate: string; city: string; country: string };
  network: { name: string; headerLines: readonly string[] };
  format: MeetingFormat | null;
  coChairs: readonly CoChair[];
  /** What was said under "Opening and approval of agenda"; none when not given. */
  opening?: Conclusions;
  /** In agenda order. */
  items: readonly {
    number: string;
    title: string;
    depth: number;
    procedure: string | null;
    /** The outcome recorded on the item's released note (`noted`), if any. */
    outcome?: string | null;
    conclusions: Conclusions;
    actionPoints: readonly { itemNumber: string; what: string; owner: string; dueDate: string | null; state: string }[];
  }[];
  attendance: readonly {
    name: string;
    delegation: string | null;
    state: AttendanceState | null;
    representedBy: { name: string; delegation: string | null } | null;
  }[];
  /** The registry reference (`Ref. Ares(2021)6941533 - 11/11/2021`), when one was given. */
  registryReference?: string | null;
  /** The distribution marking in words; the report prints none when null. */
  marking?: string | null;
  /** Until the report's own workflow releases it, an assembled report is a draft. */
  draftLabel?: string | null;
  createdAt: string;
}

const printedDay = (day: string | null) => (day ? formatDateRange(day, day) : null);

/**
 * The attendance annex: one row per delegation, present (in the room, remote, or represented)
 * first, then those excused; a delegation nobody recorded is left out.
 */
function attendanceGroups(attendance: SummaryReportFacts['attendance']) {
  const byDelegation = new Map<string, SummaryReportFacts['attendance'][number][]>();
  for (const entry of attendance) {
    if (!entry.state) continue;
    const key = entry.delegation ?? entry.name;
    byDelegation.set(key, [...(byDelegation.get(key) ?? []), entry]);
  }
  const present: AttendanceRowView[] = [];
  const others: AttendanceRowView[] = [];
  for (const [delegation, entries] of [...byDelegation].sort(([a], [b]) => a.localeCompare(b))) {
    const attended = entries.filter((e) => e.state !== AttendanceState.excused);
    const shown = attended.length > 0 ? attended : entries;
    const state = ATTENDANCE_STATES.filter((s) => shown.some((e) => e.state === s))
      .map((s) => {
        if (s !== AttendanceState.represented) return s;
        const by = shown.find((e) => e.state === s)!.representedBy;
        return by ? `${s} by ${by.delegation ?? by.name}` : s;
      })
      .join(', ');
    const people = shown.filter((e) => e.state !== AttendanceState.represented).map((e) => e.name);
    (attended.length > 0 ? present : others).push({ delegation, people, state });
  }
  return [
    { heading: WORDING.presentHeading, rows: present },
    { heading: WORDING.othersHeading, rows: others },
  ].filter((group) => group.rows.length > 0);
}

/**
 * The summary report's view, assembled from what was recorded: the network's letterhead, the
 * title block, the co-chairs, every item in agenda order with its heading, conclusions and
 * action points, the closing action-point table and the attendance annex. A plain function: the
 * same facts give the same view.
 */
export function assembleSummaryReport(facts: SummaryReportFacts): SummaryReportView {
  const { meeting, network } = facts;
  const dates = formatDateRange(meeting.startDate, meeting.endDate);
  const meetingName = nameOfMeeting(meeting.ordinal, network.name);
  const conclusions = reportConclusions([
    facts.opening ?? { blocks: [], footnotes: [] },
    ...facts.items.map((i) => i.conclusions),
  ]);
  const items = facts.items.map((item, i) => {
    const procedure = item.procedure ? procedureWords(item.procedure) : null;
    const actionPoints: ActionPointView[] = item.actionPoints.map((p) => ({
      itemNumber: p.itemNumber,
      what: p.what,
      owner: p.owner,
      dueDate: printedDay(p.dueDate),
      state: p.state,
    }));
    return {
      number: item.number,
      title: item.title,
      depth: item.depth,
      procedure,
      heading: reportItemHeading(item.number, item.title, procedure),
      outcome: item.outcome ? `Outcome: ${termOf('outcome', item.outcome).label.toLowerCase()}.` : null,
      conclusions: conclusions.blocks[i + 1]!,
      actionPoints,
    };
  });
  return {
    documentTitle: `${WORDING.heading} of the ${meetingName}, ${dates}`,
    subject: meetingInWords({ ...meeting, networkName: network.name }),
    lang: 'en',
    headerLines: [...network.headerLines],
    registryReference: facts.registryReference ?? null,
    titleLines: [
      network.name,
      WORDING.heading,
      meetingName,
      ...(facts.format ? [`(${FORMAT_WORDS[facts.format]})`] : []),
      dates,
      `${meeting.city}, ${meeting.country}`,
    ],
    coChairsHeading: WORDING.coChairsHeading,
    coChairs: facts.coChairs.map((c) => ({ name: c.name, function: c.function })),
    opening: { heading: WORDING.openingHeading, blocks: conclusions.blocks[0]! },
    items,
    itemActionPointsLabel: WORDING.itemActionPointsLabel,
    actionPoints: {
      heading: WORDING.actionPointsHeading,
      columns: [...WORDING.actionPointColumns],
      rows: items.flatMap((item) => item.actionPoints),
    },
    attendance: {
      heading: WORDING.attendanceHeading,
      columns: [...WORDING.attendanceColumns],
      groups: attendanceGroups(facts.attendance),
    },
    footnotes: conclusions.footnotes,
    marking: facts.marking ?? null,
    isDraft: facts.draftLabel !== null,
    draftLabel: facts.draftLabel === undefined ? 'Draft' : facts.draftLabel,
    createdAt: facts.createdAt,
  };
}
