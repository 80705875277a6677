import { footnoteHeight, paginate, type Block, type FootnoteArea, type LaidOutPage } from './paginate.js';
import { A4, FOOTER_BASELINE, FOOTNOTES, FRAME, footer, HEADER_BASELINE, MARGIN, TEXT_WIDTH } from './page-style.js';
import type { PdfWriter, StructElement } from './pdf-writer.js';
import { elementOf, newDrawState, type DrawState } from './part-structure.js';
import { drawRowLine, type RowTag } from './table-drawing.js';
import type { Line } from './typeset.js';
import { num } from './text-operators.js';

/**
 * The shared last step of every PDF part (a note, the agenda, the table of contents): blocks are
 * paginated once, then each page is drawn the same way: watermark, body lines, footnotes under a
 * short rule, footer. Drawing takes a page numbering from the caller, so a note prints
 * `Page 2 of 3` alone and `Page 14 of 120` inside a packet.
 */

export interface BlockTag {
  /** Structure type of the block: `P`, `H1`, `H2`, `TOCI`... */
  type: string;
  /** The container elements the block's element sits in, outermost first (`TOC`; `L`, `LI`). */
  path?: StructContainer[];
  /** The block's element is also a container under this key (a list item's `LBody` holding a sublist). */
  key?: string;
  /** The first line's label (a list item's bullet) is tagged as an element of this type (`Lbl`) before the block's. */
  labelType?: string;
  /** A table row: drawn ruled, each cell tagged as its own element under the block's (`TR`). */
  row?: RowTag;
  /** Named destination the entry links to (table of contents). */
  goTo?: string;
  /** Named destination set at the block's first line. */
  destination?: string;
  /** Key of the page number printed at the right of the block's last line, after dot leaders. */
  pageNumberOf?: string;
  /** Drawn inside a ruled frame (a redline's summary of changes); the block must not break across pages. */
  framed?: boolean;
}

/** A structure element made once per part, by key, when a block first needs it. */
export interface StructContainer {
  key: string;
  type: string;
}

export interface Part {
  blocks: Block<BlockTag>[];
  footnotes: ReadonlyMap<number, Line[]>;
  pages: LaidOutPage[];
}

export function footnoteArea(notes: ReadonlyMap<number, Line[]>): FootnoteArea {
  return { notes, separator: FOOTNOTES.separator, between: FOOTNOTES.between };
}

export function layoutPart(blocks: Block<BlockTag>[], footnotes: ReadonlyMap<number, Line[]> = new Map()): Part {
  return { blocks, footnotes, pages: paginate(blocks, FRAME, footnoteArea(footnotes)) };
}

export interface PartDrawing {
  /** The part's structure element (its blocks' parent). */
  parent: StructElement;
  isDraft: boolean;
  /** Footer texts of the part's page `index` (0-based). */
  footer: (index: number) => { left: string | null; centre: string | null };
  /** A running head printed at the top right of every page (a note's distribution marking). */
  runningHead?: string;
  /** Page numbers by key, for blocks that print one (table of contents). */
  pageNumbers?: ReadonlyMap<string, number>;
}

function drawFootnotes(writer: PdfWriter, part: Part, page: LaidOutPage, drawing: PartDrawing, state: DrawState): void {
  if (page.footnotes.length === 0) return;
  const area = footnoteArea(part.footnotes);
  let y = FRAME.bottom - footnoteHeight(area, page.footnotes) + FOOTNOTES.ruleGap;
  writer.artifact('Layout', () => writer.rule(MARGIN, y, MARGIN + FOOTNOTES.ruleLength, y, { width: 0.5 }));
  y += FOOTNOTES.separator - FOOTNOTES.ruleGap;
  for (const slice of page.footnotes) {
    const lines = part.footnotes.get(slice.number) ?? [];
    let element = state.notes.get(slice.number)?.note;
    if (!element) {
      element = writer.element('Note', drawing.parent);
      state.notes.set(slice.number, { note: element, parent: drawing.parent });
    }
    for (const line of lines.slice(slice.from, slice.to)) {
      writer.line(line, MARGIN, y, { element, type: 'Note' });
      y += line.height;
    }
    writer.closeMark();
    // A note that runs on to the next page stays open for the rest of its lines.
    if (slice.to >= lines.length) {
      element.end();
      state.notes.delete(slice.number);
    }
    y += FOOTNOTES.between;
  }
}

/** The footer of a page of any size: a left text and a centred page number, as artifacts. */
export function drawFooter(
  writer: PdfWriter,
  texts: { left: string | null; centre: string | null },
  page: { width: number; height: number } = A4,
): void {
  if (!texts.left && !texts.centre) return;
  const baseline = page.height - (A4.height - FOOTER_BASELINE);
  writer.artifact('Pagination', () => {
    if (texts.left) writer.text({ text: texts.left, style: footer }, MARGIN, baseline);
    if (texts.centre) {
      const width = writer.fonts.regular.widthOf(texts.centre, footer.size);
      writer.text({ text: texts.centre, style: footer }, (page.width - width) / 2, baseline);
    }
  });
}

