import type { PacketEntryView, PacketView } from '../views/packet-view.js';
import { layoutAgenda, drawAgenda } from './agenda-pdf.js';
import { drawCoverNote, pageLabel, type PageNumbering } from './cover-note-pdf.js';
import { cachedNoteLayout } from './note-layout-cache.js';
import { drawFooter, drawPart, type Part } from './page-drawing.js';
import { finishPacket, loadAnnex, type AnnexSlot, type LoadedAnnex } from './packet-merge.js';
import { addOutline, agendaPages, buildOutline } from './packet-outline.js';
import { destinations, layoutContents, layoutCover } from './packet-front-matter.js';
import { PdfWriter } from './pdf-writer.js';

/**
 * The meeting packet: cover page, contents with page numbers, the agenda, then each note in
 * agenda order followed by its PDF annexes; `Page N of M` across the whole packet; nested
 * bookmarks; the notes that are not released marked DRAFT.
 *
 * Everything is laid out before anything is drawn, so every page number is known when the
 * contents are printed. Between notes the work yields to the event loop (setImmediate): a
 * 30-note packet is built in slices of a few milliseconds, and other requests go on meanwhile.
 */

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

interface NoteSlot {
  entry: PacketEntryView;
  part: Part;
  annexes: LoadedAnnex[];
  /** 0-based index of the note's first page in the packet. */
  firstPage: number;
}

/** Reads the annexes and lays out every note, yielding between notes. */
async function layoutNotes(writer: PdfWriter, view: PacketView): Promise<NoteSlot[]> {
  const slots: NoteSlot[] = [];
  for (const entry of view.entries) {
    if (!entry.note) continue;
    const annexes: LoadedAnnex[] = [];
    for (const annex of entry.annexes) annexes.push(await loadAnnex(annex.title, annex.bytes, `item ${entry.number}`));
    slots.push({
      entry,
      part: cachedNoteLayout(entry.note, writer.fonts, destinations.item(entry.itemId)),
      annexes,
      firstPage: 0,
    });
    await pause();
  }
  return slots;
}

/** Draws a note's annex pages as numbered placeholders; finishPacket fills them. */
function drawAnnexPlaceholders(
  writer: PdfWriter,
  slot: NoteSlot,
  numbering: (first: number) => PageNumbering,
): AnnexSlot[] {
  const slots: AnnexSlot[] = [];
  let page = slot.firstPage + slot.part.pages.length;
  slot.annexes.forEach((annex, i) =>
    annex.sizes.forEach((size, k) => {
      writer.addPage(size);
      if (k === 0) writer.doc.addNamedDestination(destinations.annex(slot.entry.itemId, i));
      drawFooter(writer, { left: `Annex to item ${slot.entry.number}`, centre: pageLabel(numbering(page), 0) }, size);
      slots.push({ annex, annexPage: k, packetPage: page });
      page += 1;
    }),
  );
  return slots;
}

/**
 * The packet PDF. Pure apart from yielding to the event loop: the same view and `now` (the
 * creation date, printed on the cover) give the same bytes.
 */
export async function renderPacketPdf(view: PacketView, options: { now: Date }): Promise<Buffer> {
  const writer = new PdfWriter({
    title: view.documentTitle,
    subject: view.subject,
    lang: view.lang,
    createdAt: options.now,
  });
  const notes = await layoutNotes(writer, view);
  const cover = layoutCover(writer.fonts, view, options.now);
  const contents = layoutContents(writer.fonts, view);
  const agenda = layoutAgenda(view.agenda, writer.fonts, destinations.agenda);
  const agendaFirst = cover.pages.length + contents.pages.length;
  const pageNumbers = new Map<string, number>([[destinations.agenda, agendaFirst + 1]]);
  let next = agendaFirst + agenda.pages.length;
  for (const slot of notes) {
    slot.firstPage = next;
    pageNumbers.set(destinations.item(slot.entry.itemId), next + 1);
    next += slot.part.pages.length;
    slot.annexes.forEach((annex, i) => {
      pageNumbers.set(destinations.annex(slot.entry.itemId, i), next + 1);
      next += annex.sizes.length;
    });
  }
  const numbering = (first: number): PageNumbering => ({ first: first + 1, total: next, always: true });
  const footer = (first: number) => (index: number) => ({ left: null, centre: pageLabel(numbering(first), index) });
  drawPart(writer, cover, { parent: writer.element('Sect'), isDraft: false, footer: footer(0) });
  drawPart(writer, contents, {
    parent: writer.element('Sect'),
    isDraft: false,
    footer: footer(cover.pages.length),
    pageNumbers,
  });
  drawAgenda(writer, agenda, { numbering: numbering(agendaFirst), parent: writer.element('Sect') });
  const annexSlots: AnnexSlot[] = [];
  for (const slot of notes) {
    drawCoverNote(writer, slot.entry.note!, slot.part, {
      numbering: numbering(slot.firstPage),
      parent: writer.element('Sect'),
    });
    annexSlots.push(...drawAnnexPlaceholders(writer, slot, numbering));
    await pause();
  }
  const outline = buildOutline(view, {
    contents: cover.pages.length,
    agenda: agendaFirst,
    listed: agendaPages(agenda, agendaFirst),
    notes,
  });
  addOutline(writer.doc, outline);
  const pdf = await writer.finish();
  return Buffer.from(await finishPacket(pdf, { slots: annexSlots, pause }));
}
