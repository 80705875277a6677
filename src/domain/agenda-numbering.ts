import { Errors } from './errors.js';

/**
 * An agenda is a tree: `9` holds `9.1` and `9.2`. Numbers are never stored by hand; they follow
 * from the place of each item among its siblings, so any reorder or move renumbers everything.
 */
export interface AgendaNode {
  id: number;
  children: AgendaNode[];
}

export interface PlacedItem {
  id: number;
  parentId: number | null;
  position: number;
  number: string;
  depth: number;
}

/** How deep an agenda may nest: 9 / 9.1 / 9.1.1. */
export const MAX_AGENDA_DEPTH = 3;

export interface StoredPlace {
  id: number;
  parentId: number | null;
  position: number;
}

/** Rebuilds the tree from stored rows, siblings in position order (ties by id). */
export function buildAgendaTree(items: readonly StoredPlace[]): AgendaNode[] {
  const nodes = new Map<number, AgendaNode & { position: number }>();
  for (const item of items) nodes.set(item.id, { id: item.id, position: item.position, children: [] });
  const roots: (AgendaNode & { position: number })[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId === null ? undefined : nodes.get(item.parentId);
    (parent ? (parent.children as typeof roots) : roots).push(node);
  }
  const sort = (list: (AgendaNode & { position: number })[]): AgendaNode[] =>
    list
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((n) => ({ id: n.id, children: sort(n.children as typeof roots) }));
  return sort(roots);
}

/** Numbers the tree in agenda order (pre-order), positions 1..n within each parent. */
export function layoutAgenda(tree: readonly AgendaNode[]): PlacedItem[] {
  const placed: PlacedItem[] = [];
  const walk = (nodes: readonly AgendaNode[], parent: PlacedItem | null) => {
    nodes.forEach((node, index) => {
      const position = index + 1;
      const item: PlacedItem = {
        id: node.id,
        parentId: parent?.id ?? null,
        position,
        number: parent ? `${parent.number}.${position}` : String(position),
        depth: parent ? parent.depth + 1 : 1,
      };
      placed.push(item);
      walk(node.children, item);
    });
  };
  walk(tree, null);
  return placed;
}

/**
 * Checks a whole new order sent by a client: every existing item exactly once, nothing
 * unknown, no deeper than MAX_AGENDA_DEPTH.
 */
export function assertCompleteOrder(tree: readonly AgendaNode[], existingIds: readonly number[]): void {
  const seen = new Set<number>();
  const walk = (nodes: readonly AgendaNode[], depth: number) => {
    for (const node of nodes) {
      if (seen.has(node.id)) throw Errors.invalid(`Item ${node.id} appears twice in the new order.`);
      seen.add(node.id);
      if (depth > MAX_AGENDA_DEPTH) {
        throw Errors.invalid(`Item ${node.id} would be nested deeper than ${MAX_AGENDA_DEPTH} levels.`);
      }
      walk(node.children, depth + 1);
    }
  };
  walk(tree, 1);
  const existing = new Set(existingIds);
  const unknown = [...seen].filter((id) => !existing.has(id));
  if (unknown.length > 0) throw Errors.invalid(`Items ${unknown.join(', ')} are not on this agenda.`);
  const missing = existingIds.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    throw Errors.invalid(`The new order leaves out items ${missing.join(', ')}; send the whole agenda.`);
  }
}

function findNode(tree: readonly AgendaNode[], id: number): AgendaNode | undefined {
  for (const node of tree) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

function depthOf(tree: readonly AgendaNode[], id: number, depth = 1): number {
  for (const node of tree) {
    if (node.id === id) return depth;
    const found = depthOf(node.children, id, depth + 1);
    if (found > 0) return found;
  }
  return 0;
}

function subtreeHeight(node: AgendaNode): number {
  return 1 + Math.max(0, ...node.children.map(subtreeHeight));
}

function withoutNode(tree: readonly AgendaNode[], id: number): AgendaNode[] {
  return tree.filter((n) => n.id !== id).map((n) => ({ id: n.id, children: withoutNode(n.children, id) }));
}

/**
 * Places `node` under `parentId` (null: top level) at 1-based `position` (default: last),
 * removing it from where it was. Returns a new tree; the input is not changed.
 */
export function placeNode(
  tree: readonly AgendaNode[],
  node: AgendaNode,
  target: { parentId: number | null; position?: number },
): AgendaNode[] {
  if (target.parentId !== null && findNode(node.children, target.parentId)) {
    throw Errors.invalid.onField('parentId', `Item ${node.id} cannot move under its own sub-item ${target.parentId}.`);
  }
  if (target.parentId === node.id)
    throw Errors.invalid.onField('parentId', `Item ${node.id} cannot be its own parent.`);
  const rest = withoutNode(tree, node.id);
  let siblings: AgendaNode[] = rest;
  if (target.parentId !== null) {
    const parent = findNode(rest, target.parentId);
    if (!parent) throw Errors.invalid.onField('parentId', `Parent item ${target.parentId} is not on this agenda.`);
    if (depthOf(rest, target.parentId) + subtreeHeight(node) > MAX_AGENDA_DEPTH) {
      throw Errors.invalid.onField('parentId', `The agenda may nest at most ${MAX_AGENDA_DEPTH} levels.`);
    }
    siblings = parent.children;
  }
  const index = Math.min(Math.max((target.position ?? siblings.length + 1) - 1, 0), siblings.length);
  siblings.splice(index, 0, node);
  return rest;
}

export { findNode as findAgendaNode };
