import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** A page's text as a reader's tool sees it: upright lines top to bottom, and any rotated text. */
export interface PageText {
  lines: string[];
  /** Text set at an angle (the DRAFT watermark). */
  rotated: string[];
  width: number;
  height: number;
}

interface TextLine {
  y: number;
  size: number;
  items: TextItem[];
}

/** Upright items grouped into visual lines; a raised footnote marker joins its line. */
function groupLines(items: TextItem[]): string[] {
  const lines: TextLine[] = [];
  const sorted = [...items].sort((a, b) => b.transform[5] - a.transform[5] || a.transform[4] - b.transform[4]);
  for (const item of sorted) {
    const y = item.transform[5];
    const size = Math.abs(item.transform[3]);
    const line = lines.find((l) => Math.abs(l.y - y) < Math.max(l.size, size) * 0.5);
    if (line) {
      line.items.push(item);
      if (size > line.size) [line.size, line.y] = [size, y];
    } else lines.push({ y, size, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      let text = '';
      let end = -Infinity;
      for (const item of line.items.sort((a, b) => a.transform[4] - b.transform[4])) {
        const x = item.transform[4];
        if (text !== '' && x - end > 1.5 && !text.endsWith(' ')) text += ' ';
        text += item.str;
        end = x + item.width;
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
      const [, , width, height] = page.view as [number, number, number, number];
      const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
      const isUpright = (i: TextItem) => i.transform[1] === 0 && i.transform[2] === 0;
      pages.push({
        lines: groupLines(items.filter(isUpright)),
        rotated: items.filter((i) => !isUpright(i)).map((i) => i.str),
        width,
        height,
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
