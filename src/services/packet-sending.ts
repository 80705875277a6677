import { OutboxKind, OutboxStatus } from '../domain/delivery.js';
import type { FrozenAddendum, FrozenPacket } from '../domain/frozen-packet.js';
import { PacketContent, PacketKind } from '../domain/packet-content.js';
import { randomBytes } from 'node:crypto';
import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { checkedPacketInput } from './packet-input.js';
import { contentOf, publishedOf, recipientsFor, type RecipientList } from './packet-audiences.js';
import { freezePacket } from './packet-freeze.js';
import { nextInviteSequence } from './packet-invite.js';

export interface NewPacketInput {
  subject: string;
  message: string;
  lists?: RecipientList[];
  content?: PacketContent;
  includeInvite?: boolean;
  /** Only these people of the lists (send the latest to whoever holds an older publication). */
  personIds?: readonly number[];
}

/**
 * Sending packets: who gets what is fixed at creation, in one transaction with one outbox row
 * per recipient; the outbox worker is kicked after the commit. Resending queues rows again.
 */
export function createPacketSending(ctx: ServiceContext, kick: () => void) {
  const { mail } = ctx.repos;

  /**
   * Records the packet, frozen as the meeting stands, and queues one message per recipient. An
   * addendum (`follows`) adds, in the same transaction, what changed since the packet it follows.
   */
  function create(
    actor: Actor,
    meetingId: number,
    input: NewPacketInput,
    follows?: {
      packetId: number;
      addendum: (frozen: FrozenPacket) => { addendum: FrozenAddendum; quiet: Set<number> };
    },
  ) {
    const { lists } = checkedPacketInput(ctx, actor, meetingId, input);
    const listed = recipientsFor(ctx, meetingId, lists);
    const recipients = input.personIds ? listed.filter((r) => input.personIds!.includes(r.person.id)) : listed;
    if (recipients.length === 0) throw Errors.invalid(`Nobody is on the list(s) ${lists.join(', ')} of this meeting.`);
    // What is sent is read and fixed in the same transaction that records the packet.
    const { packet, released, leftOut, sentTo } = ctx.transaction(() => {
      const createdAt = isoNow(ctx);
      const frozen = freezePacket(
        ctx,
        meetingId,
        recipients.map(({ person, groups }) => ({ personId: person.id, groups })),
        createdAt,
      );
      // An addendum is not sent to a holder none of whose changes their lists may read.
      let sentTo = recipients;
      if (follows) {
        const { addendum, quiet } = follows.addendum(frozen);
        frozen.addendum = addendum;
        frozen.recipients = frozen.recipients.filter((r) => !quiet.has(r.personId));
        sentTo = recipients.filter((r) => !quiet.has(r.person.id));
      }
      const released = publishedOf(frozen);
      const sent = new Set(released.map((r) => r.itemId));
      const leftOut = contentOf(ctx, meetingId).leftOut.filter((l) => !sent.has(l.itemId));
      if (released.length === 0)
        throw Errors.conflict('No note of this meeting is released yet: there is nothing to send.', { leftOut });
      const row = mail.insertPacket({
        meetingId,
        subject: input.subject.trim(),
        message: input.message,
        lists,
        content: input.content ?? PacketContent.personal,
        includeInvite: input.includeInvite ?? true,
        itemIds: released.map((r) => r.itemId),
        leftOut,
        inviteSequence: input.includeInvite === false ? null : nextInviteSequence(ctx, meetingId),
        frozen,
        kind: follows ? PacketKind.addendum : PacketKind.consolidated,
        addendumTo: follows?.packetId ?? null,
        createdById: actor.id,
        createdAt,
      });
      mail.insertOutbox(
        sentTo.map(({ person }) => ({
          kind: OutboxKind.packet,
          packetId: row.id,
          personId: person.id,
          email: person.email,
          messageId: `<packet-${row.id}-${person.id}-${randomBytes(6).toString('hex')}@agendum>`,
          status: OutboxStatus.queued,
          nextAttemptAt: createdAt,
          createdAt,
        })),
      );
      return { packet: row, released, leftOut, sentTo };
    });
    kick();
    return { id: packet.id, recipients: sentTo.length, items: released, leftOut };
  }

  /** Sends again, as a new attempt: to one recipient, or to every recipient that failed. */
  function resend(actor: Actor, packetId: number, target: { personId?: number }) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat resends packets.');
    const rows = mail.outboxOfPacket(packetId).map((r) => r.row);
    if (rows.length === 0) throw Errors.notFound(`Packet ${packetId} does not exist.`);
    const chosen =
      target.personId === undefined
        ? rows.filter((r) => r.status === OutboxStatus.failed)
        : rows.filter((r) => r.personId === target.personId);
    if (target.personId !== undefined && chosen.length === 0)
      throw Errors.notFound(`Person ${target.personId} is not a recipient of packet ${packetId}.`);
    if (chosen.some((r) => r.status === OutboxStatus.sending || r.status === OutboxStatus.queued))
      throw Errors.conflict('That message is still on its way.');
    const count = mail.requeue(
      chosen.map((r) => r.id),
      isoNow(ctx),
    );
    kick();
    return { requeued: count };
  }

  return { create, resend };
}
