import type { PacketEntryView } from '../views/packet-view.js';
import type { Part } from './page-drawing.js';

/**
 * The packet's bookmarks: one per agenda item, nested like the agenda, each item's annexes under
 * it, written by pdfkit's own outline. The annex pages pdf-lib fills later (packet-merge.ts) are
 * pdfkit's placeholder page objects, kept as they are, so the bookmarks pdfkit points at them
 * stay valid through the merge.
 */

export interface OutlineNode {
  title: string;
  /** 0-based page index in the packet. */
  page: number;
  children: OutlineNode[];
}

/** What the bookmarks need of an agenda entry. */
type OutlineEntry = Pick<PacketEntryView, 'itemId' | 'number' | 'title' | 'depth' | 'withheld'>;

/** Where a note and its annexes sit in the packet (the packet's note slots have this shape). */
export interface NotePages {
  entry: { itemId: number };
  part: { pages: readonly unknown[] };
  annexes: readonly { title: string; sizes: readonly unknown[] }[];
  /** 0-based index of the note's first page in the packet. */
  firstPage: number;
}

/** The 0-based page, inside the agenda part, where each item is listed. */
export function agendaPages(agenda: Part, offset: number): Map<number, number> {
  const pages = new Map<number, number>();
  agenda.pages.forEach((page, index) => {
    for (const placed of page.lines) {
      const match = /^agenda-item-(\d+)$/.exec(agenda.blocks[placed.block]!.tag.destination ?? '');
      if (match && !pages.has(Number(match[1]))) pages.set(Number(match[1]), offset + index);
    }
  });
  return pages;
}

interface ItemNode {
  itemId: number;
  title: string;
  /** Not distributed to this packet's audience: no bookmark of its own (its sub-items keep theirs). */
  withheld: boolean;
  /** First page of the item's own note. */
  own: number | null;
  annexes: OutlineNode[];
  children: ItemNode[];
}

/** The first page of a note in this subtree, in agenda order. */
const firstNote = (node: ItemNode): number | null =>
  node.own ?? node.children.reduce<number | null>((found, child) => found ?? firstNote(child), null);

/** The agenda's items as a tree, each with its note's first page and its annexes' bookmarks. */
function itemTree(entries: readonly OutlineEntry[], notes: readonly NotePages[]): ItemNode[] {
  const noteOf = new Map(notes.map((slot) => [slot.entry.itemId, slot]));
  const roots: ItemNode[] = [];
  const open: { depth: number; node: ItemNode }[] = [];
  for (const entry of entries) {
    const slot = noteOf.get(entry.itemId);
    let page = slot ? slot.firstPage + slot.part.pages.length : 0;
    const annexes = (slot?.annexes ?? []).map((annex) => {
      const node = { title: `Annex: ${annex.title}`, page, children: [] };
      page += annex.sizes.length;
      return node;
    });
    const node: ItemNode = {
      itemId: entry.itemId,
      title: `${entry.number} ${entry.title}`,
      withheld: entry.withheld,
      own: slot?.firstPage ?? null,
      annexes,
      children: [],
    };
    while (open.length > 0 && open.at(-1)!.depth >= entry.depth) open.pop();
    (open.at(-1)?.node.children ?? roots).push(node);
    open.push({ depth: entry.depth, node });
  }
  return roots;
}

/**
 * The bookmarks: `Contents`, `Agenda`, then `9 Cybersecurity` > `9.1 ...` > `Annex: ...`. An
 * item without a note of its own opens the first note below it, else its line in the agenda.
 */
export function buildOutline(
  view: { entries: readonly OutlineEntry[] },
  pages: { contents: number; agenda: number; listed: Map<number, number>; notes: readonly NotePages[] },
): OutlineNode[] {
  const toOutline = (node: ItemNode): OutlineNode[] => {
    const children = node.children.flatMap(toOutline);
    if (node.withheld) return children;
    return [
      {
        title: node.title,
        page: firstNote(node) ?? pages.listed.get(node.itemId) ?? pages.agenda,
        children: [...node.annexes, ...children],
      },
    ];
  };
  return [
    { title: 'Contents', page: pages.contents, children: [] },
    { title: 'Agenda', page: pages.agenda, children: [] },
    ...itemTree(view.entries, pages.notes).flatMap(toOutline),
  ];
}

/**
 * What pdfkit 0.20's `addItem` reads (its type declarations know only `expanded`): `pageNumber`
 * is the 0-based index of a page already added, `fit` makes the destination the whole page.
 * pdfkit is pinned exactly in package.json for this and the internals pdf-writer.ts reaches.
 */
interface OutlineItemOptions {
  expanded: boolean;
  fit: boolean;
  pageNumber: number;
}

type OutlineItem = { addItem(title: string, options: OutlineItemOptions): OutlineItem };

/**
 * Adds the bookmarks to the document, all open, once every page is added (an item names its page
 * by number). pdfkit writes an open item's Count as its number of children rather than of all its
 * visible descendants; readers (pdf.js, Poppler, MuPDF, Acrobat) read only its sign: open.
 */
export function addOutline(doc: PDFKit.PDFDocument, nodes: readonly OutlineNode[]): void {
  const add = (parent: OutlineItem, list: readonly OutlineNode[]) => {
    for (const node of list) {
      const item = parent.addItem(node.title, { expanded: true, fit: true, pageNumber: node.page });
      add(item, node.children);
    }
  };
  add(doc.outline as unknown as OutlineItem, nodes);
}
