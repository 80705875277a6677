import {
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { BlockKind } from '../../domain/note-blocks.js';
import type { BlockView, InlineView, ListItemView } from '../views/note-view.js';
import { ListNumbering } from './docx-styles.js';
import { isAllowedUrl } from '../../domain/link-url.js';

/**
 * A note's blocks as Word writes them: list paragraphs that use a numbering definition (so Word,
 * mammoth and our parser see a list, not paragraphs with a typed bullet), tables with a repeated
 * header row, links as hyperlinks and footnote references to real footnotes.
 */

/** The text width of an A4 page with the note's margins, in twentieths of a point. */
export const TEXT_WIDTH = 11906 - 2 * 1417;

export function inlineRuns(runs: InlineView[], options: { bold?: boolean } = {}): ParagraphChild[] {
  return runs.map((run) => {
    if (run.kind === 'footnote') return new FootnoteReferenceRun(run.number);
    // Checked again on the way out, as the pages and the PDF do: a version stored before the
    // input check must not become a live javascript: or file: link in Word.
    const href = run.href && isAllowedUrl(run.href) ? run.href : undefined;
    const text = new TextRun({ text: run.text, bold: options.bold, ...(href ? { style: 'Hyperlink' } : {}) });
    return href ? new ExternalHyperlink({ link: href, children: [text] }) : text;
  });
}

/**
 * Each list gets its own instance of the numbering definition: a numbered list starts again at 1,
 * as Word does for a list typed after a paragraph.
 */
export interface ListInstances {
  next(): number;
}

function listItemParagraphs(item: ListItemView, ordered: boolean, instances: ListInstances, own: number) {
  const paragraphs = [
    new Paragraph({
      children: inlineRuns(item.runs),
      numbering: { reference: ordered ? ListNumbering.number : ListNumbering.bullet, level: 0, instance: own },
    }),
  ];
  if (!item.sublist) return paragraphs;
  const sub = item.sublist;
  const subInstance = instances.next();
  for (const subItem of sub.items) {
    paragraphs.push(
      new Paragraph({
        children: inlineRuns(subItem.runs),
        numbering: {
          reference: sub.ordered ? ListNumbering.number : ListNumbering.bullet,
          level: 1,
          instance: subInstance,
        },
      }),
    );
  }
  return paragraphs;
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function tableOf(block: Extract<BlockView, { kind: typeof BlockKind.table }>): Table {
  const width = Math.floor(TEXT_WIDTH / block.columns);
  const row = (cells: InlineView[][], isHeader: boolean) =>
    new TableRow({
      // Word repeats a header row on every page the table runs onto; no row is split across pages.
      ...(isHeader ? { tableHeader: true } : {}),
      cantSplit: true,
      children: Array.from(
        { length: block.columns },
        (_, i) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            children: [
              new Paragraph({ children: inlineRuns(cells[i] ?? [], { bold: isHeader }), spacing: { after: 0 } }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: block.columns }, () => width),
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: [...(block.header.length > 0 ? [row(block.header, true)] : []), ...block.rows.map((r) => row(r, false))],
  });
}

/** One block as Word paragraphs or a table; a table is followed by an empty paragraph, as Word keeps one. */
export function blockElements(block: BlockView, instances: ListInstances): (Paragraph | Table)[] {
  if (block.kind === BlockKind.paragraph) return [new Paragraph({ children: inlineRuns(block.runs) })];
  if (block.kind === BlockKind.list) {
    const own = instances.next();
    return block.items.flatMap((item) => listItemParagraphs(item, block.ordered, instances, own));
  }
  return [tableOf(block), new Paragraph({ children: [] })];
}
