import { DEFAULT_MARKING, markingLabel, type Marking } from '../../domain/audience.js';
import { formatDateRange, formatMeetingLine, formatOrdinal, type MeetingLineInput } from '../../domain/meeting-line.js';
import {
  BlockKind,
  isParagraph,
  listMarker,
  ListStyle,
  runListsOf,
  type Block,
  type Inline,
} from '../../domain/note-blocks.js';
import {
  isFootnoteMarker,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type NoteContent,
  SectionKey,
} from '../../domain/note-content.js';
import { procedureKind, procedureLabel } from '../../domain/procedure.js';
import { NoteState } from '../../domain/note-workflow.js';
import type { DiffOp } from '../../domain/version-diff.js';

/**
 * A cover note as its readers see it, as a plain object: what the PDF renderer and the HTML
 * views print, already worded (headings numbered, footnotes numbered from 1 in reading order,
 * the meeting line in caps, the draft label). Renderers make no decisions about content.
 */

/** In a redline (two versions compared), a run inserted or deleted; absent on a run kept. */
export type ChangeMark = Exclude<DiffOp, typeof DiffOp.equal>;

export type InlineView =
  | { kind: 'text'; text: string; href?: string; change?: ChangeMark }
  | { kind: 'footnote'; number: number; change?: ChangeMark };

/** A list item with its marker already worded: `•`, `1.`, and in a nested list `–`, `a)`. */
export interface ListItemView {
  marker: string;
  runs: InlineView[];
  sublist?: { ordered: boolean; items: { marker: string; runs: InlineView[] }[] };
}

export type BlockView =
  | { kind: typeof BlockKind.paragraph; runs: InlineView[] }
  | { kind: typeof BlockKind.list; ordered: boolean; items: ListItemView[] }
  | { kind: typeof BlockKind.table; columns: number; header: InlineView[][]; rows: InlineView[][][] };

export interface SectionView {
  key: SectionKey;
  /** `1. Issue at stake` */
  heading: string;
  blocks: BlockView[];
}

export interface FootnoteView {
  number: number;
  text: string;
  sourceUrl?: string;
  /** In a redline: the footnote's text as runs, with what changed marked (printed instead of text and source). */
  runs?: InlineView[];
}

export interface NoteView {
  /** Document title (metadata, window bar): `Cover note 9.1 Update from ...` */
  documentTitle: string;
  /** The meeting in words, for metadata: `18th eHealth Network meeting, 12-13 November 2020, Brussels` */
  subject: string;
  lang: string;
  /** The network's header lines; an empty string is a gap line. */
  headerLines: string[];
  /** `18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM` */
  meetingLine: string;
  heading: string;
  itemNumber: string;
  itemTitle: string;
  /** `9.1  Update from ...` (two spaces, no trailing dot) */
  itemLine: string;
  sections: SectionView[];
  footnotes: FootnoteView[];
  /** The item's distribution marking in words, printed on every page: `Distribution: ...` */
  marking: string;
  isDraft: boolean;
  /** `Draft — version 2, review`, or null when the note is released. */
  draftLabel: string | null;
  /** `Revision 2 — 12 November 2020` on a published version released again after a correction; else null. */
  revisionLabel: string | null;
  versionNumber: number;
  state: string;
  /** When the version was written (ISO): the PDF's creation date. */
  createdAt: string;
}

export interface NoteViewInput {
  meeting: MeetingLineInput;
  headerLines: readonly string[];
  item: { number: string; title: string };
  note: { state: string; procedure: string | null; currentVersionId: number | null };
  version: { id: number; number: number; content: NoteContent; createdAt: string };
  /** The item's distribution marking; `network` when not given. */
  marking?: Marking;
  /** The publication this version is printed as (its number and release time), if any. */
  publication?: { number: number; releasedAt: string };
}

/** The footer of a corrected release: `Revision 2 — 12 November 2020`; nothing for the first one. */
export function revisionLabel(publication: { number: number; releasedAt: string } | undefined): string | null {
  if (!publication || publication.number < 2) return null;
  return `Revision ${publication.number} — ${printedDate(publication.releasedAt)}`;
}

/** A time stamp's day as the layout writes dates: `12 November 2020`. */
export const printedDate = (iso: string) => formatDateRange(iso.slice(0, 10), iso.slice(0, 10));

/** The meeting in words (not caps), for document metadata. */
export function meetingInWords(m: MeetingLineInput): string {
  return `${formatOrdinal(m.ordinal)} ${m.networkName} meeting, ${formatDateRange(m.startDate, m.endDate)}, ${m.city}, ${m.country}`;
}

