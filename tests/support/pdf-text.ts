import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** A page's text as a reader's tool sees it: upright lines top to bottom, and any rotated text. */
export interface PageText {
  lines: string[];
  /** Text set at an angle (the DRAFT watermark). */
  rotated: string[];
  /** The upright text items where they stand, for checks of position (a bullet left of its text). */
  items: Placed[];
  width: number;
  height: number;
}

/** A text item placed as the page is displayed (rotation applied): x right, y down; y is the baseline. */
export interface Placed {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

interface TextLine {
  y: number;
  size: number;
  items: Placed[];
}

/** Upright items grouped into visual lines, top to bottom; a raised footnote marker joins its line. */
function groupLines(items: Placed[]): string[] {
  const lines: TextLine[] = [];
  for (const item of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.max(l.size, item.size) * 0.5);
    if (line) {
      line.items.push(item);
      if (item.size > line.size) [line.size, line.y] = [item.size, item.y];
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map((line) => {
      let text = '';
      let end = -Infinity;
      for (const item of line.items.sort((a, b) => a.x - b.x)) {
        if (text !== '' && item.x - end > 1.5 && !text.endsWith(' ')) text += ' ';
        text += item.str;
        end = item.x + item.width;
      }
      return text.trim();
    })
    .filter((text) => text !== '');
}

/** Every page's text, read with pdfjs (no eval, no system fonts: only what the file embeds). */
export async function pdfText(bytes: Uint8Array): Promise<PageText[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
      const upright: Placed[] = [];
      const rotated: string[] = [];
      for (const item of items) {
        const [a, b, c, d, x, y] = Util.transform(viewport.transform, item.transform) as number[];
        // Display space has y pointing down: upright text has a positive a and a negative d.
        const isUpright = Math.abs(b!) < 1e-6 && Math.abs(c!) < 1e-6 && a! > 0;
        if (isUpright) upright.push({ str: item.str, x: x!, y: y!, size: Math.abs(d!), width: item.width });
        else rotated.push(item.str);
      }
      pages.push({
        lines: groupLines(upright),
        rotated,
        items: upright,
        width: viewport.width,
        height: viewport.height,
      });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** All upright lines of all pages, in reading order. */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  return (await pdfText(bytes)).flatMap((page) => page.lines);
}
