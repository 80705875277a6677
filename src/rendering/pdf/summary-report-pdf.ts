import { BlockKind } from '../../domain/note-blocks.js';
import type { BlockView, InlineView } from '../views/note-view.js';
import type {
  ActionPointView,
  AttendanceAnnexView,
  SummaryReportItemView,
  SummaryReportView,
} from '../views/summary-report-view.js';
import { footnoteLines, letterheadBlocks, pageLabel } from './cover-note-pdf.js';
import type { FontSet } from './fonts.js';
import { inlineRuns } from './inline-runs.js';
import { listBlocks } from './list-layout.js';
import { drawPart, layoutPart, type BlockTag, type Part } from './page-drawing.js';
import type { Block } from './paginate.js';
import { body, bold, centred, footer, italic, justified, leftAligned, PARAGRAPH_SPACE, title } from './page-style.js';
import { PdfWriter } from './pdf-writer.js';
import type { Run, TextStyle } from './styled-text.js';
import { tableBlocks, type TableView } from './table-layout.js';
import { typesetParagraph, type ParagraphFormat } from './typeset.js';

/**
 * The summary report (issue 18): the network's letterhead, the registry reference, the title
 * block, the co-chairs, the opening, one heading per agenda item (`9.1. Title – for information`)
 * with its conclusions and action points, the closing table of action points, and the attendance
 * annex on a page of its own. Conclusions are the cover notes' blocks, typeset and tagged by the
 * same code (paragraphs, lists, tables, footnotes at the foot of their page, live links).
 *
 * Tagging: the title is the H1, the report's parts (opening, items of level 1, action points,
 * annex) are H2, sub-items and the annex's groups H3.
 */

const TITLE_SPACE = 36;
const HEADING_SPACE = 12;

interface Para {
  runs: Run[];
  format?: ParagraphFormat;
  type?: string;
  spaceBefore?: number;
  spaceAfter?: number;
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
}

