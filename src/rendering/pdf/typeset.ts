import type { FontSet } from './fonts.js';
import { sameStyle, type Run, type TextStyle } from './styled-text.js';
import { measureWords, type Word } from './word-breaking.js';

/**
 * Breaks styled text into lines: greedy filling, justified lines, hanging labels. Pure: the
 * fonts only measure. The result carries everything the page writer needs (segments with their
 * x offsets, the extra width each space gets, the footnotes a line refers to), so drawing is a
 * loop without decisions, and pagination can count lines before anything is drawn.
 */

export interface Segment {
  text: string;
  style: TextStyle;
  /** Offset from the line's left edge, in points. */
  x: number;
  /** Width as drawn, justification included. */
  width: number;
  footnote?: number;
  /** Set on the label drawn first on a first line (a list item's bullet): tagged apart as `Lbl`. */
  label?: boolean;
  /** In a table row's line: the column of the cell the segment belongs to. */
  cell?: number;
}

export interface Line {
  segments: Segment[];
  /** Extra width given to each space, in points (justification). */
  extraPerSpace: number;
  /** Distance from the top of the line box to the baseline. */
  baseline: number;
  height: number;
  /** Footnotes whose markers sit on this line. */
  footnotes: number[];
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphFormat {
  width: number;
  align: Align;
  /** Line height in points. */
  leading: number;
  /** Drawn at the start of the first line; every line's text starts at `indent`. */
  label?: Run;
  indent?: number;
}

/** Lays words out on one line: merges pieces of one style into segments, spaces included. */
function buildLine(
  fonts: FontSet,
  words: Word[],
  format: ParagraphFormat,
  options: { isLast: boolean; start: number },
): Line {
  const available = format.width - options.start;
  const natural = words.reduce((sum, w, i) => sum + w.width + (i < words.length - 1 ? w.spaceWidth : 0), 0);
  const spaces = words.slice(0, -1).filter((w) => w.spaceWidth > 0).length;
  const isJustified = format.align === 'justify' && !options.isLast && spaces > 0;
  const extraPerSpace = isJustified ? (available - natural) / spaces : 0;
  let x = options.start;
  if (format.align === 'center') x += (available - natural) / 2;
  if (format.align === 'right') x += available - natural;
  const segments: Segment[] = [];
  const footnotes: number[] = [];
  words.forEach((word, wi) => {
    const isLastWord = wi === words.length - 1;
    word.pieces.forEach((piece, pi) => {
      const spaced = !isLastWord && pi === word.pieces.length - 1 && word.spaceWidth > 0;
      const text = spaced ? `${piece.text} ` : piece.text;
      const width = fonts[piece.style.face].widthOf(text, piece.style.size) + (spaced ? extraPerSpace : 0);
      if (piece.footnote !== undefined) footnotes.push(piece.footnote);
      const last = segments.at(-1);
      if (last && last.footnote === undefined && piece.footnote === undefined && sameStyle(last.style, piece.style)) {
        last.text += text;
        last.width += width;
      } else {
        segments.push({
          text,
          style: piece.style,
          x,
          width,
          ...(piece.footnote !== undefined ? { footnote: piece.footnote } : {}),
        });
      }
      x += width;
    });
  });
  return { segments, extraPerSpace, baseline: 0, height: format.leading, footnotes };
}

/** The distance from a line box's top to its baseline: the font's extent centred in the leading. */
function baselineOf(fonts: FontSet, runs: Run[], leading: number): number {
  const text = runs.filter((r) => r.footnote === undefined);
  const size = Math.max(1, ...text.map((r) => r.style.size));
  const face = fonts[text[0]?.style.face ?? 'regular'];
  return face.ascent * size + (leading - (face.ascent + face.descent) * size) / 2;
}

/** Breaks a paragraph into lines (greedy first fit; the last line is never stretched). */
export function typesetParagraph(fonts: FontSet, runs: Run[], format: ParagraphFormat): Line[] {
  const indent = format.indent ?? 0;
  const words = measureWords(fonts, runs, format.width - indent);
  const groups: Word[][] = [];
  let current: Word[] = [];
  let used = 0;
  for (const word of words) {
    const previous = current.at(-1);
    const needed = previous ? used + previous.spaceWidth + word.width : word.width;
    if (previous && needed > format.width - indent + 0.01) {
      groups.push(current);
      current = [word];
      used = word.width;
    } else {
      current.push(word);
      used = needed;
    }
  }
  if (current.length > 0) groups.push(current);
  if (groups.length === 0) groups.push([]);
  const baseline = baselineOf(fonts, format.label ? [format.label, ...runs] : runs, format.leading);
  return groups.map((group, i) => {
    const line = buildLine(fonts, group, format, { isLast: i === groups.length - 1, start: indent });
    if (i === 0 && format.label) {
      const label = format.label;
      const width = fonts[label.style.face].widthOf(label.text, label.style.size);
      line.segments.unshift({ text: label.text, style: label.style, x: 0, width, label: true });
    }
    return { ...line, baseline };
  });
}
