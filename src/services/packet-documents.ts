import { PacketFormat } from '../domain/packet-content.js';
import type { PacketAudience } from '../domain/frozen-packet.js';
import type { Attachment } from '../mail/mime.js';
import type { FrozenRow, PacketFiles } from './packet-files.js';

/**
 * The files of a packet for one audience: the stored renderings of what it carries. A packet
 * made before packets were frozen is frozen on its first use (packet-legacy) and served the same.
 */
export function createPacketDocuments(files: PacketFiles) {
  return async function filesOf(
    packet: FrozenRow,
    format: PacketFormat,
    audience: PacketAudience,
  ): Promise<Attachment[]> {
    return format === PacketFormat.combined
      ? [await files.combined(packet, audience)]
      : files.separate(packet, audience);
  };
}
export type PacketFilesOf = ReturnType<typeof createPacketDocuments>;
