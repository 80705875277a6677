import { procedureLabel } from '../../rendering/html/glossary.js';
import { printedDate } from '../../rendering/views/note-view.js';
import type { PublicationView } from '../../services/presenters.js';

/**
 * A note's publications as the item page lists them, newest first: each one's date, procedure
 * and reason, its PDF, and from the second on, the redline of its changes from the one before.
 * Whoever reads the note reads them all: each is released text.
 */
export function publicationViews(itemId: number, publications: readonly PublicationView[]) {
  const base = `/api/v1/items/${itemId}/note/publications`;
  return [...publications].reverse().map((p) => ({
    number: p.number,
    releasedAt: printedDate(p.releasedAt),
    procedure: procedureLabel(p.procedure),
    reason: p.reason ?? (p.number === 1 ? 'First release' : '—'),
    pdfUrl: `${base}/${p.number}/pdf`,
    redline:
      p.number > 1
        ? { url: `${base}/${p.number - 1}/redline/${p.number}`, label: `Changes from revision ${p.number - 1} (PDF)` }
        : null,
  }));
}
