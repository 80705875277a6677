import { BLACK } from './page-style.js';
import type { Rgb, TextStyle } from './styled-text.js';

/** PDF content-stream operators for text, lines and colours, written as strings. */

/** What the writer uses of pdfkit's embedded font (pdfkit 0.20: `doc._font`). */
export interface PdfkitFont {
  id: string;
  encode(text: string): EncodedText;
  ref(): unknown;
}

/** Glyph codes (4 hex digits each) and their positions in thousandths of an em. */
export type EncodedText = [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];

/** A number as PDF writes it: at most three decimals, no trailing zeros (stable output). */
export const num = (n: number) => {
  const fixed = n.toFixed(3);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
};
export const fill = ([r, g, b]: Rgb) => (r === g && g === b ? `${num(r)} g` : `${num(r)} ${num(g)} ${num(b)} rg`);
export const stroke = ([r, g, b]: Rgb) => `${num(r)} ${num(g)} ${num(b)} RG`;

/**
 * One text object: the glyphs at (x, y) in pdfkit's top-down space (hence the flipped text
 * matrix), raised by the style's rise, with kerning and `extraPerSpace` points added after each
 * space glyph as TJ offsets, so the spaces stay in the text for extraction and screen readers.
 */
export function textOperators(
  fontId: string,
  [codes, positions]: EncodedText,
  at: { style: TextStyle; x: number; y: number; extraPerSpace: number; spaceCode: string },
): string {
  const { style, x } = at;
  const extra = (at.extraPerSpace * 1000) / style.size;
  const baseline = at.y - (style.rise ?? 0);
  const ops = [
    `BT /${fontId} ${num(style.size)} Tf ${fill(style.color ?? BLACK)} 1 0 0 -1 ${num(x)} ${num(baseline)} Tm`,
  ];
  let run = '';
  const parts: string[] = [];
  const flush = () => {
    if (run) parts.push(`<${run}>`);
    run = '';
    if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
    parts.length = 0;
  };
  let advance = 0;
  codes.forEach((code, i) => {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) {
      // A positioned mark (a combining accent): set apart with its own text matrix.
      flush();
      const left = x + ((advance + p.xOffset) * style.size) / 1000;
      ops.push(`1 0 0 -1 ${num(left)} ${num(baseline - (p.yOffset * style.size) / 1000)} Tm [<${code}>] TJ`);
      advance += p.xAdvance;
      ops.push(`1 0 0 -1 ${num(x + (advance * style.size) / 1000)} ${num(baseline)} Tm`);
      return;
    }
    run += code;
    const isSpace = code === at.spaceCode;
    const adjust = p.xAdvance - p.advanceWidth + (isSpace ? extra : 0);
    advance += p.xAdvance + (isSpace ? extra : 0);
    if (Math.abs(adjust) > 1e-6) {
      parts.push(`<${run}>`, num(-adjust));
      run = '';
    }
  });
  flush();
  ops.push('ET');
  return ops.join('\n');
}
