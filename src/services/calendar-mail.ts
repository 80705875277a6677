import { randomBytes } from 'node:crypto';
import type { Config } from '../config/env.js';
import { OutboxStatus, type OutboxKind } from '../domain/delivery.js';
import { composeMessage, encodeSharedParts, type Attachment } from '../mail/mime.js';
import { plainTextToHtml } from '../rendering/email/plain-text-html.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';

/**
 * The mails that change a meeting's entry in the calendars it reached (moved, cancelled): who
 * gets them, how they are queued and how one is written. Only a delivered packet that carried
 * the calendar entry put the meeting in anybody's calendar.
 */
export function invitedPeople(ctx: ServiceContext, meetingId: number): Map<number, string> {
  const people = new Map<number, string>();
  for (const packet of ctx.repos.mail.packetsOfMeeting(meetingId).filter((p) => p.inviteSequence !== null))
    for (const { row } of ctx.repos.mail.outboxOfPacket(packet.id))
      if (row.status === OutboxStatus.sent && !people.has(row.personId)) people.set(row.personId, row.email);
  return people;
}

/**
 * One outbox message per person invited, the meeting (and what else the message needs to be
 * built later) carried in its Message-ID, since the outbox has no meeting column. Gives their number.
 */
export function queueCalendarMails(
  ctx: ServiceContext,
  meetingId: number,
  mail: { kind: OutboxKind; idPrefix: string; subject: string; body: string },
): number {
  const people = invitedPeople(ctx, meetingId);
  if (people.size === 0) return 0;
  const createdAt = isoNow(ctx);
  ctx.repos.mail.insertOutbox(
    [...people].map(([personId, email]) => ({
      kind: mail.kind,
      personId,
      email,
      messageId: `<${mail.idPrefix}-${personId}-${randomBytes(6).toString('hex')}@agendum>`,
      subject: mail.subject,
      body: mail.body,
      status: OutboxStatus.queued,
      nextAttemptAt: createdAt,
      createdAt,
    })),
  );
  return people.size;
}

/** A calendar mail of one outbox row: its text, as plain text and HTML, and the calendar entry. */
export async function composeCalendarMail(
  ctx: ServiceContext,
  mail: Config['mail'],
  row: OutboxRow,
  meetingId: number,
  entry: Attachment,
) {
  const { network } = meetingOrThrow(ctx, meetingId);
  const person = ctx.repos.people.findById(row.personId)!;
  const text = row.body ?? '';
  const raw = await composeMessage(
    {
      from: mail.from,
      to: { name: person.name, address: row.email },
      replyTo: mail.replyTo,
      subject: row.subject ?? '',
      messageId: row.messageId,
      headers: {
        'List-Id': `${network.name} meeting packets <meetings.${network.id}.agendum>`,
        'Auto-Submitted': 'auto-generated',
      },
      text,
      html: `<p>${plainTextToHtml(text)}</p>`,
    },
    encodeSharedParts([entry]),
  );
  return { envelope: { from: mail.fromAddress, to: row.email }, raw };
}
