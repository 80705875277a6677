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
  // Read once per addendum packet, not once per recipient: the message builder keeps the packet's
  // frozen content while it mails every recipient, so it is the key.
  const earlier = new WeakMap<FrozenPacket, FrozenPacket>();
  const earlierOf = (packet: FrozenRow): FrozenPacket => {
    let found = earlier.get(packet.frozen);
    if (!found) earlier.set(packet.frozen, (found = ctx.repos.mail.findPacket(packet.frozen.addendum!.to)!.frozen!));
    return found;
  };

  /** The recipient's changes and audience key at once; the file (stored, or rendered once) when asked. */
  return function addendumOf(
    packet: FrozenRow,
    personId: number,
  ): { key: string; file: () => Promise<Attachment>; changes: PacketChange[] } {
    const groups = groupsOf(packet.frozen, personId);
    const now = audienceOf(packet.frozen, groups);
    const before = audienceOf(earlierOf(packet), groups);
    const changes = changesFor(packet.frozen.addendum!.changes, now, before);
    const key = `${now.key}~${before.key}`;
    const file = () => files.addendum(packet, key, () => render(packet, changes));
    return { key, file, changes };
  };
}
export type AddendumFilesOf = ReturnType<typeof createAddendumFiles>;
