import { summariseOutbox } from '../domain/delivery.js';
import { Errors } from '../domain/errors.js';
import { groupsOf, receivesAddendum } from '../domain/frozen-packet.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { MailQueueHealth } from '../mail/mail-worker.js';
import type { ServiceContext } from './context.js';

/** How a packet's delivery stands, recipient by recipient, with the health of the whole queue. */
export function createPacketProgress(ctx: ServiceContext, queueHealth: () => MailQueueHealth) {
  const { mail } = ctx.repos;

  function view(actor: Actor, packetId: number) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat follows packets.');
    const packet = mail.findPacket(packetId);
    if (!packet) throw Errors.notFound(`Packet ${packetId} does not exist.`);
    const rows = mail.outboxOfPacket(packetId);
    const summary = summariseOutbox(
      rows.map((r) => r.row),
      ctx.now(),
    );
    return {
      id: packet.id,
      meetingId: packet.meetingId,
      subject: packet.subject,
      content: packet.content,
      kind: packet.kind,
      addendumTo: packet.addendumTo,
      createdAt: packet.createdAt,
      leftOut: packet.leftOut,
      linksRevokedAt: packet.linksRevokedAt,
      linksRevokedReason: packet.linksRevokedReason,
      ...summary,
      // The whole queue, not just this packet: a stuck worker shows where people look.
      worker: queueHealth(),
      recipients: rows.map(({ row, name }) => ({
        personId: row.personId,
        name,
        email: row.email,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        serverResponse: row.serverResponse,
        sentAt: row.sentAt,
        linkRevokedAt: row.linkRevokedAt,
        linkRevokedReason: row.linkRevokedReason,
        // The lists that decided what this recipient was sent (none recorded for older packets).
        lists: packet.frozen ? groupsOf(packet.frozen, row.personId) : [],
        changesOnly: packet.frozen ? receivesAddendum(packet.frozen, row.personId) : false,
      })),
    };
  }

  return { view };
}
