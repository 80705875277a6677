import { named } from './words.js';

/** Where a meeting stands: a cancelled meeting's invitation is withdrawn and receives no carried-over items. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatus = named(MEETING_STATUSES);
