import { DEFAULT_MARKING, markingLabel, type Marking } from '../../domain/audience.js';
import { formatDateRange, formatMeetingLine, formatOrdinal, type MeetingLineInput } from '../../domain/meeting-line.js';
import {
  isFootnoteMarker,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type NoteContent,
  type Paragraph,
  SectionKey,
} from '../../domain/note-content.js';
import { procedureKind, procedureLabel } from '../../domain/procedure.js';
import { NoteState } from '../../domain/note-workflow.js';

/**
 * A cover note as its readers see it, as a plain object: what the PDF renderer and the HTML
 * views print, already worded (headings numbered, footnotes numbered from 1 in reading order,
 * the meeting line in caps, the draft label). Renderers make no decisions about content.
 */

export type InlineView = { kind: 'text'; text: string; href?: string } | { kind: 'footnote'; number: number };

export interface SectionView {
  key: SectionKey;
  /** `1. Issue at stake` */
  heading: string;
  paragraphs: InlineView[][];
}

export interface FootnoteView {
  number: number;
  text: string;
  sourceUrl?: string;
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
}

/** The meeting in words (not caps), for document metadata. */
export function meetingInWords(m: MeetingLineInput): string {
  return `${formatOrdinal(m.ordinal)} ${m.networkName} meeting, ${formatDateRange(m.startDate, m.endDate)}, ${m.city}, ${m.country}`;
}

/** Footnote numbers in order of first reference: marker n -> printed number. */
function footnoteOrder(content: NoteContent): Map<number, number> {
  const order = new Map<number, number>();
  for (const key of SECTION_KEYS) {
    for (const run of content.sections[key].flat()) {
      if (isFootnoteMarker(run) && !order.has(run.footnote)) order.set(run.footnote, order.size + 1);
    }
  }
  return order;
}

function paragraphView(paragraph: Paragraph, order: Map<number, number>): InlineView[] {
  return paragraph.map((run) =>
    isFootnoteMarker(run)
      ? { kind: 'footnote', number: order.get(run.footnote)! }
      : { kind: 'text', text: run.text, ...(run.href ? { href: run.href } : {}) },
  );
}

const plainText = (paragraph: InlineView[]) => paragraph.map((r) => (r.kind === 'text' ? r.text : '')).join('');

/**
 * Section 3 opens with the procedure sentence. The note's procedure is the reference (the
 * secretariat sets it at release): when the text does not open with a sentence of the same kind,
 * the note's procedure is printed first; a longer sentence of the same kind written by the
 * rapporteur (`For information and to receive ...`) is kept as written.
 */
function withProcedure(paragraphs: InlineView[][], procedure: string | null): InlineView[][] {
  if (!procedure) return paragraphs;
  const kind = procedureKind(procedure);
  const opening = paragraphs[0] ? procedureKind(plainText(paragraphs[0])) : null;
  if (opening === kind) return paragraphs;
  const sentence: InlineView[] = [{ kind: 'text', text: procedureLabel(procedure) }];
  return opening ? [sentence, ...paragraphs.slice(1)] : [sentence, ...paragraphs];
}

export function buildNoteView(input: NoteViewInput): NoteView {
  const { meeting, item, note, version } = input;
  const order = footnoteOrder(version.content);
  const sections = SECTION_KEYS.map((key, index) => {
    let paragraphs = version.content.sections[key].map((p) => paragraphView(p, order));
    if (key === SectionKey.procedure) paragraphs = withProcedure(paragraphs, note.procedure);
    return { key, heading: `${index + 1}. ${SECTION_HEADINGS[key]}`, paragraphs };
  }).filter((section) => section.paragraphs.length > 0);
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
    versionNumber: version.number,
    state,
    createdAt: version.createdAt,
  };
}
