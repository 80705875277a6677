import type { Config } from '../config/env.js';
import { OutboxKind } from '../domain/delivery.js';
import { formatDateRange, formatOrdinal } from '../domain/meeting-line.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { composeCalendarMail, queueCalendarMails } from './calendar-mail.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { calendarEntryOf } from './packet-invite.js';

/** Where and when a meeting takes place: what a calendar entry says of it. */
export interface MeetingPlace {
  startDate: string;
  endDate: string;
  city: string;
  country: string;
}

/** The meeting and the SEQUENCE an update carries, in its Message-ID (the outbox has no meeting column). */
const UPDATE_ID = /^<calendar-update-(\d+)-(\d+)-/;

const fingerprintOf = (m: MeetingPlace) => [m.startDate, m.endDate, m.city, m.country].join('|');

/**
 * A meeting moved (dates or place) is moved in the calendars its invitation reached, without
 * waiting for the next packet: one outbox message per person a packet with the calendar entry
 * was delivered to, same UID, the SEQUENCE raised and stored, so that the next packet's entry
 * and a later cancellation carry the number calendars expect.
 */
export function createCalendarUpdates(ctx: ServiceContext, mail: Config['mail'], kick: () => void) {
  const { repos } = ctx;

  /**
   * Called inside the transaction that changed the meeting, so the update is queued with the
   * change or not at all. Gives the number of messages queued.
   */
  function queueCalendarUpdate(meetingId: number, before: MeetingPlace): number {
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    const saved = repos.mail.findInvite(meetingId);
    const fingerprint = fingerprintOf(meeting);
    // No invitation went out yet, or the entry already says this: nothing to update. A cancelled
    // meeting is out of the calendars; a REQUEST would put it back.
    if (!saved || saved.fingerprint === fingerprint || meeting.status === MeetingStatus.cancelled) return 0;
    const sequence = saved.sequence + 1;
    repos.mail.saveInvite({ meetingId, sequence, fingerprint });
    const line = `${formatOrdinal(meeting.ordinal)} ${network.name} meeting`;
    const dates = formatDateRange(meeting.startDate, meeting.endDate);
    const was = `${formatDateRange(before.startDate, before.endDate)} in ${before.city}, ${before.country}`;
    const queued = queueCalendarMails(ctx, meetingId, {
      kind: OutboxKind.calendarUpdate,
      idPrefix: `calendar-update-${meetingId}-${sequence}`,
      subject: `Moved: the ${line} is now on ${dates} in ${meeting.city}`,
      body: `The ${line} now takes place on ${dates} in ${meeting.city}, ${meeting.country} (it was ${was}). The attached calendar entry updates your calendar.`,
    });
    if (queued) kick();
    return queued;
  }

  /**
   * The update mail of one outbox row: its text and the calendar entry under the row's SEQUENCE.
   * The entry says where the meeting stands when it is sent: if it moved again meanwhile, the
   * later update (a higher SEQUENCE) says the same, and calendars keep the higher one.
   */
  function buildCalendarUpdate(row: OutboxRow) {
    const [, meetingId, sequence] = UPDATE_ID.exec(row.messageId)!.map(Number) as [number, number, number];
    const entry = calendarEntryOf(ctx, meetingId, mail.fromAddress, { sequence, stamp: row.createdAt });
    return composeCalendarMail(ctx, mail, row, meetingId, entry);
  }

  return { queueCalendarUpdate, buildCalendarUpdate };
}