function para(f: FontSet, p: Para): Block<BlockTag> {
  return {
    lines: typesetParagraph(f, p.runs, p.format ?? justified),
    spaceBefore: p.spaceBefore ?? 0,
    spaceAfter: p.spaceAfter ?? PARAGRAPH_SPACE,
    indent: 0,
    tag: { type: p.type ?? 'P' },
    ...(p.keepWithNext ? { keepWithNext: true } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
  };
}

/** A heading kept with what follows it. */
const heading = (f: FontSet, text: string, type: string, extra: Partial<Para> = {}) =>
  para(f, {
    runs: [{ text, style: bold }],
    format: leftAligned,
    type,
    spaceBefore: HEADING_SPACE,
    spaceAfter: PARAGRAPH_SPACE,
    keepWithNext: true,
    ...extra,
  });

/** Conclusions: paragraphs, lists and tables as a cover note sets them; `key` makes containers unique. */
function contentBlocks(f: FontSet, blocks: BlockView[], key: string): Block<BlockTag>[] {
  return blocks.flatMap((content, b) => {
    if (content.kind === BlockKind.list) return listBlocks(f, content, `${key}.${b}`);
    if (content.kind === BlockKind.table) return tableBlocks(f, content, `${key}.${b}`);
    return [para(f, { runs: inlineRuns(content.runs, body) })];
  });
}

const text = (value: string): InlineView[] => (value ? [{ kind: 'text', text: value }] : []);

function titleBlocks(f: FontSet, view: SummaryReportView): Block<BlockTag>[] {
  // The registry stamps its reference at the top right of the first page, above the letterhead.
  const reference = view.registryReference
    ? [para(f, { runs: [{ text: view.registryReference, style: footer }], format: { ...leftAligned, align: 'right' } })]
    : [];
  const blocks = [...reference, ...letterheadBlocks(f, view.headerLines)];
  view.titleLines.forEach((line, i) => {
    // The second line (`Summary report`) names the document; the others place it.
    const style: TextStyle = i === 1 ? title : i === 0 ? bold : body;
    blocks.push(
      para(f, {
        runs: [{ text: line, style }],
        format: { ...centred, leading: i === 1 ? 18 : centred.leading },
        type: i === 1 ? 'H1' : 'P',
        spaceBefore: i === 0 ? TITLE_SPACE : 0,
        spaceAfter: i === view.titleLines.length - 1 ? 12 : 2,
        keepWithNext: true,
      }),
    );
  });
  if (view.coChairs.length > 0) {
    blocks.push(para(f, { runs: [{ text: `${view.coChairsHeading}:`, style: bold }], keepWithNext: true }));
    view.coChairs.forEach((chair, i) =>
      blocks.push(
        para(f, {
          runs: [{ text: `${chair.name}, ${chair.function}`, style: body }],
          format: leftAligned,
          spaceAfter: i === view.coChairs.length - 1 ? PARAGRAPH_SPACE : 0,
        }),
      ),
    );
  }
  return blocks;
}

/** An action point as the item prints it: what, then owner and due date. */
function actionPointLine(point: ActionPointView): string {
  const due = point.dueDate ? `, by ${point.dueDate}` : '';
  return `${point.what} (${point.owner}${due})`;
}

function itemBlocks(f: FontSet, view: SummaryReportView, item: SummaryReportItemView, i: number): Block<BlockTag>[] {
  const blocks = [heading(f, item.heading, item.depth > 1 ? 'H3' : 'H2')];
  if (item.outcome) blocks.push(para(f, { runs: [{ text: item.outcome, style: italic }], keepWithNext: true }));
  blocks.push(...contentBlocks(f, item.conclusions, `item.${i}`));
  if (item.actionPoints.length === 0) return blocks;
  blocks.push(para(f, { runs: [{ text: view.itemActionPointsLabel, style: bold }], keepWithNext: true }));
  const list = {
    kind: BlockKind.list,
    ordered: false,
    items: item.actionPoints.map((point) => ({ marker: '•', runs: text(actionPointLine(point)) })),
  } as const;
  blocks.push(...listBlocks(f, list, `item.${i}.actions`));
  return blocks;
}

function actionTableBlocks(f: FontSet, view: SummaryReportView): Block<BlockTag>[] {
  const { heading: words, columns, rows } = view.actionPoints;
  if (rows.length === 0) return [];
  const table: TableView = {
    kind: BlockKind.table,
    columns: columns.length,
    header: columns.map(text),
    rows: rows.map((p) => [p.itemNumber, p.what, p.owner, p.dueDate ?? '', p.state].map(text)),
  };
  return [heading(f, words, 'H2'), ...tableBlocks(f, table, 'actions')];
}

function annexBlocks(f: FontSet, annex: AttendanceAnnexView): Block<BlockTag>[] {
  const blocks = [heading(f, annex.heading, 'H2', { pageBreakBefore: true, spaceBefore: 0 })];
  annex.groups.forEach((group, g) => {
    blocks.push(heading(f, group.heading, 'H3'));
    const table: TableView = {
      kind: BlockKind.table,
      columns: 3,
      header: (annex.columns ?? []).map(text),
      rows: group.rows.map((row) => [row.delegation, row.people.join(', '), row.state].map(text)),
    };
    blocks.push(...tableBlocks(f, table, `attendance.${g}`));
  });
  return blocks;
}

/** Typesets and paginates the report. */
export function layoutSummaryReport(view: SummaryReportView, f: FontSet): Part {
  const blocks = [
    ...titleBlocks(f, view),
    heading(f, view.opening.heading, 'H2'),
    ...contentBlocks(f, view.opening.blocks, 'opening'),
    ...view.items.flatMap((item, i) => itemBlocks(f, view, item, i)),
    ...actionTableBlocks(f, view),
    ...(view.attendance.groups.length > 0 ? annexBlocks(f, view.attendance) : []),
  ];
  const footnotes = new Map(view.footnotes.map((note) => [note.number, footnoteLines(f, note)]));
  return layoutPart(blocks, footnotes);
}

/**
 * The summary report's PDF. Pure: the same view and `now` (the creation date written into the
 * file, normally when the report's text was written) give the same bytes.
 */
export async function renderSummaryReportPdf(view: SummaryReportView, options: { now: Date }): Promise<Buffer> {
  const writer = new PdfWriter({
    title: view.documentTitle,
    subject: view.subject,
    lang: view.lang,
    createdAt: options.now,
  });
  const part = layoutSummaryReport(view, writer.fonts);
  const numbering = { first: 1, total: part.pages.length };
  drawPart(writer, part, {
    parent: writer.root,
    isDraft: view.isDraft,
    ...(view.marking ? { runningHead: view.marking } : {}),
    footer: (index) => ({ left: view.draftLabel, centre: pageLabel(numbering, index) }),
  });
  return writer.finish();
}
