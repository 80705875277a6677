import { PacketChangeKind, type PacketChange } from '../domain/packet-changes.js';
import type { FrozenAddendum } from '../domain/frozen-packet.js';
import { Role, type Actor } from '../domain/roles.js';
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

  /** The PDF of `changes` since packet `packetId` of `sentAt`, their documents read as `reader` reads them. */
  async function render(reader: Actor, since: { packetId: number; sentAt: string }, changes: readonly PacketChange[]) {
    const parts = [];
    for (const change of changes) {
      parts.push({ summary: change.summary, reason: change.reason, documents: await documentsOf(reader, change) });
    }
    const heading = `What changed since packet ${since.packetId} of ${printedDate(since.sentAt)}`;
    const intro =
      parts.length === 0
        ? 'Nothing changed: the agenda and its notes are as the packet carried them.'
        : `${parts.length} change(s), each with the page where its document starts (the cover for a change with none).`;
    return renderAddendumPdf(
      { documentTitle: heading, lang: 'en', heading, intro, changes: parts },
      { now: new Date(since.sentAt) },
    );
  }

  return {
    /** The addendum PDF to packet `packetId`, as it stands now: a cover of the changes with their pages, then their documents. */
    async addendumPdf(actor: Actor, meetingId: number, packetId: number): Promise<PdfFile> {
      const since = sources.packets.changesSince(actor, meetingId, packetId);
      const bytes = await render(actor, { packetId, sentAt: since.sentAt }, since.changes);
      return { fileName: `packet-${packetId}-addendum.pdf`, bytes };
    },

    /**
     * The addendum an addendum packet sends to one audience: the changes it recorded that the
     * audience may read (chosen by the caller). Its documents are read as the secretariat that
     * made the packet reads them: publications and annexes do not change once released.
     */
    async packetAddendum(
      packet: { createdById: number; frozen: { addendum?: FrozenAddendum } },
      changes: readonly PacketChange[],
    ) {
      const { to, toCreatedAt } = packet.frozen.addendum!;
      const maker: Actor = { id: packet.createdById, name: 'secretariat', role: Role.secretariat };
      return render(maker, { packetId: to, sentAt: toCreatedAt }, changes);
    },
  };
}
export type AddendumService = ReturnType<typeof createAddendumService>;
