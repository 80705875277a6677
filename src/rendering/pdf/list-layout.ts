import type { BlockView, InlineView } from '../views/note-view.js';
import type { BlockKind } from '../../domain/note-blocks.js';
import type { FontSet } from './fonts.js';
import type { BlockTag, StructContainer } from './page-drawing.js';
import type { Block } from './paginate.js';
import { body, justified, PARAGRAPH_SPACE, TEXT_WIDTH } from './page-style.js';
import { inlineRuns } from './inline-runs.js';
import { typesetParagraph } from './typeset.js';

/**
 * A list as Word sets it: the bullet or number hung in the margin at the text's left edge, the
 * item's text (and every line it wraps to) indented by the hanging indent; a nested list starts
 * at its parent's text and hangs its own markers there. Each item is a block of its own, so an
 * item breaks across pages as a paragraph does. Tagged `L` > `LI` > (`Lbl`, `LBody`), a nested
 * `L` inside its parent item's `LBody`.
 */

export type ListView = Extract<BlockView, { kind: typeof BlockKind.list }>;

/** Word's default hanging indent, 0.63 cm. */
export const HANGING_INDENT = 18;
/**
 * Where a list's markers stand: Word's default list indent, 0.63 cm in from the margin. A marker
 * at the margin would also read back (PDF upload) as a typed number at the start of a paragraph.
 */
export const LIST_INDENT = 18;
/** The least room between a marker and its item's text (`10.` is wider than a bullet). */
const MARKER_GAP = 6;
/** Space between the items of a list; the list as a whole is followed by a paragraph's space. */
const ITEM_SPACE = 3;

interface Item {
  marker: string;
  runs: InlineView[];
}

/** The hanging indent of a list: Word's, or wider when its widest marker needs it. */
function hangOf(f: FontSet, items: Item[]): number {
  const widest = Math.max(0, ...items.map((item) => f[body.face].widthOf(item.marker, body.size)));
  return Math.max(HANGING_INDENT, Math.ceil(widest + MARKER_GAP));
}

function itemBlock(f: FontSet, item: Item, at: { indent: number; hang: number; tag: BlockTag }): Block<BlockTag> {
  const lines = typesetParagraph(f, inlineRuns(item.runs, body), {
    ...justified,
    width: TEXT_WIDTH - at.indent,
    label: { text: item.marker, style: body },
    indent: at.hang,
  });
  return { lines, spaceBefore: 0, spaceAfter: ITEM_SPACE, indent: at.indent, tag: at.tag };
}

/** The blocks of a list; `key` names it uniquely within its part (the tree's containers). */
export function listBlocks(f: FontSet, list: ListView, key: string): Block<BlockTag>[] {
  const blocks: Block<BlockTag>[] = [];
  const hang = hangOf(f, list.items);
  const outer: StructContainer = { key, type: 'L' };
  list.items.forEach((item, i) => {
    const itemPath = [outer, { key: `${key}/${i}`, type: 'LI' }];
    const bodyKey = `${key}/${i}/body`;
    const tag: BlockTag = {
      type: 'LBody',
      path: itemPath,
      labelType: 'Lbl',
      ...(item.sublist ? { key: bodyKey } : {}),
    };
    blocks.push(itemBlock(f, item, { indent: LIST_INDENT, hang, tag }));
    if (!item.sublist) return;
    const subHang = hangOf(f, item.sublist.items);
    const subPath = [...itemPath, { key: bodyKey, type: 'LBody' }, { key: `${key}/${i}/list`, type: 'L' }];
    item.sublist.items.forEach((sub, j) => {
      const path = [...subPath, { key: `${key}/${i}/list/${j}`, type: 'LI' }];
      const subTag: BlockTag = { type: 'LBody', path, labelType: 'Lbl' };
      blocks.push(itemBlock(f, sub, { indent: LIST_INDENT + hang, hang: subHang, tag: subTag }));
    });
  });
  blocks.at(-1)!.spaceAfter = PARAGRAPH_SPACE;
  return blocks;
}