/** The running head, right-aligned on the text column in the top margin, as an artifact. */
function drawRunningHead(writer: PdfWriter, text: string): void {
  const width = writer.fonts.regular.widthOf(text, footer.size);
  // A head wider than the column starts at the margin rather than off the page's left edge.
  const x = Math.max(MARGIN, MARGIN + TEXT_WIDTH - width);
  writer.artifact('Pagination', () => writer.text({ text, style: footer }, x, HEADER_BASELINE));
}

/** A table-of-contents page number, right-aligned, after a dot leader from the end of the text. */
function drawPageNumber(
  writer: PdfWriter,
  at: { line: Line; x: number; y: number; page: number; element: StructElement; type: string },
): void {
  const { line } = at;
  const last = line.segments.at(-1)!;
  const style = last.style.rise ? line.segments[0]!.style : last.style;
  const text = String(at.page);
  const right = MARGIN + TEXT_WIDTH;
  const numberX = right - writer.fonts[style.face].widthOf(text, style.size);
  const dot = writer.fonts.regular.widthOf('. ', style.size);
  const start = at.x + last.x + last.width + dot / 2;
  const dots = Math.floor((numberX - dot / 2 - start) / dot);
  if (dots > 0) {
    const leader = { text: '. '.repeat(dots).trimEnd(), style: { ...style, face: 'regular' as const } };
    writer.artifact('Layout', () => writer.text(leader, numberX - dot / 2 - dots * dot, at.y + line.baseline));
  }
  writer.mark(at.element, at.type);
  writer.text({ text, style }, numberX, at.y + line.baseline);
}

/** A ruled frame around a block, 6 points clear of its text, as an artifact. */
function drawFrame(writer: PdfWriter, block: Block<BlockTag>, top: number): void {
  const height = block.lines.reduce((sum, line) => sum + line.height, 0);
  const [x, y, w, h] = [MARGIN + block.indent - 6, top - 6, TEXT_WIDTH - block.indent + 12, height + 12];
  writer.artifact('Layout', () => writer.doc.addContent(`q 0.8 w ${[x, y, w, h].map(num).join(' ')} re S Q`));
}

function drawLines(writer: PdfWriter, part: Part, page: LaidOutPage, drawing: PartDrawing, state: DrawState): void {
  for (const [index, placed] of page.lines.entries()) {
    const block = part.blocks[placed.block]!;
    const line = block.lines[placed.line]!;
    if (block.tag.row) {
      drawRowLine(writer, part, { page, index, parent: drawing.parent, state });
      continue;
    }
    if (placed.line === 0 && block.tag.destination)
      writer.doc.addNamedDestination(block.tag.destination, 'XYZ', 0, placed.y, null);
    if (placed.line === 0 && block.tag.framed) drawFrame(writer, block, placed.y);
    if (line.segments.length === 0) continue;
    const element = elementOf(writer, part, placed.block, drawing.parent, state);
    const label = state.labels.get(placed.block);
    writer.line(line, MARGIN + block.indent, placed.y, {
      element,
      type: block.tag.type,
      ...(label ? { label: { element: label, type: block.tag.labelType! } } : {}),
      onFootnote: (n) => {
        writer.closeMark();
        state.notes.set(n, { note: writer.element('Note', element), parent: element });
      },
    });
    const isLast = placed.line === block.lines.length - 1;
    const number = block.tag.pageNumberOf && drawing.pageNumbers?.get(block.tag.pageNumberOf);
    if (isLast && number)
      drawPageNumber(writer, {
        line,
        x: MARGIN + block.indent,
        y: placed.y,
        page: number,
        element,
        type: block.tag.type,
      });
    if (block.tag.goTo) {
      const rect = { x: MARGIN + block.indent, y: placed.y, width: TEXT_WIDTH - block.indent, height: line.height };
      writer.goTo(rect, block.tag.goTo, element);
    }
    if (isLast && !block.tag.key) state.finished.push(element);
  }
}

/** Draws every page of a laid-out part into the writer, each on a new page. */
export function drawPart(writer: PdfWriter, part: Part, drawing: PartDrawing): void {
  const state = newDrawState();
  part.pages.forEach((page, index) => {
    writer.addPage(A4);
    if (drawing.isDraft) writer.watermark(A4);
    if (drawing.runningHead) drawRunningHead(writer, drawing.runningHead);
    drawLines(writer, part, page, drawing, state);
    writer.closeMark();
    drawFootnotes(writer, part, page, drawing, state);
    const holdingNotes = new Set([...state.notes.values()].map((n) => n.parent));
    for (const element of state.finished.splice(0)) {
      if (holdingNotes.has(element)) state.finished.push(element);
      else element.end();
    }
    drawFooter(writer, drawing.footer(index));
  });
  for (const element of state.finished.splice(0)) element.end();
  for (const container of state.containers.values()) container.end();
}
