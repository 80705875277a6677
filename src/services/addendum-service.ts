import { PacketChangeKind, type PacketChange } from '../domain/packet-changes.js';
import type { Actor } from '../domain/roles.js';
import { renderAddendumPdf } from '../rendering/pdf/addendum-pdf.js';
import { printedDate } from '../rendering/views/note-view.js';
import type { IngestService } from './ingest-service.js';
import type { PacketService } from './packet-service.js';
import type { PdfFile, PdfService } from './pdf-service.js';
import type { RedlineService } from './redline-service.js';

interface AddendumSources {
  packets: Pick<PacketService, 'changesSince'>;
  pdf: Pick<PdfService, 'notePdf'>;
  redlines: Pick<RedlineService, 'publicationsRedline'>;
  ingest: Pick<IngestService, 'annexFile'>;
}

const NOTE_DOCUMENTS: ReadonlySet<PacketChangeKind> = new Set([PacketChangeKind.itemAdded, PacketChangeKind.noteAdded]);
const ANNEX_DOCUMENTS: ReadonlySet<PacketChangeKind> = new Set([
  PacketChangeKind.annexAdded,
  PacketChangeKind.annexReplaced,
]);

/**
 * The addendum to a packet: what changed since it (packet-changes) as one PDF, each change
 * followed by what a reader needs of it: a revised note's redline, a new note, a new annex.
 * Read as `actor` reads notes and annexes (the secretariat: everything published).
 */
export function createAddendumService(sources: AddendumSources) {
  async function documentsOf(actor: Actor, change: PacketChange): Promise<{ title: string; bytes: Uint8Array }[]> {
    const { itemId, publicationNumber: to, fromPublicationNumber: from } = change;
    if (change.kind === PacketChangeKind.noteRevised && to !== null && from !== null) {
      const redline = await sources.redlines.publicationsRedline(actor, itemId, from, to);
      return [{ title: redline.fileName, bytes: redline.bytes }];
    }
    if (NOTE_DOCUMENTS.has(change.kind) && to !== null) {
      const note = await sources.pdf.notePdf(actor, itemId, { publication: to });
      return [{ title: note.fileName, bytes: note.bytes }];
    }
    // By its file, not its title: two annexes of a note may share a title.
    if (ANNEX_DOCUMENTS.has(change.kind) && change.annexId !== null) {
      const file = await sources.ingest.annexFile(actor, itemId, change.annexId);
      return [{ title: file.name, bytes: file.bytes }];
    }
    return [];
  }

  return {
    /** The addendum PDF to packet `packetId`: a cover of the changes with their pages, then their documents. */
    async addendumPdf(actor: Actor, meetingId: number, packetId: number): Promise<PdfFile> {
      const since = sources.packets.changesSince(actor, meetingId, packetId);
      const changes = [];
      for (const change of since.changes) {
        changes.push({ summary: change.summary, reason: change.reason, documents: await documentsOf(actor, change) });
      }
      const heading = `What changed since packet ${packetId} of ${printedDate(since.sentAt)}`;
      const intro =
        changes.length === 0
          ? 'Nothing changed: the agenda and its notes are as the packet carried them.'
          : `${changes.length} change(s), each with the page where its document starts (the cover for a change with none).`;
      const bytes = await renderAddendumPdf(
        { documentTitle: heading, lang: 'en', heading, intro, changes },
        { now: new Date(since.sentAt) },
      );
      return { fileName: `packet-${packetId}-addendum.pdf`, bytes };
    },
  };
}
export type AddendumService = ReturnType<typeof createAddendumService>;
