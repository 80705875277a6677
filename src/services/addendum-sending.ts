import { OutboxStatus } from '../domain/delivery.js';
import { Errors } from '../domain/errors.js';
import { audienceOf, type FrozenPacket } from '../domain/frozen-packet.js';
import { changesFor } from '../domain/packet-changes.js';
import { PacketContent } from '../domain/packet-content.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { ServiceContext } from './context.js';
import type { createPacketChanges } from './packet-changes.js';
import type { createPacketSending } from './packet-sending.js';

export interface NewAddendumInput {
  subject: string;
  message: string;
}

/**
 * Sending what changed since a packet: a packet of kind addendum to the lists of packet N, made
 * like any packet (frozen, one outbox row per recipient, the same audiences). Whoever holds
 * packet N (a recipient whose message did not fail) receives only the changes their audience
 * admits (nothing, when their lists may read none of the changes); anyone added to the lists
 * since, or whose message failed, receives the packet whole.
 */
export function createAddendumSending(
  ctx: ServiceContext,
  sending: Pick<ReturnType<typeof createPacketSending>, 'create'>,
  changes: Pick<ReturnType<typeof createPacketChanges>, 'changesBetween'>,
) {
  const { mail } = ctx.repos;

  /** Who holds packet `packetId`: its recipients, less those whose message failed. */
  function holdersOf(packetId: number, sent: FrozenPacket): Set<number> {
    const failed = new Set(
      mail
        .outboxOfPacket(packetId)
        .filter(({ row }) => row.status === OutboxStatus.failed)
        .map(({ row }) => row.personId),
    );
    return new Set(sent.recipients.map((r) => r.personId).filter((id) => !failed.has(id)));
  }

  return {
    /** Sends what changed since packet `packetId` of the meeting as the next packet, of kind addendum. */
    sendAddendum(actor: Actor, meetingId: number, packetId: number, input: NewAddendumInput) {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat sends packets.');
      const earlier = mail.findPacket(packetId);
      if (!earlier || earlier.meetingId !== meetingId)
        throw Errors.notFound(`Meeting ${meetingId} has no packet ${packetId}.`);
      const sent = earlier.frozen;
      // Made before packets recorded what they carried: what changed since it cannot be told.
      if (!sent)
        throw Errors.conflict(
          `Packet ${packetId} does not record what it carried: send the whole packet instead of an addendum.`,
        );
      const holders = holdersOf(packetId, sent);
      let holding = 0;
      const created = sending.create(
        actor,
        meetingId,
        { ...input, lists: earlier.lists, content: PacketContent.personal },
        {
          packetId,
          addendum: (frozen) => {
            const since = changes.changesBetween(sent, meetingId, frozen);
            if (since.length === 0)
              throw Errors.conflict(`Nothing changed since packet ${packetId}: there is no addendum to send.`);
            const receiving: number[] = [];
            const quiet = new Set<number>();
            for (const { personId, groups } of frozen.recipients) {
              if (!holders.has(personId)) continue;
              const readable = changesFor(since, audienceOf(frozen, groups), audienceOf(sent, groups));
              if (readable.length > 0) receiving.push(personId);
              else quiet.add(personId);
            }
            if (frozen.recipients.every((r) => quiet.has(r.personId)))
              throw Errors.conflict(`None of the recipients of packet ${packetId} may read what changed since it.`);
            holding = receiving.length;
            return {
              addendum: { to: packetId, toCreatedAt: earlier.createdAt, changes: since, holders: receiving },
              quiet,
            };
          },
        },
      );
      return { ...created, addendumTo: packetId, changesOnly: holding, whole: created.recipients - holding };
    },
  };
}
