import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** A visual line of a PDF page: its baseline, its tallest type, its text items left to right. */
export interface Line {
  y: number;
  height: number;
  items: TextItem[];
}

/** A line of the body with its text as read; `null` in a page's body is a paragraph gap. */
export interface BodyLine {
  line: Line;
  text: string;
}

/** Text set apart on a line by a wide gap: a table cell, a list marker and its text. */
export interface TextGroup {
  x: number;
  end: number;
  items: TextItem[];
  text: string;
}

export const itemX = (item: TextItem) => item.transform[4];
const itemHeight = (item: TextItem) => Math.abs(item.transform[3]) || item.height;

/** Groups a page's text items into visual lines, top to bottom, left to right. */
export function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  const upright = items.filter((i) => i.str.trim() !== '' && i.transform[1] === 0 && i.transform[2] === 0);
  let tallest = 0;
  for (const item of upright.sort((a, b) => b.transform[5] - a.transform[5] || itemX(a) - itemX(b))) {
    const y = item.transform[5];
    const height = itemHeight(item);
    // Items come top to bottom, so only the last lines can be close enough: looking at every line
    // for every item was quadratic (seconds for a page of thousands of fragments).
    const reach = Math.max(tallest, height) * 0.5;
    let line: Line | undefined;
    for (let i = lines.length - 1; i >= 0 && lines[i]!.y - y <= reach; i -= 1) {
      if (Math.abs(lines[i]!.y - y) <= Math.max(lines[i]!.height, height) * 0.5) line = lines[i];
    }
    tallest = Math.max(tallest, height);
    if (line) {
      line.items.push(item);
      line.height = Math.max(line.height, height);
    } else lines.push({ y, height, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => itemX(a) - itemX(b));
  return lines.sort((a, b) => b.y - a.y);
}

/** The usual distance between two lines of body text on a page (the most frequent one). */
export function linePitch(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i += 1) {
    const gap = Math.round(lines[i - 1]!.y - lines[i]!.y);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return best ? best[0] : 14;
}

/** Items' text; a small raised number (a footnote marker) is set off by a space, as extractions show it. */
export function itemsText(items: TextItem[], lineHeight: number): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const x = itemX(item);
    const height = Math.abs(item.transform[3]);
    const isMarker = /^\d{1,2}$/.test(item.str.trim()) && height < lineHeight * 0.8;
    const gap = x - end > height * 0.15;
    if (text !== '' && (gap || isMarker) && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    text += item.str;
    end = x + item.width;
  }
  return text.replace(/\s+$/, '');
}

export const lineText = (line: Line) => itemsText(line.items, line.height);

/**
 * A gap wider than this many times the type size parts a line into groups. Justified text
 * stretches a space to about 1.2 (the seeds): a gap of that size parts groups too, and only
 * groups that line up across lines make a table.
 */
const GROUP_GAP = 1;

const groupsOf = new WeakMap<Line, TextGroup[]>();

/** A line's text in groups parted by wide gaps (worked out once a line: tables look at a line often). */
export function lineGroups(line: Line): TextGroup[] {
  const known = groupsOf.get(line);
  if (known) return known;
  const groups: TextItem[][] = [];
  let end = -Infinity;
  for (const item of line.items) {
    const x = itemX(item);
    if (groups.length === 0 || x - end > itemHeight(item) * GROUP_GAP) groups.push([item]);
    else groups.at(-1)!.push(item);
    end = Math.max(end, x + item.width);
  }
  const found = groups.map((items) => ({
    x: itemX(items[0]!),
    end: Math.max(...items.map((i) => itemX(i) + i.width)),
    items,
    text: itemsText(items, line.height).trim(),
  }));
  groupsOf.set(line, found);
  return found;
}

/** Wrapped lines of one item or cell as one text; a hyphen at a line end stays, without a space. */
export const joinWrapped = (text: string, next: string) =>
  text === '' ? next : /\p{L}-$/u.test(text) ? `${text}${next}` : `${text} ${next}`;
