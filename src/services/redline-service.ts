import type { Actor } from '../domain/roles.js';
import { renderRedlinePdf } from '../rendering/pdf/redline-pdf.js';
import { printedDate } from '../rendering/views/note-view.js';
import { buildRedlineView, type RedlineWords } from '../rendering/views/redline-view.js';
import type { PdfFile, PdfService } from './pdf-service.js';

/**
 * Redlines: what changed between two publications of a note (whoever reads the note reads its
 * publications), or between two versions (the drafting circle; anyone else only published ones,
 * by the note's reading rules). Both sides are printed as every file of the note prints them,
 * then compared (rendering/views/redline-view.ts). Rendered in this thread: a redline is asked
 * for rarely, and the bench times it beside the note it compares.
 */
export function createRedlineService(pdf: Pick<PdfService, 'printableNote'>) {
  async function render(
    from: ReturnType<PdfService['printableNote']>,
    to: ReturnType<PdfService['printableNote']>,
    words: RedlineWords & { fileName: string },
  ): Promise<PdfFile> {
    const view = buildRedlineView(from.view, to.view, words);
    // The later side's own time is the file's date: the same pair always prints the same bytes.
    const now = new Date(to.publication?.releasedAt ?? to.view.createdAt);
    return { fileName: words.fileName, bytes: await renderRedlinePdf(view, { now }) };
  }

  return {
    /** Changes from publication `a` to publication `b`, with the reason `b` was released for. */
    publicationsRedline(actor: Actor, itemId: number, a: number, b: number): Promise<PdfFile> {
      const from = pdf.printableNote(actor, itemId, { publication: a });
      const to = pdf.printableNote(actor, itemId, { publication: b });
      return render(from, to, {
        from: `revision ${a} (${printedDate(from.publication!.releasedAt)})`,
        reason: to.publication!.reason,
        footer: `Changes from revision ${a} to revision ${b}`,
        fileName: `${to.fileStem}-changes-from-revision-${a}.pdf`,
      });
    },

    /** Changes from version `a` to version `b`: any two for the drafting circle, published ones for the rest. */
    versionsRedline(actor: Actor, itemId: number, a: number, b: number): Promise<PdfFile> {
      const from = pdf.printableNote(actor, itemId, { version: a });
      const to = pdf.printableNote(actor, itemId, { version: b });
      return render(from, to, {
        from: `version ${a} to version ${b}`,
        footer: `Changes from version ${a} to version ${b}`,
        fileName: `${to.fileStem}-changes-from-v${a}.pdf`,
      });
    },
  };
}
export type RedlineService = ReturnType<typeof createRedlineService>;
