import { named } from './words.js';

/** Where a meeting stands: a cancelled meeting's invitation is withdrawn and receives no carried-over items. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatus = named(MEETING_STATUSES);

/**
 * Whether `candidate` is a meeting after `meeting` in the same network that still takes place:
 * where action points are followed up and a summary report is adopted.
 */
export function isLaterMeeting(
  candidate: { networkId: number; startDate: string; status: MeetingStatus },
  meeting: { networkId: number; endDate: string },
): boolean {
  return (
    candidate.networkId === meeting.networkId &&
    candidate.startDate > meeting.endDate &&
    candidate.status !== MeetingStatus.cancelled
  );
}
