import type { FootnoteView, InlineView, NoteView } from '../views/note-view.js';
import { BlockKind } from '../../domain/note-blocks.js';
import { fonts, type FontSet } from './fonts.js';
import { drawPart, layoutPart, type BlockTag, type Part } from './page-drawing.js';
import type { Block } from './paginate.js';
import {
  BODY_SIZE,
  body,
  bold,
  centred,
  FOOTNOTES,
  footnoteText,
  headerLine,
  justified,
  leftAligned,
  link,
  marker,
  PARAGRAPH_SPACE,
  title,
} from './page-style.js';
import { PdfWriter, type StructElement } from './pdf-writer.js';
import type { Run, TextStyle } from './styled-text.js';
import { typesetParagraph, type Line, type ParagraphFormat } from './typeset.js';

/**
 * The standard cover note (shared/LAYOUT.md): header lines, meeting line, COVER NOTE, item line,
 * numbered sections, footnotes at the foot of their page, `Page N of M`, DRAFT mark, and the
 * item's distribution marking at the top of every page (issue 13: a page printed alone still
 * says who may read it).
 */

const HEADER_LEADING = 13;
/** The item line's title starts here, as after a tab. */
const ITEM_TITLE_INDENT = 36;

export function inlineRuns(paragraph: InlineView[], style: TextStyle): Run[] {
  return paragraph.map((run) =>
    run.kind === 'footnote'
      ? { text: String(run.number), style: marker(style.size), footnote: run.number }
      : { text: run.text, style: run.href ? link(style, run.href) : style },
  );
}

const block = (lines: Line[], tag: BlockTag, spacing: Partial<Block<BlockTag>> = {}): Block<BlockTag> => ({
  lines,
  spaceBefore: 0,
  spaceAfter: 0,
  indent: 0,
  tag,
  ...spacing,
});

/** The header lines of the network, the meeting line and a title (`COVER NOTE`, `AGENDA`...). */
export function headingBlocks(
  f: FontSet,
  view: { headerLines: string[]; meetingLine: string; heading: string },
): Block<BlockTag>[] {
  const headerFormat: ParagraphFormat = { ...leftAligned, leading: HEADER_LEADING };
  const blocks = view.headerLines.map((line) =>
    block(
      typesetParagraph(f, line ? [{ text: line, style: headerLine }] : [], headerFormat),
      { type: 'P' },
      { keepWithNext: true },
    ),
  );
  blocks.push(
    block(
      typesetParagraph(f, [{ text: view.meetingLine, style: body }], centred),
      { type: 'P' },
      { spaceBefore: 36, keepWithNext: true },
    ),
    block(
      typesetParagraph(f, [{ text: view.heading, style: title }], { ...centred, leading: 18 }),
      { type: 'P' },
      {
        spaceBefore: 22,
        keepWithNext: true,
      },
    ),
  );
  return blocks;
}

function footnoteLines(f: FontSet, note: FootnoteView): Line[] {
  const runs: Run[] = [];
  if (note.sourceUrl) {
    runs.push(
      { text: `${note.text.replace(/\.\s*$/, '')} [source: `, style: footnoteText },
      { text: note.sourceUrl, style: link(footnoteText, note.sourceUrl) },
      { text: '].', style: footnoteText },
    );
  } else runs.push({ text: note.text, style: footnoteText });
  const label: Run = { text: String(note.number), style: marker(footnoteText.size) };
  return typesetParagraph(f, runs, { ...FOOTNOTES.format, label });
}

/** The blocks of a note, from its item line on; `destination` names the item line (packets link to it). */
export function noteBodyBlocks(f: FontSet, view: NoteView, destination?: string): Block<BlockTag>[] {
  const labelWidth = f.bold.widthOf(`${view.itemNumber}  `, BODY_SIZE);
  const itemFormat: ParagraphFormat = { ...leftAligned, indent: Math.max(ITEM_TITLE_INDENT, labelWidth) };
  const blocks = [
    block(
      typesetParagraph(f, [{ text: view.itemTitle, style: bold }], {
        ...itemFormat,
        label: { text: view.itemNumber, style: bold },
      }),
      { type: 'H1', ...(destination ? { destination } : {}) },
      { spaceBefore: 22, spaceAfter: 6, keepWithNext: true },
    ),
  ];
  for (const section of view.sections) {
    blocks.push(
      block(
        typesetParagraph(f, [{ text: section.heading, style: bold }], leftAligned),
        { type: 'H2' },
        {
          spaceBefore: 12,
          spaceAfter: 4,
          keepWithNext: true,
        },
      ),
    );
    for (const content of section.blocks) {
      // Interim: lists and tables as paragraphs of their lines until they get their own layout.
      const paragraphs =
        content.kind === BlockKind.paragraph
          ? [content.runs]
          : content.kind === BlockKind.list
            ? content.items.map((item): InlineView[] => [{ kind: 'text', text: `${item.marker} ` }, ...item.runs])
            : [content.header, ...content.rows].filter((row) => row.length > 0).map((row) => row.flat());
      for (const paragraph of paragraphs) {
        blocks.push(
          block(
            typesetParagraph(f, inlineRuns(paragraph, body), justified),
            { type: 'P' },
            { spaceAfter: PARAGRAPH_SPACE },
          ),
        );
      }
    }
  }
  return blocks;
}

/** Typesets and paginates a note. */
export function layoutCoverNote(view: NoteView, f: FontSet = fonts(), destination?: string): Part {
  const footnotes = new Map(view.footnotes.map((note) => [note.number, footnoteLines(f, note)]));
  return layoutPart([...headingBlocks(f, view), ...noteBodyBlocks(f, view, destination)], footnotes);
}

export interface PageNumbering {
  /** Number printed on the part's first page. */
  first: number;
  total: number;
  /** Print `Page N of M` even on a one-page document (packets). */
  always?: boolean;
}

export function pageLabel(numbering: PageNumbering, index: number): string | null {
  if (numbering.total <= 1 && !numbering.always) return null;
  return `Page ${numbering.first + index} of ${numbering.total}`;
}

/** Draws a laid-out note as a `Sect` of the document. */
export function drawCoverNote(
  writer: PdfWriter,
  view: NoteView,
  part: Part,
  options: { numbering: PageNumbering; parent?: StructElement },
): void {
  const parent = options.parent ?? writer.root;
  drawPart(writer, part, {
    parent,
    isDraft: view.isDraft,
    runningHead: view.marking,
    footer: (index) => ({ left: view.draftLabel, centre: pageLabel(options.numbering, index) }),
  });
}

/**
 * The PDF of one cover note. Pure: the same view and `now` (the creation date written into the
 * file, normally when the version was written) give the same bytes.
 */
export async function renderCoverNotePdf(view: NoteView, options: { now: Date }): Promise<Buffer> {
  const writer = new PdfWriter({
    title: view.documentTitle,
    subject: view.subject,
    lang: view.lang,
    createdAt: options.now,
  });
  const part = layoutCoverNote(view, writer.fonts);
  drawCoverNote(writer, view, part, { numbering: { first: 1, total: part.pages.length } });
  return writer.finish();
}
