import {
  buildAgendaTree,
  findAgendaNode,
  layoutAgenda,
  MAX_AGENDA_DEPTH,
  type AgendaNode,
  type StoredPlace,
} from './agenda-numbering.js';

/** How many levels a node takes with its sub-items: 1 for an item without any. */
const heightOf = (node: AgendaNode): number => 1 + Math.max(0, ...node.children.map(heightOf));

/**
 * The items `itemId` may move under, in agenda order: the ones `placeNode` accepts. Not the
 * item itself nor any of its sub-items, and none where the item with its sub-items would nest
 * deeper than MAX_AGENDA_DEPTH.
 */
export function possibleParents(items: readonly StoredPlace[], itemId: number): number[] {
  const tree = buildAgendaTree(items);
  const node = findAgendaNode(tree, itemId);
  if (!node) return [];
  const own = new Set(layoutAgenda([node]).map((placed) => placed.id));
  const height = heightOf(node);
  return layoutAgenda(tree)
    .filter((placed) => !own.has(placed.id) && placed.depth + height <= MAX_AGENDA_DEPTH)
    .map((placed) => placed.id);
}
