import { formatOrdinal } from '../../domain/meeting-line.js';
import { MeetingStatus } from '../../domain/meeting-status.js';
import { labelMarkup } from '../../rendering/html/pages.js';
import { TEXT } from '../../rendering/html/text.js';
import type { ItemView, MeetingView } from '../../services/presenters.js';
import type { HeaderParts } from '../page-kit.js';

/**
 * Where each page sits (Meetings › 18th meeting › 9.2) and the facts its ECL page header shows.
 * The trail's words are the pages' own: a meeting is its ordinal, an item its number.
 */

const MEETINGS = { label: TEXT.meetings, href: '/meetings' };

export const meetingCrumb = (meeting: MeetingView) => ({
  label: `${formatOrdinal(meeting.ordinal)} meeting`,
  href: `/meetings/${meeting.id}`,
});

export const itemCrumb = (item: Pick<ItemView, 'id' | 'number'>) => ({ label: item.number, href: `/items/${item.id}` });

/** A meeting's place and dates, and its drafting deadline, as the header's meta line. */
export function meetingMeta(meeting: MeetingView): string[] {
  return [
    meeting.dates,
    `${meeting.city}, ${meeting.country}`,
    ...(meeting.draftingDeadline ? [`${TEXT.draftingDeadline}: ${meeting.draftingDeadline}`] : []),
  ];
}

export function meetingHeader(meeting: MeetingView): HeaderParts {
  return {
    title: `${formatOrdinal(meeting.ordinal)} ${meeting.network.name} meeting`,
    breadcrumbs: [MEETINGS],
    current: meetingCrumb(meeting).label,
    meta: meetingMeta(meeting),
    labels: meeting.status === MeetingStatus.planned ? [] : [labelMarkup('meetingStatus', meeting.status)],
  };
}

/** An item's own page: its number and title, under its meeting. */
export function itemHeader(meeting: MeetingView, item: ItemView): HeaderParts {
  return {
    title: `${item.number}\u00a0 ${item.title}`,
    breadcrumbs: [MEETINGS, meetingCrumb(meeting)],
    current: item.number,
    meta: [],
    labels: [],
  };
}

/** A page under an item (the item itself, a comparison, a preview): the trail down to it. */
export function underItemHeader(meeting: MeetingView, item: ItemView, title: string, current: string): HeaderParts {
  return { title, breadcrumbs: [MEETINGS, meetingCrumb(meeting), itemCrumb(item)], current, meta: [], labels: [] };
}

export function underMeetingHeader(meeting: MeetingView, title: string): HeaderParts {
  return { title, breadcrumbs: [MEETINGS, meetingCrumb(meeting)], current: title, meta: [], labels: [] };
}

/** A page under a meeting's summary report (its editing, a comparison of two versions). */
export function underReportHeader(meeting: MeetingView, title: string, current: string): HeaderParts {
  const report = { label: TEXT.summaryReport, href: `/meetings/${meeting.id}/summary-report` };
  return { title, breadcrumbs: [MEETINGS, meetingCrumb(meeting), report], current, meta: [], labels: [] };
}
