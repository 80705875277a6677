import { OutboxStatus } from '../domain/delivery.js';
import { Errors } from '../domain/errors.js';
import type { FrozenPacket } from '../domain/frozen-packet.js';
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
 * admits; anyone added to the lists since, or whose message failed, receives the packet whole.
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
            const receiving = frozen.recipients.map((r) => r.personId).filter((id) => holders.has(id));
            holding = receiving.length;
            return { to: packetId, toCreatedAt: earlier.createdAt, changes: since, holders: receiving };
          },
        },
      );
      return { ...created, addendumTo: packetId, changesOnly: holding, whole: created.recipients - holding };
    },
  };
}
