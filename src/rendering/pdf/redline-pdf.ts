import type { FootnoteView } from '../views/note-view.js';
import type { RedlineView } from '../views/redline-view.js';
import { headingBlocks, noteBodyBlocks, pageLabel } from './cover-note-pdf.js';
import { fonts, type FontSet } from './fonts.js';
import { inlineRuns } from './inline-runs.js';
import { drawPart, layoutPart, type Part } from './page-drawing.js';
import { body, FOOTNOTES, footnoteText, leftAligned, marker } from './page-style.js';
import { PdfWriter } from './pdf-writer.js';
import { typesetParagraph, type Line } from './typeset.js';

/**
 * A redline: the later text of a note in the standard layout (cover-note-pdf.ts's blocks), its
 * insertions underlined and deletions struck through in colour, a change bar beside every
 * changed line (redline-marks.ts), changed footnotes marked alike, and on the first page, under
 * the title, a framed box that counts the changes and says why the note was released again.
 */

function footnoteLines(f: FontSet, note: FootnoteView): Line[] {
  const label = { text: String(note.number), style: marker(footnoteText.size) };
  return typesetParagraph(f, inlineRuns(note.runs ?? [{ kind: 'text', text: note.text }], footnoteText), {
    ...FOOTNOTES.format,
    label,
  });
}

export function layoutRedline(view: RedlineView, f: FontSet = fonts()): Part {
  const footnotes = new Map(view.footnotes.map((note) => [note.number, footnoteLines(f, note)]));
  const summary = {
    lines: typesetParagraph(f, [{ text: view.changeSummary, style: body }], leftAligned),
    spaceBefore: 24,
    spaceAfter: 6,
    indent: 0,
    keepTogether: true,
    tag: { type: 'P', framed: true },
  };
  return layoutPart([...headingBlocks(f, view), summary, ...noteBodyBlocks(f, view)], footnotes);
}

/** The redline PDF. Pure: the same view and `now` give the same bytes. */
export async function renderRedlinePdf(view: RedlineView, options: { now: Date }): Promise<Buffer> {
  const writer = new PdfWriter({
    title: view.documentTitle,
    subject: view.subject,
    lang: view.lang,
    createdAt: options.now,
  });
  const part = layoutRedline(view, writer.fonts);
  const numbering = { first: 1, total: part.pages.length };
  drawPart(writer, part, {
    parent: writer.root,
    isDraft: view.isDraft,
    runningHead: view.marking,
    footer: (index) => ({ left: view.footerLabel, centre: pageLabel(numbering, index) }),
  });
  return writer.finish();
}
