import { OutboxStatus, summariseOutbox } from '../domain/delivery.js';
import { Errors } from '../domain/errors.js';
import { NoteState } from '../domain/note-workflow.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { contentOf } from './packet-audiences.js';
import type { PacketLinks } from './packet-links.js';

/**
 * A meeting's packets as people look for them: the secretariat's list with each one's progress
 * and the notes a packet would leave out now; a recipient's latest packet, to download again.
 */
export function createPacketHistory(ctx: ServiceContext, links: Pick<PacketLinks, 'downloadLink'>, linkDays: number) {
  const { mail } = ctx.repos;

  function staffOnly(actor: Actor, meetingId: number) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat follows packets.');
    meetingOrThrow(ctx, meetingId);
  }

  /** The meeting's packets, the latest first, each with how far its sending is. */
  function ofMeeting(actor: Actor, meetingId: number) {
    staffOnly(actor, meetingId);
    return mail.packetsOfMeeting(meetingId).map((packet) => {
      const summary = summariseOutbox(
        mail.outboxOfPacket(packet.id).map((r) => r.row),
        ctx.now(),
      );
      return {
        id: packet.id,
        subject: packet.subject,
        kind: packet.kind,
        addendumTo: packet.addendumTo,
        createdAt: packet.createdAt,
        counts: summary.counts,
        total: summary.total,
        done: summary.done,
      };
    });
  }

  /** Notes with work in them that are not released: a packet leaves them out, a plain packet PDF refuses. */
  function unreleased(actor: Actor, meetingId: number) {
    staffOnly(actor, meetingId);
    return contentOf(ctx, meetingId).leftOut.filter((note) => note.state !== NoteState.withdrawn);
  }

  /**
   * The latest packet of the meeting delivered to this person, with a fresh download link of
   * the PDF they were sent (a path on this service), and the format they receive packets in.
   */
  function receivedBy(actor: Actor, meetingId: number) {
    meetingOrThrow(ctx, meetingId);
    const format = ctx.repos.people.findById(actor.id)?.packetFormat ?? null;
    return { latest: latestReceived(actor, meetingId), format };
  }

  function latestReceived(actor: Actor, meetingId: number) {
    for (const packet of mail.packetsOfMeeting(meetingId)) {
      const row = mail
        .outboxOfPacket(packet.id)
        .map((r) => r.row)
        .find((r) => r.personId === actor.id && r.status === OutboxStatus.sent);
      if (!row) continue;
      const expiresAt = new Date(ctx.now().getTime() + linkDays * 86_400_000);
      const url = new URL(links.downloadLink(packet.id, expiresAt, row.id).url);
      return {
        packetId: packet.id,
        subject: packet.subject,
        sentAt: row.sentAt,
        downloadPath: `${url.pathname}${url.search}`,
        revoked: packet.linksRevokedAt !== null || row.linkRevokedAt !== null,
      };
    }
    return null;
  }

  return { ofMeeting, unreleased, receivedBy };
}
