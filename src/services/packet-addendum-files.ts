import { audienceOf, groupsOf, type FrozenPacket } from '../domain/frozen-packet.js';
import { changesFor, type PacketChange } from '../domain/packet-changes.js';
import type { Attachment } from '../mail/mime.js';
import type { ServiceContext } from './context.js';
import type { FrozenRow, PacketFiles } from './packet-files.js';

/** Renders an addendum packet's PDF of these changes (addendum-service). */
export type AddendumRender = (packet: FrozenRow, changes: readonly PacketChange[]) => Promise<Buffer>;

/**
 * What an addendum packet sends to one recipient who holds the packet it follows: the changes
 * their groups may read (now for what was added, in the earlier packet for what was removed),
 * rendered once per such audience and stored with the packet's other files.
 */
export function createAddendumFiles(ctx: ServiceContext, files: PacketFiles, render: AddendumRender) {
  const earlierOf = (packet: FrozenRow): FrozenPacket => ctx.repos.mail.findPacket(packet.frozen.addendum!.to)!.frozen!;

  return async function addendumOf(
    packet: FrozenRow,
    personId: number,
  ): Promise<{ key: string; file: Attachment; changes: PacketChange[] }> {
    const groups = groupsOf(packet.frozen, personId);
    const now = audienceOf(packet.frozen, groups);
    const before = audienceOf(earlierOf(packet), groups);
    const changes = changesFor(packet.frozen.addendum!.changes, now, before);
    const key = `${now.key}~${before.key}`;
    const file = await files.addendum(packet, key, () => render(packet, changes));
    return { key, file, changes };
  };
}
export type AddendumFilesOf = ReturnType<typeof createAddendumFiles>;
