import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { MARKING_LINE } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import type { ExtractedText } from './extracted-text.js';

interface Line {
  y: number;
  height: number;
  items: TextItem[];
}

/** Page furniture that is not the note: page numbers, the draft footer, the distribution marking. */
const FURNITURE = [/^Page \d+ of \d+$/i, /^Draft\s+[—–-]\s+version \d+/i, MARKING_LINE];

/** A footnote rule as the seed extractions show it: a line of spaces. */
const RULE_LINE = ' '.repeat(40);

/** Groups a page's text items into visual lines, top to bottom, left to right. */
function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  const upright = items.filter((i) => i.str.trim() !== '' && i.transform[1] === 0 && i.transform[2] === 0);
  let tallest = 0;
  for (const item of upright.sort((a, b) => b.transform[5] - a.transform[5] || a.transform[4] - b.transform[4])) {
    const y = item.transform[5];
    const height = Math.abs(item.transform[3]) || item.height;
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
  for (const line of lines) line.items.sort((a, b) => a.transform[4] - b.transform[4]);
  return lines.sort((a, b) => b.y - a.y);
}

/** The usual distance between two lines of body text on a page (the most frequent one). */
function linePitch(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i += 1) {
    const gap = Math.round(lines[i - 1]!.y - lines[i]!.y);
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return best ? best[0] : 14;
}

/** A line's text; a small raised number (a footnote marker) is set off by a space, as extractions show it. */
function lineText(line: Line): string {
  let text = '';
  let end = -Infinity;
  for (const item of line.items) {
    const x = item.transform[4];
    const height = Math.abs(item.transform[3]);
    const isMarker = /^\d{1,2}$/.test(item.str.trim()) && height < line.height * 0.8;
    const gap = x - end > height * 0.15;
    if (text !== '' && (gap || isMarker) && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    text += item.str;
    end = x + item.width;
  }
  return text.replace(/\s+$/, '');
}

/**
 * The visual lines of a PDF, as pdfjs reads them (no eval, no system fonts). Lines in a smaller
 * type at the foot of a page that start with a number are footnotes.
 */
export async function extractPdf(bytes: Buffer): Promise<ExtractedText> {
  let pdf;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw Errors.badUpload('The PDF is password-protected; upload it without a password.');
    throw Errors.badUpload(`The PDF cannot be read (${(error as Error).message}).`);
  }
  try {
    const body: string[] = [];
    // Footnotes of every page go after the whole text, behind one rule, as the parser expects.
    const footnotes: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines = pageLines(content.items.filter((i): i is TextItem => 'str' in i));
      const bodyHeight = Math.max(0, ...lines.map((l) => l.height));
      const pitch = linePitch(lines);
      let inFootnotes = false;
      let previous: Line | undefined;
      for (const line of lines) {
        const text = lineText(line);
        if (FURNITURE.some((pattern) => pattern.test(text.trim()))) continue;
        // More space than between two lines of a paragraph: a paragraph (or heading) gap.
        if (previous && previous.y - line.y > pitch * 1.3) (inFootnotes ? footnotes : body).push('');
        previous = line;
        if (!inFootnotes && line.height < bodyHeight * 0.9 && /^\d{1,2}\s/.test(text.trim()) && line.y < 300) {
          inFootnotes = true;
        }
        (inFootnotes ? footnotes : body).push(text);
      }
    }
    return {
      lines: footnotes.length > 0 ? [...body, RULE_LINE, ...footnotes] : body,
      wrapped: true,
      blankLineEndsParagraph: true,
    };
  } catch (error) {
    // A PDF that opens but breaks while its pages are read is as damaged as one that does not open.
    throw Errors.badUpload(`The PDF is damaged and cannot be read (${(error as Error).message}).`);
  } finally {
    await pdf.destroy();
  }
}