/** Footnote numbers in order of first reference: marker n -> printed number. */
function footnoteOrder(content: NoteContent): Map<number, number> {
  const order = new Map<number, number>();
  for (const key of SECTION_KEYS) {
    for (const run of content.sections[key].flatMap(runListsOf).flat()) {
      if (isFootnoteMarker(run) && !order.has(run.footnote)) order.set(run.footnote, order.size + 1);
    }
  }
  return order;
}

function runsView(runs: Inline[], order: Map<number, number>): InlineView[] {
  return runs.map((run) =>
    isFootnoteMarker(run)
      ? { kind: 'footnote', number: order.get(run.footnote)! }
      : { kind: 'text', text: run.text, ...(run.href ? { href: run.href } : {}) },
  );
}

/** A stored block as printed, its footnote markers renumbered by `order` (marker n -> printed number). */
export function blockView(block: Block, order: Map<number, number>): BlockView {
  if (isParagraph(block)) return { kind: BlockKind.paragraph, runs: runsView(block, order) };
  if (block.block === BlockKind.list) {
    return {
      kind: BlockKind.list,
      ordered: block.style === ListStyle.number,
      items: block.items.map((item, i) => ({
        marker: listMarker(block.style, i, false),
        runs: runsView(item.runs, order),
        ...(item.sublist
          ? {
              sublist: {
                ordered: item.sublist.style === ListStyle.number,
                items: item.sublist.items.map((sub, j) => ({
                  marker: listMarker(item.sublist!.style, j, true),
                  runs: runsView(sub.runs, order),
                })),
              },
            }
          : {}),
      })),
    };
  }
  const cells = (row: Inline[][]) => row.map((cell) => runsView(cell, order));
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  return { kind: BlockKind.table, columns, header: cells(block.header), rows: block.rows.map(cells) };
}

const plainText = (paragraph: InlineView[]) => paragraph.map((r) => (r.kind === 'text' ? r.text : '')).join('');

/**
 * Section 3 opens with the procedure sentence. The note's procedure is the reference (the
 * secretariat sets it at release): when the text does not open with a sentence of the same kind,
 * the note's procedure is printed first; a longer sentence of the same kind written by the
 * rapporteur (`For information and to receive ...`) is kept as written.
 */
function withProcedure(blocks: BlockView[], procedure: string | null): BlockView[] {
  if (!procedure) return blocks;
  const kind = procedureKind(procedure);
  const first = blocks[0];
  const opening = first?.kind === BlockKind.paragraph ? procedureKind(plainText(first.runs)) : null;
  if (opening === kind) return blocks;
  const sentence: BlockView = { kind: BlockKind.paragraph, runs: [{ kind: 'text', text: procedureLabel(procedure) }] };
  return opening ? [sentence, ...blocks.slice(1)] : [sentence, ...blocks];
}

export function buildNoteView(input: NoteViewInput): NoteView {
  const { meeting, item, note, version } = input;
  const order = footnoteOrder(version.content);
  const sections = SECTION_KEYS.map((key, index) => {
    let blocks = version.content.sections[key].map((block) => blockView(block, order));
    if (key === SectionKey.procedure) blocks = withProcedure(blocks, note.procedure);
    return { key, heading: `${index + 1}. ${SECTION_HEADINGS[key]}`, blocks };
  }).filter((section) => section.blocks.length > 0);
  const footnotes = version.content.footnotes
    .map((f, i) => ({
      number: order.get(i + 1) ?? i + 1,
      text: f.text,
      ...(f.sourceUrl ? { sourceUrl: f.sourceUrl } : {}),
    }))
    .sort((a, b) => a.number - b.number);
  const isCurrent = note.currentVersionId === version.id;
  const isDraft = !(isCurrent && note.state === NoteState.released);
  const state = isCurrent ? note.state : 'superseded';
  return {
    documentTitle: `Cover note ${item.number} ${item.title}`,
    subject: meetingInWords(meeting),
    lang: 'en',
    headerLines: [...input.headerLines],
    meetingLine: formatMeetingLine(meeting),
    heading: 'COVER NOTE',
    itemNumber: item.number,
    itemTitle: item.title,
    itemLine: `${item.number}  ${item.title}`,
    sections,
    footnotes,
    marking: markingLabel(input.marking ?? DEFAULT_MARKING),
    isDraft,
    draftLabel: isDraft ? `Draft — version ${version.number}, ${state}` : null,
    revisionLabel: isDraft ? null : revisionLabel(input.publication),
    versionNumber: version.number,
    state,
    createdAt: version.createdAt,
  };
}
