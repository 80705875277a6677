import { NoteState } from '../domain/note-workflow.js';
import { Role, type Actor } from '../domain/roles.js';
import type { AgendaService } from '../services/agenda-service.js';
import type { PdfService } from '../services/pdf-service.js';
import type { Attachment } from './mime.js';
import type { PacketDocuments } from './packet-documents.js';

/** The mailer acts for the secretariat; only released notes ever go into what it sends. */
const MAILER: Actor = { id: 0, name: 'agendum mailer', role: Role.secretariat };

const asAttachment = (file: { fileName: string; bytes: Buffer }): Attachment => ({
  filename: file.fileName,
  contentType: 'application/pdf',
  content: file.bytes,
});

/** A packet's PDFs from the PDF renderers: one combined packet, or the agenda and a PDF per note. */
export function pdfPacketDocuments(pdf: PdfService, agenda: AgendaService): PacketDocuments {
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
