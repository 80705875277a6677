import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

/** A horizontal rule drawn on a page (a table's border), in page coordinates. */
export interface Rule {
  x0: number;
  x1: number;
  y: number;
}

/** What the text content does not say about a page: which fonts are bold, where rules are drawn. */
export interface PageMarks {
  boldFonts: Set<string>;
  rules: Rule[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;

/** The thickest a stroke may be and still be read as a rule; the narrowest a rule is. */
const RULE_THICKNESS = 2.5;
const RULE_MIN_WIDTH = 10;
const BOLD = /bold|black|heavy|semibold|demi/i;

/** Edges of a painted path's box that are horizontal rules: a thin box is one, a cell's box gives two. */
function rulesOf(box: ArrayLike<number>, ctm: Matrix): Rule[] {
  const [ax, ay] = apply(ctm, box[0]!, box[1]!);
  const [bx, by] = apply(ctm, box[2]!, box[3]!);
  const [x0, x1, y0, y1] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
  if (x1 - x0 < RULE_MIN_WIDTH) return [];
  if (y1 - y0 <= RULE_THICKNESS) return [{ x0, x1, y: (y0 + y1) / 2 }];
  return [
    { x0, x1, y: y0 },
    { x0, x1, y: y1 },
  ];
}

/**
 * Reads a page's drawing operations (only for a page that may hold a table: it costs the page's
 * fonts and paths): bold fonts by their names, horizontal rules from painted paths.
 */
export async function readPageMarks(page: PDFPageProxy): Promise<PageMarks> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const rules: Rule[] = [];
  const fonts = new Set<string>();
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setFont) fonts.add(String(args[0]));
    else if (fn === OPS.constructPath && args[0] !== OPS.endPath && args[2]) {
      rules.push(...rulesOf(args[2] as ArrayLike<number>, ctm));
    }
  });
  const boldFonts = new Set<string>();
  for (const name of fonts) {
    const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { name?: string }) : undefined;
    if (font?.name && BOLD.test(font.name)) boldFonts.add(name);
  }
  return { boldFonts, rules };
}
