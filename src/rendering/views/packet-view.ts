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
  /** The note's distribution marking in words, printed in the contents; null when not given. */
  marking: string | null;
  /**
   * A note this packet's audience may not read: its agenda line stays, the contents say "not
   * distributed to this list", and it has no page and no bookmark.
   */
  withheld: boolean;
  /** Titles of the item's annexes left out for this audience (listed, not included). */
  withheldAnnexes: string[];
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
  /** Marking in words of each included note, by item id (frozen packets). */
  markings?: ReadonlyMap<number, string>;
  /** Items whose note the audience may not read, and annex titles left out, by item id. */
  withheld?: ReadonlySet<number>;
  withheldAnnexes?: ReadonlyMap<number, string[]>;
}

export function buildPacketView(input: PacketViewInput): PacketView {
  const { agenda } = input;
  const entries = agenda.items.map((item) => {
    const withheld = input.withheld?.has(item.id) ?? false;
    const note = withheld ? null : (input.notes.get(item.id) ?? null);
    return {
      itemId: item.id,
      number: item.number,
      title: item.title,
      depth: item.depth,
      note,
      annexes: note ? (input.annexes.get(item.id) ?? []) : [],
      marking: note ? (input.markings?.get(item.id) ?? null) : null,
      withheld,
      withheldAnnexes: note ? (input.withheldAnnexes?.get(item.id) ?? []) : [],
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
