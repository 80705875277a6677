import type { Actor } from '../domain/roles.js';
import { renderNoteDocx } from '../rendering/docx/cover-note-docx.js';
import type { PdfService } from './pdf-service.js';

export interface WordFile {
  /** A file name to offer on download: `18th-ehealth-network-item-9.1-v2.docx` */
  fileName: string;
  bytes: Buffer;
}

/**
 * Notes as Word documents, for a rapporteur to start the next draft from. Who may read a version
 * may download it: the note, the version and the file name are the PDF's (same reading rules,
 * same 404 for what the reader may not see); only the format differs.
 */
export function createDocumentService(notes: Pick<PdfService, 'printableNote'>) {
  return {
    /** One version of an item's note as a .docx in the standard layout. */
    async noteDocx(actor: Actor, itemId: number, versionNumber: number): Promise<WordFile> {
      const { view, fileStem } = notes.printableNote(actor, itemId, { version: versionNumber });
      return { fileName: `${fileStem}.docx`, bytes: await renderNoteDocx(view) };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
