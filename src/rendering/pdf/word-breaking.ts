import type { FontSet } from './fonts.js';
import { sameStyle, type Run, type TextStyle } from './styled-text.js';

/**
 * Word breaking: styled runs become measured words, and a word wider than the measure (a URL, a
 * 20,000-letter word) is cut into words that fit, after a `/`, `-`... where it can. Pure: the
 * fonts only measure. typeset.ts fills lines with the words.
 */

export interface Piece {
  text: string;
  style: TextStyle;
  footnote?: number;
}

export interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space that follows, 0 at the end of the text. */
  spaceWidth: number;
}

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

/**
 * Running widths of a text's code points (no kerning): `offsets[i]` is where the i-th code point
 * starts in the string, `sums[i]` the width of the text before it. A first guess of where a
 * long word is cut, found by binary search; the exact width (kerning included) then decides.
 * Built once per piece, so cutting a word of n letters into lines costs O(n), not O(n²).
 */
interface Advances {
  offsets: number[];
  sums: number[];
}

function advancesOf(fonts: FontSet, piece: Piece): Advances {
  const face = fonts[piece.style.face];
  const offsets: number[] = [];
  const sums: number[] = [0];
  let offset = 0;
  for (const char of piece.text) {
    offsets.push(offset);
    offset += char.length;
    sums.push(sums.at(-1)! + face.widthOf(char, piece.style.size));
  }
  offsets.push(offset);
  return { offsets, sums };
}

/** The largest k with sums[k] - sums[from] <= budget (binary search). */
function guessEnd(sums: number[], from: number, budget: number): number {
  let [low, high] = [from, sums.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sums[mid]! - sums[from]! <= budget + 0.01) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * How many code points of `piece`, from code point `from`, fit in `budget` points: the guess,
 * shrunk while the exact width is over (kerning), and moved back to just after a `/`, `-`... in
 * its last two thirds. Returns `from` when not even one fits.
 */
function fitEnd(fonts: FontSet, piece: Piece, advances: Advances, from: number, budget: number): number {
  const face = fonts[piece.style.face];
  const { offsets, sums } = advances;
  const widthTo = (end: number) => face.widthOf(piece.text.slice(offsets[from], offsets[end]), piece.style.size);
  let end = guessEnd(sums, from, budget);
  while (end > from && widthTo(end) > budget + 0.01) end--;
  for (let i = end; i > from + (end - from) / 3; i--) {
    if (BREAK_AFTER.test(piece.text.charAt(offsets[i - 1]!))) return i;
  }
  return end;
}

const pieceWidth = (fonts: FontSet, piece: Piece) => fonts[piece.style.face].widthOf(piece.text, piece.style.size);

/**
 * Cuts a word wider than the measure into words that fit (no space between them), preferring
 * breaks after `/` and the like. A word may hold several pieces (`a…z¹.`); each piece is cut
 * where the line is full, and a line holds at least one letter so that the work always advances.
 */
function cutWord(fonts: FontSet, pieces: Piece[], width: number): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = 0;
  const endLine = () => {
    if (line.length > 0) lines.push(line);
    line = [];
    used = 0;
  };
  for (const piece of pieces) {
    const whole = pieceWidth(fonts, piece);
    if (used + whole <= width + 0.01) {
      line.push(piece);
      used += whole;
      continue;
    }
    const advances = advancesOf(fonts, piece);
    const count = advances.offsets.length - 1;
    let from = 0;
    while (from < count) {
      let end = fitEnd(fonts, piece, advances, from, width - used);
      if (end === from) {
        if (line.length > 0) {
          endLine();
          continue;
        }
        end = from + 1;
      }
      const part = { ...piece, text: piece.text.slice(advances.offsets[from], advances.offsets[end]) };
      line.push(part);
      used += pieceWidth(fonts, part);
      from = end;
      if (from < count) endLine();
    }
  }
  endLine();
  return lines;
}

function measure(fonts: FontSet, pieces: Piece[]): number {
  return pieces.reduce((sum, p) => sum + pieceWidth(fonts, p), 0);
}

/** Past this many letters a word is first measured without kerning (shaping it whole is slow). */
const LONG_WORD = 200;

/** Whether a long word is so far over the measure that kerning cannot bring it back. */
function isSurelyTooWide(fonts: FontSet, pieces: Piece[], width: number): boolean {
  if (pieces.reduce((n, p) => n + p.text.length, 0) <= LONG_WORD) return false;
  const rough = pieces.reduce((sum, p) => sum + advancesOf(fonts, p).sums.at(-1)!, 0);
  return rough > width * 1.2;
}

export function measureWords(fonts: FontSet, runs: Run[], width: number): Word[] {
  const words: Word[] = [];
  for (const { pieces } of splitWords(runs)) {
    const last = pieces.at(-1)!;
    const spaceWidth = fonts[last.style.face].widthOf(' ', last.style.size);
    const wordWidth = isSurelyTooWide(fonts, pieces, width) ? Infinity : measure(fonts, pieces);
    if (wordWidth <= width) {
      words.push({ pieces, width: wordWidth, spaceWidth });
      continue;
    }
    const parts = cutWord(fonts, pieces, width);
    parts.forEach((part, i) =>
      words.push({
        pieces: part,
        width: measure(fonts, part),
        spaceWidth: i === parts.length - 1 ? spaceWidth : 0,
      }),
    );
  }
  if (words.length > 0) words[words.length - 1]!.spaceWidth = 0;
  return words;
}
