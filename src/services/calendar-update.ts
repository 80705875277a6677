import { randomBytes } from 'node:crypto';
import type { Config } from '../config/env.js';
import { OutboxKind, OutboxStatus } from '../domain/delivery.js';
import { formatDateRange, formatOrdinal } from '../domain/meeting-line.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { composeMessage, encodeSharedParts } from '../mail/mime.js';
import { plainTextToHtml } from '../rendering/email/plain-text-html.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { isoNow, type ServiceContext } from './context.js';
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

  /** Who has the meeting in their calendar: a packet that carried the entry reached them. */
  function invitedPeople(meetingId: number): Map<number, string> {
    const people = new Map<number, string>();
    for (const packet of repos.mail.packetsOfMeeting(meetingId).filter((p) => p.inviteSequence !== null))
      for (const { row } of repos.mail.outboxOfPacket(packet.id))
        if (row.status === OutboxStatus.sent && !people.has(row.personId)) people.set(row.personId, row.email);
    return people;
  }

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
    const people = invitedPeople(meetingId);
    if (people.size === 0) return 0;
    const line = `${formatOrdinal(meeting.ordinal)} ${network.name} meeting`;
    const dates = formatDateRange(meeting.startDate, meeting.endDate);
    const was = `${formatDateRange(before.startDate, before.endDate)} in ${before.city}, ${before.country}`;
    const createdAt = isoNow(ctx);
    repos.mail.insertOutbox(
      [...people].map(([personId, email]) => ({
        kind: OutboxKind.calendarUpdate,
        personId,
        email,
        messageId: `<calendar-update-${meetingId}-${sequence}-${personId}-${randomBytes(6).toString('hex')}@agendum>`,
        subject: `Moved: the ${line} is now on ${dates} in ${meeting.city}`,
        body: `The ${line} now takes place on ${dates} in ${meeting.city}, ${meeting.country} (it was ${was}). The attached calendar entry updates your calendar.`,
        status: OutboxStatus.queued,
        nextAttemptAt: createdAt,
        createdAt,
      })),
    );
    kick();
    return people.size;
  }

  /**
   * The update mail of one outbox row: its text and the calendar entry under the row's SEQUENCE.
   * The entry says where the meeting stands when it is sent: if it moved again meanwhile, the
   * later update (a higher SEQUENCE) says the same, and calendars keep the higher one.
   */
  async function buildCalendarUpdate(row: OutboxRow) {
    const [, meetingId, sequence] = UPDATE_ID.exec(row.messageId)!.map(Number) as [number, number, number];
    const { network } = meetingOrThrow(ctx, meetingId);
    const person = repos.people.findById(row.personId)!;
    const text = row.body ?? '';
    const raw = await composeMessage(
      {
        from: mail.from,
        to: { name: person.name, address: row.email },
        replyTo: mail.replyTo,
        subject: row.subject ?? 'Meeting moved',
        messageId: row.messageId,
        headers: {
          'List-Id': `${network.name} meeting packets <meetings.${network.id}.agendum>`,
          'Auto-Submitted': 'auto-generated',
        },
        text,
        html: `<p>${plainTextToHtml(text)}</p>`,
      },
      encodeSharedParts([calendarEntryOf(ctx, meetingId, mail.fromAddress, { sequence, stamp: row.createdAt })]),
    );
    return { envelope: { from: mail.fromAddress, to: row.email }, raw };
  }

  return { queueCalendarUpdate, buildCalendarUpdate };
}
