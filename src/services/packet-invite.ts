import { MeetingStatus } from '../domain/meeting-status.js';
import { buildInvite } from '../mail/calendar.js';
import { formatMeetingLine } from '../domain/meeting-line.js';
import type { Attachment } from '../mail/mime.js';
import type { PacketRow } from '../repositories/mail-repository.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';

/** The meeting's calendar entry: same UID forever, SEQUENCE raised when dates or place change. */
export function nextInviteSequence(ctx: ServiceContext, meetingId: number): number {
  const { meeting } = meetingOrThrow(ctx, meetingId);
  const fingerprint = [meeting.startDate, meeting.endDate, meeting.city, meeting.country].join('|');
  const saved = ctx.repos.mail.findInvite(meetingId);
  const sequence = !saved ? 0 : saved.fingerprint === fingerprint ? saved.sequence : saved.sequence + 1;
  ctx.repos.mail.saveInvite({ meetingId, sequence, fingerprint });
  return sequence;
}

/** What a calendar entry sent now says: the meeting as it stands, under the SEQUENCE given. */
export interface CalendarEntry {
  sequence: number;
  stamp: string;
  cancel?: boolean;
}

/**
 * The packet's calendar attachment (the meeting as it stands; CANCEL once it is cancelled). A
 * cancellation mail names its own method and time: it cancels whatever happens to the meeting
 * later, and its DTSTAMP must be newer than the request it withdraws, or calendars ignore it.
 */
export function inviteOf(
  ctx: ServiceContext,
  packet: PacketRow,
  organizerEmail: string,
  cancellation?: { at: string },
): Attachment {
  const entry = { sequence: packet.inviteSequence ?? 0, stamp: cancellation?.at ?? packet.createdAt };
  return calendarEntryOf(ctx, packet.meetingId, organizerEmail, { ...entry, cancel: cancellation !== undefined });
}

/** The meeting's calendar entry as an attachment, whatever mail carries it (packet, update, cancellation). */
export function calendarEntryOf(
  ctx: ServiceContext,
  meetingId: number,
  organizerEmail: string,
  entry: CalendarEntry,
): Attachment {
  const { meeting, network } = meetingOrThrow(ctx, meetingId);
  const method = entry.cancel || meeting.status === MeetingStatus.cancelled ? 'CANCEL' : 'REQUEST';
  const ics = buildInvite({
    uid: `meeting-${meeting.id}@agendum`,
    sequence: entry.sequence,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    summary: `${formatMeetingLine({ ...meeting, networkName: network.name })}`,
    location: `${meeting.city}, ${meeting.country}`,
    organizer: { name: network.name, email: organizerEmail },
    stamp: new Date(entry.stamp),
    method,
  });
  return {
    filename: 'meeting.ics',
    // The part's method must match the calendar's METHOD, or mail clients ignore a cancellation.
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(ics),
  };
}
