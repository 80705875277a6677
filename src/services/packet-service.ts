import { PacketFormat } from '../domain/packet-content.js';
import type { Config } from '../config/env.js';
import type { MailQueueHealth } from '../mail/mail-worker.js';
import type { ServiceContext } from './context.js';
import { audienceOfRecipient } from './packet-audiences.js';
import { createPacketDocuments, type LegacyPacketDocuments } from './packet-documents.js';
import type { PacketFiles } from './packet-files.js';
import { createPacketLinks } from './packet-links.js';
import { createPacketMessages } from './packet-message.js';
import { createPacketProgress } from './packet-progress.js';
import { createPacketSending } from './packet-sending.js';

export type { NewPacketInput } from './packet-sending.js';
export type { RecipientList } from './packet-audiences.js';

export interface MailSettings {
  mail: Config['mail'];
  publicUrl: string;
  linkSecret: Buffer;
}

/**
 * Packets, one use case per file: sending (packet-sending), following (packet-progress), the
 * signed links (packet-links) and each recipient's message (packet-message), over one source
 * of files per audience (packet-documents).
 */
export function createPacketService(
  ctx: ServiceContext,
  documents: { legacy: LegacyPacketDocuments; frozen: PacketFiles },
  settings: MailSettings,
  queue: { kick: () => void; health: () => MailQueueHealth },
) {
  const filesOf = createPacketDocuments(documents);
  const links = createPacketLinks(ctx, settings, {
    file: async (packet, personId) =>
      (await filesOf(packet, PacketFormat.combined, audienceOfRecipient(packet, personId)))[0]!,
  });
  return {
    ...createPacketSending(ctx, queue.kick),
    ...createPacketProgress(ctx, queue.health),
    ...links,
    ...createPacketMessages(ctx, { filesOf, links, mail: settings.mail }),
  };
}
export type PacketService = ReturnType<typeof createPacketService>;
