import { NoteState } from '../domain/note-workflow.js';
import { PacketFormat } from '../domain/packet-content.js';
import type { PacketAudience } from '../domain/frozen-packet.js';
import { Role, type Actor } from '../domain/roles.js';
import type { Attachment } from '../mail/mime.js';
import type { PacketRow } from '../repositories/mail-repository.js';
import type { AgendaService } from './agenda-service.js';
import type { PacketFiles } from './packet-files.js';
import type { PdfService } from './pdf-service.js';

/**
 * The PDFs of a packet made before packets were frozen (frozen = null): rendered again from what
 * is released now, each time. Kept because migration 0007 added `packets.frozen` without filling
 * it: such packets' mails may be sent again, and their links work for AGENDUM_LINK_DAYS.
 */
export interface LegacyPacketDocuments {
  /** One PDF: cover, contents, agenda, the released notes and their annexes. */
  combined(meetingId: number): Promise<Attachment>;
  /** The agenda and one PDF per released note. */
  separate(meetingId: number): Promise<Attachment[]>;
}

/** The mailer acts for the secretariat; only released notes ever go into what it sends. */
const MAILER: Actor = { id: 0, name: 'agendum mailer', role: Role.secretariat };

const asAttachment = (file: { fileName: string; bytes: Buffer }): Attachment => ({
  filename: file.fileName,
  contentType: 'application/pdf',
  content: file.bytes,
});

/** A legacy packet's PDFs from the PDF service: one combined packet, or the agenda and a PDF per note. */
export function livePacketDocuments(pdf: PdfService, agenda: AgendaService): LegacyPacketDocuments {
  return {
    combined: async (meetingId) => asAttachment(await pdf.packetPdf(MAILER, meetingId, { releasedOnly: true })),
    async separate(meetingId) {
      const files = [asAttachment(await pdf.agendaPdf(MAILER, meetingId))];
      for (const item of agenda.list(MAILER, meetingId)) {
        if (item.note?.state === NoteState.released) files.push(asAttachment(await pdf.notePdf(MAILER, item.id)));
      }
      return files;
    },
  };
}

/** The files of a packet for one audience: stored renderings of a frozen packet, else today's. */
export function createPacketDocuments(sources: { frozen: PacketFiles; legacy: LegacyPacketDocuments }) {
  return async function filesOf(
    packet: PacketRow,
    format: PacketFormat,
    audience: PacketAudience | null,
  ): Promise<Attachment[]> {
    if (packet.frozen && audience) {
      const frozen = { ...packet, frozen: packet.frozen };
      return format === PacketFormat.combined
        ? [await sources.frozen.combined(frozen, audience)]
        : sources.frozen.separate(frozen, audience);
    }
    return format === PacketFormat.combined
      ? [await sources.legacy.combined(packet.meetingId)]
      : sources.legacy.separate(packet.meetingId);
  };
}
export type PacketFilesOf = ReturnType<typeof createPacketDocuments>;
