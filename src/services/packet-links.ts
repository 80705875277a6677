import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { checkPacketLink, signPacketLink } from '../domain/signed-link.js';
import type { Attachment } from '../mail/mime.js';
import type { PacketRow } from '../repositories/mail-repository.js';
import { isoNow, type ServiceContext } from './context.js';

export interface DownloadRequest {
  expires: number;
  signature: string;
  /** The outbox row the link was mailed in; absent on links of packets made before. */
  recipient?: number;
}

/**
 * Signed download links of packets: made per recipient, checked (altered 403, expired 410),
 * revocable for a whole packet or one recipient (410 with the reason and where the current
 * packet is). No sign-in: the signature is the permission.
 */
export function createPacketLinks(
  ctx: ServiceContext,
  settings: { publicUrl: string; linkSecret: Buffer },
  source: { file: (packet: PacketRow, personId: number | undefined) => Promise<Attachment> },
) {
  const { repos } = ctx;

  /** Where a reader whose link no longer works finds the packet as it stands. */
  function current(meetingId: number) {
    return {
      page: `${settings.publicUrl}/meetings/${meetingId}`,
      api: `${settings.publicUrl}/api/v1/meetings/${meetingId}/packet.pdf`,
    };
  }

  function revoked(packet: PacketRow, what: string, reason: string, at: string): never {
    const where = current(packet.meetingId);
    throw Errors.gone(
      `${what} was revoked on ${at.slice(0, 10)}: ${reason} The current packet of the meeting is at ${where.page} (API: ${where.api}).`,
      { reason, revokedAt: at, currentPacket: where },
    );
  }

  function packetForStaff(actor: Actor, packetId: number) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat revokes download links.');
    const packet = repos.mail.findPacket(packetId);
    if (!packet) throw Errors.notFound(`Packet ${packetId} does not exist.`);
    return packet;
  }

  return {
    downloadLink(packetId: number, expiresAt: Date, recipientId?: number) {
      const { expires, signature } = signPacketLink(settings.linkSecret, packetId, expiresAt, recipientId);
      const recipient = recipientId === undefined ? '' : `recipient=${recipientId}&`;
      return {
        url: `${settings.publicUrl}/api/v1/packets/${packetId}/download?${recipient}expires=${expires}&signature=${signature}`,
        expiresAt,
      };
    },

    /** The packet PDF behind a signed link: the stored rendering of the recipient's audience. */
    async download(packetId: number, link: DownloadRequest): Promise<Attachment> {
      const verdict = checkPacketLink(
        settings.linkSecret,
        packetId,
        link.expires,
        link.signature,
        ctx.now(),
        link.recipient,
      );
      if (verdict === 'altered') throw Errors.forbidden('This download link is not valid.');
      const packet = repos.mail.findPacket(packetId);
      if (!packet) throw Errors.gone('This packet no longer exists.');
      if (packet.linksRevokedAt)
        revoked(packet, 'Every link of this packet', packet.linksRevokedReason ?? '', packet.linksRevokedAt);
      const row = link.recipient === undefined ? undefined : repos.mail.findOutbox(link.recipient);
      if (row?.linkRevokedAt) revoked(packet, 'This link', row.linkRevokedReason ?? '', row.linkRevokedAt);
      if (verdict === 'expired')
        throw Errors.gone('This download link has expired; ask the secretariat for a new one.', {
          currentPacket: current(packet.meetingId),
        });
      const personId = row?.packetId === packet.id ? row.personId : undefined;
      // A packet is served per recipient: a link without one was made only for packets from before
      // packets were frozen (frozen on first use since), and serves what all their recipients may read.
      if (personId === undefined && packet.frozen && !packet.frozen.frozenOnFirstUse)
        throw Errors.forbidden('This download link is not valid.');
      return source.file(packet, personId);
    },

    /** The packet PDF one recipient was sent (their audience's stored rendering), for the secretariat. */
    async recipientPdf(actor: Actor, packetId: number, personId: number): Promise<Attachment> {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat follows packets.');
      const packet = repos.mail.findPacket(packetId);
      if (!packet) throw Errors.notFound(`Packet ${packetId} does not exist.`);
      if (!repos.mail.outboxOfPacket(packetId).some((r) => r.row.personId === personId))
        throw Errors.notFound(`Person ${personId} is not a recipient of packet ${packetId}.`);
      return source.file(packet, personId);
    },

    /** Every download link of the packet stops working (410 with the reason). */
    revokeLinks(actor: Actor, packetId: number, reason: string) {
      const packet = packetForStaff(actor, packetId);
      const at = isoNow(ctx);
      if (!repos.mail.revokePacketLinks(packetId, at, reason))
        throw Errors.conflict(
          `The links of packet ${packetId} were revoked on ${packet.linksRevokedAt!.slice(0, 10)}.`,
        );
      return { packetId, revokedAt: at, reason };
    },

    /** One recipient's download link stops working; the others keep theirs. */
    revokeRecipientLink(actor: Actor, packetId: number, personId: number, reason: string) {
      packetForStaff(actor, packetId);
      const row = repos.mail
        .outboxOfPacket(packetId)
        .map((r) => r.row)
        .find((r) => r.personId === personId);
      if (!row) throw Errors.notFound(`Person ${personId} is not a recipient of packet ${packetId}.`);
      const at = isoNow(ctx);
      if (!repos.mail.revokeRecipientLink(row.id, at, reason))
        throw Errors.conflict(`That recipient's link was revoked on ${row.linkRevokedAt!.slice(0, 10)}.`);
      return { packetId, personId, revokedAt: at, reason };
    },
  };
}
export type PacketLinks = ReturnType<typeof createPacketLinks>;
