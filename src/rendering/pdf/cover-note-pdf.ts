import type { FootnoteView, NoteView } from '../views/note-view.js';
import { BlockKind } from '../../domain/note-blocks.js';
import { fonts, type FontSet } from './fonts.js';
import { inlineRuns } from './inline-runs.js';
import { listBlocks } from './list-layout.js';
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
import type { Run } from './styled-text.js';
import { tableBlocks } from './table-layout.js';
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

const block = (lines: Line[], tag: BlockTag, spacing: Partial<Block<BlockTag>> = {}): Block<BlockTag> => ({
  lines,
  spaceBefore: 0,
  spaceAfter: 0,
  indent: 0,
  tag,
  ...spacing,
});

/** The network's letterhead, one line each (an empty line is a gap), as every document of the network prints it. */
export function letterheadBlocks(f: FontSet, headerLines: readonly string[]): Block<BlockTag>[] {
  const headerFormat: ParagraphFormat = { ...leftAligned, leading: HEADER_LEADING };
  return headerLines.map((line) =>
    block(
      typesetParagraph(f, line ? [{ text: line, style: headerLine }] : [], headerFormat),
      { type: 'P' },
      { keepWithNext: true },
    ),
  );
}

/** The header lines of the network, the meeting line and a title (`COVER NOTE`, `AGENDA`...). */
export function headingBlocks(
  f: FontSet,
  view: { headerLines: string[]; meetingLine: string; heading: string },
): Block<BlockTag>[] {
  const blocks = letterheadBlocks(f, view.headerLines);
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

/** A footnote's lines at the foot of the page: its number hung, its source a live link. */
export function footnoteLines(f: FontSet, note: FootnoteView): Line[] {
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
  view.sections.forEach((section, s) => {
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
    section.blocks.forEach((content, b) => {
      // Keys name a list's or a table's containers in the structure tree, unique within the note.
      const key = `${s}.${b}`;
      if (content.kind === BlockKind.list) blocks.push(...listBlocks(f, content, key));
      else if (content.kind === BlockKind.table) blocks.push(...tableBlocks(f, content, key));
      else {
        const lines = typesetParagraph(f, inlineRuns(content.runs, body), justified);
        blocks.push(block(lines, { type: 'P' }, { spaceAfter: PARAGRAPH_SPACE }));
      }
    });
  });
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
    footer: (index) => ({
      left: view.draftLabel ?? view.revisionLabel ?? null,
      centre: pageLabel(options.numbering, index),
    }),
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
