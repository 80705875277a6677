import { randomBytes } from 'node:crypto';
import type { Config } from '../config/env.js';
import { OutboxKind, OutboxStatus } from '../domain/delivery.js';
import { formatDateRange, formatOrdinal } from '../domain/meeting-line.js';
import { composeMessage, encodeSharedParts } from '../mail/mime.js';
import { plainTextToHtml } from '../rendering/email/plain-text-html.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { isoNow, type ServiceContext } from './context.js';
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
    const recipients = new Map<number, string>();
    // Only a packet that carried the calendar entry put the meeting in anybody's calendar.
    for (const packet of repos.mail.packetsOfMeeting(meetingId).filter((p) => p.inviteSequence !== null))
      for (const { row } of repos.mail.outboxOfPacket(packet.id))
        if (row.status === OutboxStatus.sent && !recipients.has(row.personId)) recipients.set(row.personId, row.email);
    if (recipients.size === 0) return 0;
    const createdAt = isoNow(ctx);
    repos.mail.insertOutbox(
      [...recipients].map(([personId, email]) => ({
        kind: OutboxKind.cancellation,
        personId,
        email,
        messageId: `<cancel-${meetingId}-${personId}-${randomBytes(6).toString('hex')}@agendum>`,
        subject: `Cancelled: the ${line} of ${dates}`,
        body: `The ${line} of ${dates} in ${meeting.city} is cancelled. The attached calendar entry removes it from your calendar.`,
        status: OutboxStatus.queued,
        nextAttemptAt: createdAt,
        createdAt,
      })),
    );
    kick();
    return recipients.size;
  }

  /** The cancellation mail of one outbox row: its text and the meeting's calendar entry as CANCEL. */
  async function buildCancellation(row: OutboxRow) {
    const meetingId = Number(CANCEL_ID.exec(row.messageId)![1]);
    const { network } = meetingOrThrow(ctx, meetingId);
    const packets = repos.mail.packetsOfMeeting(meetingId);
    // The calendar entry as last sent (its SEQUENCE), cancelled as of when the cancellation was queued.
    const latest = packets
      .filter((p) => p.inviteSequence !== null)
      .reduce((a, b) => (b.inviteSequence! > a.inviteSequence! ? b : a));
    // A calendar update since the last packet raised the SEQUENCE: the cancellation carries the latest.
    const sequence = Math.max(latest.inviteSequence!, repos.mail.findInvite(meetingId)?.sequence ?? 0);
    const person = repos.people.findById(row.personId)!;
    const text = row.body ?? '';
    const raw = await composeMessage(
      {
        from: mail.from,
        to: { name: person.name, address: row.email },
        replyTo: mail.replyTo,
        subject: row.subject ?? 'Meeting cancelled',
        messageId: row.messageId,
        headers: {
          'List-Id': `${network.name} meeting packets <meetings.${network.id}.agendum>`,
          'Auto-Submitted': 'auto-generated',
        },
        text,
        html: `<p>${plainTextToHtml(text)}</p>`,
      },
      encodeSharedParts([
        inviteOf(ctx, { ...latest, inviteSequence: sequence }, mail.fromAddress, { at: row.createdAt }),
      ]),
    );
    return { envelope: { from: mail.fromAddress, to: row.email }, raw };
  }

  return { queueCancellation, buildCancellation };
}
