import type { NoteEvent } from './note-workflow.js';
import { named } from './words.js';

/** What a notification is about, besides a workflow event on a note (`note-submit`, `note-release` ...). */
export const NOTICE_KINDS = [
  'review-comment',
  'deadline-reminder',
  'deadline-missed',
  'action-point-assigned',
  'action-point-due',
] as const;
export type NotificationKind = (typeof NOTICE_KINDS)[number] | `note-${NoteEvent}`;
export const NotificationKind = {
  ...named(NOTICE_KINDS),
  of: (event: NoteEvent): NotificationKind => `note-${event}`,
};
