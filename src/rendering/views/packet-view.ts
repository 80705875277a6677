import type { AgendaView } from './agenda-view.js';
import type { NoteView } from './note-view.js';

/**
 * A meeting packet as a plain object: the agenda, then each agenda item in agenda order with the
 * note printed for it (null when none is included) and the PDF annexes that follow that note.
 */

export interface AnnexView {
  title: string;
  /** The annex as a PDF file. */
  bytes: Uint8Array;
}

export interface PacketEntryView {
  itemId: number;
  number: string;
  title: string;
  depth: number;
  note: NoteView | null;
  annexes: AnnexView[];
}

export interface PacketView {
  documentTitle: string;
  subject: string;
  lang: string;
  headerLines: string[];
  meetingLine: string;
  heading: string;
  agenda: AgendaView;
  entries: PacketEntryView[];
  /** Item numbers of the notes printed as drafts (`?includeDrafts=true`). */
  draftItems: string[];
}

export interface PacketViewInput {
  agenda: AgendaView;
  /** The note printed for each item, by item id. */
  notes: ReadonlyMap<number, NoteView>;
  /** The annexes of each item, by item id; printed only after the item's note. */
  annexes: ReadonlyMap<number, AnnexView[]>;
}

export function buildPacketView(input: PacketViewInput): PacketView {
  const { agenda } = input;
  const entries = agenda.items.map((item) => {
    const note = input.notes.get(item.id) ?? null;
    return {
      itemId: item.id,
      number: item.number,
      title: item.title,
      depth: item.depth,
      note,
      annexes: note ? (input.annexes.get(item.id) ?? []) : [],
    };
  });
  return {
    documentTitle: `Meeting packet of the ${agenda.subject}`,
    subject: agenda.subject,
    lang: agenda.lang,
    headerLines: agenda.headerLines,
    meetingLine: agenda.meetingLine,
    heading: 'MEETING PACKET',
    agenda,
    entries,
    draftItems: entries.filter((e) => e.note?.isDraft).map((e) => e.number),
  };
}
