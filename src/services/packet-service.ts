import { PacketFormat } from '../domain/packet-content.js';
import type { Config } from '../config/env.js';
import type { MailQueueHealth } from '../mail/mail-worker.js';
import type { ServiceContext } from './context.js';
import { commonAudienceOf, receivesAddendum } from '../domain/frozen-packet.js';
import { createAddendumSending } from './addendum-sending.js';
import { createAddendumFiles, type AddendumRender } from './packet-addendum-files.js';
import { audienceOfRecipient } from './packet-audiences.js';
import { createPacketDocuments } from './packet-documents.js';
import type { PacketFiles } from './packet-files.js';
import { frozenOnFirstUse } from './packet-legacy.js';
import { createPacketLinks } from './packet-links.js';
import { createPacketCancellation } from './packet-cancellation.js';
import { createCalendarUpdates } from './calendar-update.js';
import { createPacketLedger } from './packet-ledger.js';
import { createPacketChanges } from './packet-changes.js';
import { createPacketHistory } from './packet-history.js';
import { createPacketMessages } from './packet-message.js';
import { createPacketPreview } from './packet-preview.js';
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
  files: PacketFiles,
  settings: MailSettings,
  queue: { kick: () => void; health: () => MailQueueHealth },
  renderAddendum: AddendumRender,
) {
  const filesOf = createPacketDocuments(files);
  const addendumOf = createAddendumFiles(ctx, files, renderAddendum);
  const links = createPacketLinks(ctx, settings, {
    async file(row, personId) {
      const packet = frozenOnFirstUse(ctx, row);
      if (personId !== undefined && receivesAddendum(packet.frozen, personId))
        return addendumOf(packet, personId).file();
      // A link naming no recipient (a packet from before packets were frozen) was the same in
      // every recipient's mail, so any of them may hold it: it serves what all of them may read.
      // The delegates list's audience would hand an observer on the packet a note for delegates.
      const audience =
        personId === undefined ? commonAudienceOf(packet.frozen) : audienceOfRecipient(packet.frozen, personId);
      return (await filesOf(packet, PacketFormat.combined, audience))[0]!;
    },
  });
  const sending = createPacketSending(ctx, queue.kick);
  const changes = createPacketChanges(ctx);
  return {
    ...sending,
    ...createAddendumSending(ctx, sending, changes),
    ...createPacketProgress(ctx, queue.health),
    ...links,
    ...createPacketMessages(ctx, { filesOf, addendumOf, links, mail: settings.mail }),
    ...createPacketPreview(ctx, settings.mail),
    ...createPacketHistory(ctx, links, settings.mail.linkDays),
    ...createPacketCancellation(ctx, settings.mail, queue.kick),
    ...createCalendarUpdates(ctx, settings.mail, queue.kick),
    ...createPacketLedger(ctx, sending.create),
    ...changes,
  };
}
export type PacketService = ReturnType<typeof createPacketService>;
