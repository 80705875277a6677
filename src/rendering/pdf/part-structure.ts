import type { Part } from './page-drawing.js';
import type { PdfWriter, StructElement } from './pdf-writer.js';
import type { RowTag } from './table-drawing.js';

/**
 * The structure elements of a part as it is drawn: each block's element, made when its first
 * line is drawn, inside containers (`L`, `LI`, `Table`...) made once per part by key.
 */

export interface DrawState {
  elements: Map<number, StructElement>;
  /** Ended with the part: a later block may still add to them. */
  containers: Map<string, StructElement>;
  /** A list item's `Lbl`, by block. */
  labels: Map<number, StructElement>;
  /** A table row's cells, by block. */
  cells: Map<number, StructElement[]>;
  /** Notes being drawn, with the element whose text holds their marker. */
  notes: Map<number, { note: StructElement; parent: StructElement }>;
  /**
   * Elements ended when their page is complete (their notes are drawn at the page's foot), or
   * later, when a note of theirs runs on to the next page.
   */
  finished: StructElement[];
}

export function elementOf(
  writer: PdfWriter,
  part: Part,
  index: number,
  parent: StructElement,
  state: DrawState,
): StructElement {
  let element = state.elements.get(index);
  if (element) return element;
  const { tag } = part.blocks[index]!;
  for (const { key, type } of tag.path ?? []) {
    const container = state.containers.get(key) ?? writer.element(type, parent);
    state.containers.set(key, container);
    parent = container;
  }
  if (tag.labelType) state.labels.set(index, writer.element(tag.labelType, parent));
  element = writer.element(tag.type, parent);
  state.elements.set(index, element);
  if (tag.key) state.containers.set(tag.key, element);
  if (tag.row) state.cells.set(index, cellElements(writer, element, tag.row));
  return element;
}

export function newDrawState(): DrawState {
  return {
    elements: new Map(),
    containers: new Map(),
    labels: new Map(),
    cells: new Map(),
    notes: new Map(),
    finished: [],
  };
}

/** A row's cell elements in column order, made with the row (an empty cell is still a cell). */
function cellElements(writer: PdfWriter, row: StructElement, tag: RowTag): StructElement[] {
  // pdfkit 0.20 writes `scope` as the cell's Table attribute; its typings do not list it yet.
  const options = (tag.cellType === 'TH' ? { scope: 'Column' } : {}) as PDFKit.Mixins.StructureElementOptions;
  return tag.edges.slice(1).map(() => writer.element(tag.cellType, row, options));
}
