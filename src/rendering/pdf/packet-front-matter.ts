import { formatDateRange } from '../../domain/meeting-line.js';
import type { PacketEntryView, PacketView } from '../views/packet-view.js';
import { headingBlocks } from './cover-note-pdf.js';
import type { FontSet } from './fonts.js';
import { layoutPart, type BlockTag, type Part } from './page-drawing.js';
import type { Block } from './paginate.js';
import { body, bold, centred, leftAligned, TEXT_WIDTH, title } from './page-style.js';
import { typesetParagraph, type ParagraphFormat } from './typeset.js';
import { plural } from '../../domain/plural.js';

/** The cover page and the table of contents of a packet. */

/** Named destinations (and page-number keys) of the parts of a packet. */
export const destinations = {
  agenda: 'agenda',
  item: (itemId: number) => `item-${itemId}`,
  annex: (itemId: number, index: number) => `annex-${itemId}-${index + 1}`,
};

export function layoutCover(f: FontSet, view: PacketView, now: Date): Part {
  const notes = view.entries.filter((e) => e.note).length;
  const annexes = view.entries.reduce((sum, e) => sum + e.annexes.length, 0);
  const day = now.toISOString().slice(0, 10);
  const contents =
    annexes > 0
      ? `The agenda, ${plural(notes, 'cover note', 'cover notes')} and ${plural(annexes, 'annex', 'annexes')}`
      : `The agenda and ${plural(notes, 'cover note', 'cover notes')}`;
  const lines = [contents, `Prepared on ${formatDateRange(day, day)}`];
  const blocks: Block<BlockTag>[] = [
    ...headingBlocks(f, view),
    ...lines.map((text, i) => ({
      lines: typesetParagraph(f, [{ text, style: body }], centred),
      spaceBefore: i === 0 ? 40 : 8,
      spaceAfter: 0,
      indent: 0,
      tag: { type: 'P' },
    })),
  ];
  if (view.draftItems.length > 0) {
    const text = `Not released, printed as drafts and marked DRAFT: ${view.draftItems.join(', ')}`;
    blocks.push({
      lines: typesetParagraph(f, [{ text, style: bold }], centred),
      spaceBefore: 28,
      spaceAfter: 0,
      indent: 0,
      tag: { type: 'P' },
    });
  }
  return layoutPart(blocks);
}

/** Width kept free at the right of each entry for its page number. */
const NUMBER_SPACE = 40;
const DEPTH_INDENT = 20;
const NUMBER_COLUMN = 34;

/** The contents' words for a note or annex this packet's audience does not receive. */
export const NOT_DISTRIBUTED = 'not distributed to this list';

/** Items shown in the contents: those with a note (included or withheld), and the headings above them. */
function listedItems(entries: PacketEntryView[]): Set<number> {
  const listed = new Set<number>();
  entries.forEach((entry, i) => {
    if (!entry.note && !entry.withheld) return;
    listed.add(entry.itemId);
    let depth = entry.depth;
    for (let j = i - 1; j >= 0 && depth > 1; j--) {
      if (entries[j]!.depth < depth) {
        listed.add(entries[j]!.itemId);
        depth = entries[j]!.depth;
      }
    }
  });
  return listed;
}

function entryBlock(
  f: FontSet,
  entry: { text: string; label?: string; depth: number; key?: string; isBold: boolean },
): Block<BlockTag> {
  const indent = (entry.depth - 1) * DEPTH_INDENT;
  const style = entry.isBold ? bold : body;
  const format: ParagraphFormat = {
    ...leftAligned,
    width: TEXT_WIDTH - indent - NUMBER_SPACE,
    ...(entry.label ? { indent: NUMBER_COLUMN, label: { text: entry.label, style } } : {}),
  };
  return {
    lines: typesetParagraph(f, [{ text: entry.text, style }], format),
    spaceBefore: entry.depth === 1 ? 8 : 3,
    spaceAfter: 0,
    indent,
    tag: {
      type: 'TOCI',
      path: [{ key: 'TOC', type: 'TOC' }],
      ...(entry.key ? { pageNumberOf: entry.key, goTo: entry.key } : {}),
    },
  };
}

export function layoutContents(f: FontSet, view: PacketView): Part {
  const blocks: Block<BlockTag>[] = [
    {
      lines: typesetParagraph(f, [{ text: 'CONTENTS', style: title }], { ...leftAligned, leading: 18 }),
      spaceBefore: 0,
      spaceAfter: 10,
      indent: 0,
      keepWithNext: true,
      tag: { type: 'H1' },
    },
    entryBlock(f, { text: 'Agenda', depth: 1, key: destinations.agenda, isBold: true }),
  ];
  const listed = listedItems(view.entries);
  for (const entry of view.entries) {
    if (!listed.has(entry.itemId)) continue;
    // A withheld note keeps its line, says so, and points nowhere: it has no page in this packet.
    const text = entry.withheld
      ? `${entry.title} — ${NOT_DISTRIBUTED}`
      : entry.note?.isDraft
        ? `${entry.title} (draft)`
        : entry.title;
    const key = entry.note ? destinations.item(entry.itemId) : undefined;
    blocks.push(
      entryBlock(f, {
        text,
        label: entry.number,
        depth: entry.depth,
        isBold: entry.depth === 1,
        ...(key ? { key } : {}),
      }),
    );
    if (entry.marking) blocks.push(entryBlock(f, { text: entry.marking, depth: entry.depth + 1, isBold: false }));
    entry.withheldAnnexes.forEach((annexTitle) =>
      blocks.push(
        entryBlock(f, { text: `Annex: ${annexTitle} — ${NOT_DISTRIBUTED}`, depth: entry.depth + 1, isBold: false }),
      ),
    );
    entry.annexes.forEach((annex, i) =>
      blocks.push(
        entryBlock(f, {
          text: `Annex: ${annex.title}`,
          depth: entry.depth + 1,
          key: destinations.annex(entry.itemId, i),
          isBold: false,
        }),
      ),
    );
  }
  return layoutPart(blocks);
}
