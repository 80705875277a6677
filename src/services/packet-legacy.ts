import type { PacketRow } from '../repositories/mail-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { recipientsFor } from './packet-audiences.js';
import type { FrozenRow } from './packet-files.js';
import { freezePacket } from './packet-freeze.js';

/**
 * A packet made before packets were frozen (migration 0007 left `frozen` null on them) is frozen
 * on its first use after: its mails may be sent again and its links work for AGENDUM_LINK_DAYS,
 * and were they rendered from what is released now, as the secretariat, a note marked `limited`
 * since would reach everyone on the packet's lists. Frozen as a new packet would be (what is
 * published now, each recipient with the packet's lists they are on now; someone no longer on
 * any gets what no group admits), it is then served like any frozen packet, per audience.
 */
export function frozenOnFirstUse(ctx: ServiceContext, packet: PacketRow): FrozenRow {
  if (packet.frozen) return { ...packet, frozen: packet.frozen };
  const { mail } = ctx.repos;
  ctx.transaction(() => {
    const groups = new Map(
      recipientsFor(ctx, packet.meetingId, packet.lists).map((r) => [r.person.id, r.groups] as const),
    );
    const personIds = [...new Set(mail.outboxOfPacket(packet.id).map(({ row }) => row.personId))];
    const recipients = personIds.map((personId) => ({ personId, groups: groups.get(personId) ?? [] }));
    const frozen = freezePacket(ctx, packet.meetingId, recipients, packet.createdAt);
    // Compare-and-set: of two first uses at once (another process), the first freezing counts.
    mail.freezeLegacyPacket(packet.id, { ...frozen, frozenOnFirstUse: isoNow(ctx) });
  });
  const row = mail.findPacket(packet.id)!;
  return { ...row, frozen: row.frozen! };
}
