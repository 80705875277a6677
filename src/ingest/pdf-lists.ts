import { ListStyle } from '../domain/note-blocks.js';
import type { ListLine } from './extracted-text.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { itemsText, itemX, joinWrapped, type BodyLine } from './pdf-lines.js';

/**
 * Bullets as word processors print them: the common glyphs, and the private-use ones of the
 * Symbol and Wingdings fonts that Word's "Save as PDF" emits (U+F0B7 is Symbol's bullet).
 */
const BULLET = /^[•◦▪▫‣⁃∙●○■□➢➤►✓✔\uF0A7\uF0B7\uF0D8\uF0FC\uF076\uF06E\uF06C\uF0A8]$/u;
/** Dashes and stars also occur in running text: a marker only when indented from the margin. */
const DASH = /^[–—\-*]$/;
const NUMBER = /^(\d{1,2}|[a-z]|[ivx]{1,4})[.)]$/;

/** How far (points) a marker stands from the margin, or a deeper marker from the list's, to count. */
const INDENT = 4;
const NESTED = 6;
/** A wrapped line belongs to the item when it starts this close (points) to the item's text. */
const ALIGNED = 3;

export interface ListMarker {
  style: ListStyle;
  markerX: number;
  /** Where the item's text starts: its wrapped lines start there too. */
  textX: number;
  text: string;
}

function markerStyle(marker: string, indented: boolean): ListStyle | null {
  if (BULLET.test(marker)) return ListStyle.bullet;
  // A justified line may open with a dash and a stretched space: a dash counts only when indented.
  if (DASH.test(marker) && indented) return ListStyle.bullet;
  // A typed "1. Issue at stake" at the margin is a heading, not a list.
  if (NUMBER.test(marker) && indented) return ListStyle.number;
  return null;
}

/** Where the text after the marker starts, when marker and text share an item: measured in its characters. */
function textStart(first: TextItem, marker: string, rest: TextItem[]): number {
  const after = first.str.indexOf(marker) + marker.length;
  const space = first.str.slice(after).search(/\S/);
  if (space < 0) return rest[0] ? itemX(rest[0]) : itemX(first) + first.width;
  return itemX(first) + (first.width * (after + space)) / first.str.length;
}

/** The list marker a line starts with, if any: a bullet glyph, or a number indented from the margin. */
export function listMarkerOf({ line }: BodyLine, margin: number): ListMarker | null {
  const [first, ...rest] = line.items;
  if (!first) return null;
  const markerX = itemX(first);
  const own = first.str.trim();
  // The marker is an item of its own (a hung marker), or the first word of the line's first item.
  const alone = own.length <= 4 && !/\s/.test(own) && rest.length > 0;
  const marker = alone ? own : own.split(/\s+/)[0]!;
  const style = markerStyle(marker, Math.abs(markerX - margin) > INDENT);
  if (!style) return null;
  const text = itemsText(line.items, line.height).trim().slice(marker.length).trim();
  if (text === '') return null;
  const textX = alone ? itemX(rest[0]!) : textStart(first, marker, rest);
  return { style, markerX, textX, text };
}

/**
 * The list that starts at `start` (a line with a marker): its items with their wrapped lines,
 * a marker deeper than the first one's a nested item. Paragraph gaps between items are dropped.
 * Returns the list lines and how many body entries they took.
 */
export function readList(
  body: (BodyLine | null)[],
  start: number,
  margin: number,
): { lines: ListLine[]; consumed: number } {
  const lines: ListLine[] = [];
  let base: number | undefined;
  let item: { marker: ListMarker; text: string } | undefined;
  let i = start;
  const flush = () => {
    if (!item) return;
    const level = item.marker.markerX > base! + NESTED ? 1 : 0;
    lines.push({ list: item.marker.style, level, text: item.text });
  };
  for (; i < body.length; i += 1) {
    const entry = body[i];
    if (entry === null) {
      if (body[i + 1] && listMarkerOf(body[i + 1]!, margin)) continue;
      break;
    }
    const marker = listMarkerOf(entry!, margin);
    if (marker) {
      flush();
      if (base === undefined || marker.markerX < base - NESTED) base = marker.markerX;
      item = { marker, text: marker.text };
      continue;
    }
    const x = itemX(entry!.line.items[0]!);
    if (item && body[i - 1] !== null && Math.abs(x - item.marker.textX) <= ALIGNED) {
      item.text = joinWrapped(item.text, entry!.text.trim());
      continue;
    }
    break;
  }
  flush();
  return { lines, consumed: i - start };
}
