import type { FaceName, FontSet } from './fonts.js';

/**
 * Breaks styled text into lines: greedy filling, justified lines, hanging labels. Pure: the
 * fonts only measure. The result carries everything the page writer needs (segments with their
 * x offsets, the extra width each space gets, the footnotes a line refers to), so drawing is a
 * loop without decisions, and pagination can count lines before anything is drawn.
 */

export type Rgb = readonly [number, number, number];

export interface TextStyle {
  face: FaceName;
  size: number;
  color?: Rgb;
  /** Baseline shift in points (superscript footnote markers). */
  rise?: number;
  /** A live link: drawn underlined in the link colour, with a link annotation. */
  href?: string;
}

export interface Run {
  text: string;
  style: TextStyle;
  /** Set on a footnote marker: the footnote's number. */
  footnote?: number;
}

export interface Segment {
  text: string;
  style: TextStyle;
  /** Offset from the line's left edge, in points. */
  x: number;
  /** Width as drawn, justification included. */
  width: number;
  footnote?: number;
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

interface Piece {
  text: string;
  style: TextStyle;
  footnote?: number;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space that follows, 0 at the end of the text. */
  spaceWidth: number;
}

const sameStyle = (a: TextStyle, b: TextStyle) =>
  a.face === b.face && a.size === b.size && a.rise === b.rise && a.href === b.href && a.color === b.color;

/** Splits runs into words; a word may mix styles (`capacity¹.` is one word of three pieces). */
function splitWords(runs: Run[]): Omit<Word, 'width' | 'spaceWidth'>[] {
  const words: { pieces: Piece[]; spaced: boolean }[] = [];
  let current: Piece[] = [];
  const add = (piece: Piece) => {
    const last = current.at(-1);
    if (last && last.footnote === undefined && piece.footnote === undefined && sameStyle(last.style, piece.style)) {
      last.text += piece.text;
    } else current.push(piece);
  };
  const endWord = () => {
    if (current.length > 0) words.push({ pieces: current, spaced: true });
    current = [];
  };
  for (const run of runs) {
    if (run.footnote !== undefined) {
      add({ text: run.text, style: run.style, footnote: run.footnote });
      continue;
    }
    for (const part of run.text.split(/( +)/)) {
      if (part === '') continue;
      if (part.startsWith(' ')) endWord();
      else add({ text: part, style: run.style });
    }
  }
  endWord();
  return words.map((w) => ({ pieces: w.pieces }));
}

/** Where an over-long word (a URL) may break: after these characters. */
const BREAK_AFTER = /[/\-.?&=_]/;

/** Cuts a word wider than the measure into pieces that fit, preferring breaks after `/` etc. */
function cutWord(fonts: FontSet, word: Piece, width: number): Piece[] {
  const face = fonts[word.style.face];
  const out: Piece[] = [];
  let rest = word.text;
  while (rest.length > 0 && face.widthOf(rest, word.style.size) > width) {
    let fit = 1;
    while (fit < rest.length && face.widthOf(rest.slice(0, fit + 1), word.style.size) <= width) fit++;
    let cut = fit;
    for (let i = fit; i > fit / 3; i--) {
      if (BREAK_AFTER.test(rest[i - 1]!)) {
        cut = i;
        break;
      }
    }
    out.push({ ...word, text: rest.slice(0, cut) });
    rest = rest.slice(cut);
  }
  if (rest.length > 0) out.push({ ...word, text: rest });
  return out;
}

function measure(fonts: FontSet, pieces: Piece[]): number {
  return pieces.reduce((sum, p) => sum + fonts[p.style.face].widthOf(p.text, p.style.size), 0);
}

function measureWords(fonts: FontSet, runs: Run[], width: number): Word[] {
  const words: Word[] = [];
  for (const { pieces } of splitWords(runs)) {
    const last = pieces.at(-1)!;
    const spaceWidth = fonts[last.style.face].widthOf(' ', last.style.size);
    const wordWidth = measure(fonts, pieces);
    if (wordWidth <= width || pieces.length > 1) {
      words.push({ pieces, width: wordWidth, spaceWidth });
      continue;
    }
    const parts = cutWord(fonts, pieces[0]!, width);
    parts.forEach((part, i) =>
      words.push({
        pieces: [part],
        width: measure(fonts, [part]),
        spaceWidth: i === parts.length - 1 ? spaceWidth : 0,
      }),
    );
  }
  if (words.length > 0) words[words.length - 1]!.spaceWidth = 0;
  return words;
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
      line.segments.unshift({ text: label.text, style: label.style, x: 0, width });
    }
    return { ...line, baseline };
  });
}
