import type { AgendaView } from '../views/agenda-view.js';
import { headingBlocks, pageLabel, type PageNumbering } from './cover-note-pdf.js';
import { fonts, type FontSet } from './fonts.js';
import { drawPart, layoutPart, type BlockTag, type Part } from './page-drawing.js';
import type { Block } from './paginate.js';
import { body, bold, italic, leftAligned, TEXT_WIDTH } from './page-style.js';
import { PdfWriter, type StructElement } from './pdf-writer.js';
import { typesetParagraph, type ParagraphFormat } from './typeset.js';

/** The agenda: numbered items (sub-items indented), each with its rapporteurs and procedure. */

const DEPTH_INDENT = 28;
const NUMBER_COLUMN = 34;
const detail = { ...italic, size: 10.5 };

function itemBlocks(f: FontSet, view: AgendaView): Block<BlockTag>[] {
  const blocks: Block<BlockTag>[] = [];
  for (const item of view.items) {
    const indent = (item.depth - 1) * DEPTH_INDENT;
    const style = item.depth === 1 ? bold : body;
    const width = TEXT_WIDTH - indent;
    const format: ParagraphFormat = {
      ...leftAligned,
      width,
      indent: NUMBER_COLUMN,
      label: { text: item.number, style },
    };
    const details = [
      item.rapporteurs.length > 0
        ? `${item.rapporteurs.length > 1 ? 'Rapporteurs' : 'Rapporteur'}: ${item.rapporteurs.join(', ')}`
        : null,
      item.procedure,
    ].filter((text): text is string => text !== null);
    blocks.push({
      lines: typesetParagraph(f, [{ text: item.title, style }], format),
      spaceBefore: item.depth === 1 ? 12 : 6,
      spaceAfter: 0,
      indent,
      keepWithNext: details.length > 0,
      // Items are headings under the agenda's title (H1): a reader lists and jumps between them.
      tag: { type: `H${Math.min(item.depth + 1, 6)}`, destination: `agenda-item-${item.id}` },
    });
    details.forEach((text, i) => {
      blocks.push({
        lines: typesetParagraph(f, [{ text, style: detail }], {
          ...leftAligned,
          width: width - NUMBER_COLUMN,
          leading: 12.5,
        }),
        spaceBefore: 0,
        spaceAfter: 0,
        indent: indent + NUMBER_COLUMN,
        keepWithNext: i < details.length - 1,
        tag: { type: 'P' },
      });
    });
  }
  return blocks;
}

/** Typesets and paginates the agenda; `destination` names the agenda's first line (packets link to it). */
export function layoutAgenda(view: AgendaView, f: FontSet = fonts(), destination?: string): Part {
  const heading = headingBlocks(f, view);
  const title = heading[heading.length - 1]!;
  title.tag = { ...title.tag, type: 'H1', ...(destination ? { destination } : {}) };
  return layoutPart([...heading, ...itemBlocks(f, view)]);
}

export function drawAgenda(
  writer: PdfWriter,
  part: Part,
  options: { numbering: PageNumbering; parent?: StructElement },
): void {
  drawPart(writer, part, {
    parent: options.parent ?? writer.root,
    isDraft: false,
    footer: (index) => ({ left: null, centre: pageLabel(options.numbering, index) }),
  });
}

/** The agenda PDF. Pure: the same view and `now` (its creation date) give the same bytes. */
export async function renderAgendaPdf(view: AgendaView, options: { now: Date }): Promise<Buffer> {
  const writer = new PdfWriter({
    title: view.documentTitle,
    subject: view.subject,
    lang: view.lang,
    createdAt: options.now,
  });
  const part = layoutAgenda(view, writer.fonts);
  drawAgenda(writer, part, { numbering: { first: 1, total: part.pages.length } });
  return writer.finish();
}
