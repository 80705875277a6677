import type { Config } from '../config/env.js';
import { OutboxKind } from '../domain/delivery.js';
import { formatDateRange, formatOrdinal } from '../domain/meeting-line.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { composeCalendarMail, queueCalendarMails } from './calendar-mail.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { inviteOf } from './packet-invite.js';

/** The meeting a cancellation message is about, carried in its Message-ID (the outbox has no meeting column). */
const CANCEL_ID = /^<cancel-(\d+)-/;

/**
 * A cancelled meeting leaves the calendars it was put in: everyone who received a packet of it
 * is sent the meeting's calendar entry with METHOD:CANCEL (same UID, its last SEQUENCE), one
 * outbox message each, after the status change is committed.
 */
export function createPacketCancellation(ctx: ServiceContext, mail: Config['mail'], kick: () => void) {
  const { repos } = ctx;

  /** Queues the cancellation for each person a packet of the meeting was delivered to; gives their number. */
  function queueCancellation(meetingId: number): number {
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    const dates = formatDateRange(meeting.startDate, meeting.endDate);
    const line = `${formatOrdinal(meeting.ordinal)} ${network.name} meeting`;
    const queued = queueCalendarMails(ctx, meetingId, {
      kind: OutboxKind.cancellation,
      idPrefix: `cancel-${meetingId}`,
      subject: `Cancelled: the ${line} of ${dates}`,
      body: `The ${line} of ${dates} in ${meeting.city} is cancelled. The attached calendar entry removes it from your calendar.`,
    });
    if (queued) kick();
    return queued;
  }

  /** The cancellation mail of one outbox row: its text and the meeting's calendar entry as CANCEL. */
  function buildCancellation(row: OutboxRow) {
    const meetingId = Number(CANCEL_ID.exec(row.messageId)![1]);
    const packets = repos.mail.packetsOfMeeting(meetingId);
    // The calendar entry as last sent (its SEQUENCE), cancelled as of when the cancellation was queued.
    const latest = packets
      .filter((p) => p.inviteSequence !== null)
      .reduce((a, b) => (b.inviteSequence! > a.inviteSequence! ? b : a));
    // A calendar update since the last packet raised the SEQUENCE: the cancellation carries the latest.
    const sequence = Math.max(latest.inviteSequence!, repos.mail.findInvite(meetingId)?.sequence ?? 0);
    const entry = inviteOf(ctx, { ...latest, inviteSequence: sequence }, mail.fromAddress, { at: row.createdAt });
    return composeCalendarMail(ctx, mail, row, meetingId, entry);
  }

  return { queueCancellation, buildCancellation };
}
