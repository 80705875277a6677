import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { MARKING_LINE } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import type { ExtractedLine, ExtractedText, IngestWarning } from './extracted-text.js';
import { IngestWarningCode, quoteStart } from './ingest-warnings.js';
import { appendPage, readPageBlocks } from './pdf-blocks.js';
import { linePitch, lineText, pageLines, type BodyLine, type Line } from './pdf-lines.js';
import { readPageMarks } from './pdf-page-marks.js';

/** Page furniture that is not the note: page numbers, the draft footer, the distribution marking. */
const FURNITURE = [/^Page \d+ of \d+$/i, /^Draft\s+[—–-]\s+version \d+/i, MARKING_LINE];

/**
 * The body's type size on a page: the height most of its lines have. Not the largest (a title
 * in bigger type would make every body line look small, and a table row opening with a day,
 * `12 November 2020`, would be taken for footnote 12).
 */
function bodyHeightOf(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const height = Math.round(line.height * 2) / 2;
    counts.set(height, (counts.get(height) ?? 0) + 1);
  }
  let best = 0;
  for (const [height, count] of counts) if (count > (counts.get(best) ?? 0)) best = height;
  return best;
}

/** A footnote rule as the seed extractions show it: a line of spaces. */
const RULE_LINE = ' '.repeat(40);

/**
 * The visual lines of a PDF, as pdfjs reads them (no eval, no system fonts). Lines in a smaller
 * type at the foot of a page that start with a number are footnotes. Bulleted and numbered items
 * and aligned tables of the body come as list lines and table rows (pdf-blocks.ts).
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
    const body: ExtractedLine[] = [];
    // Footnotes of every page go after the whole text, behind one rule, as the parser expects.
    const footnotes: string[] = [];
    const warnings: IngestWarning[] = [];
    const tables = { count: 0 };
    // Running heads and page numbers are no part of the note, but they are text the reader sees:
    // left out, and said so once (each distinct line quoted), as a Word file's header and footer.
    const furniture = new Set<string>();
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines = pageLines(content.items.filter((i): i is TextItem => 'str' in i));
      const bodyHeight = bodyHeightOf(lines);
      const pitch = linePitch(lines);
      const pageBody: (BodyLine | null)[] = [];
      let inFootnotes = false;
      let previous: Line | undefined;
      for (const line of lines) {
        const text = lineText(line);
        if (FURNITURE.some((pattern) => pattern.test(text.trim()))) {
          // One mention for every page: its number is left out of the quote.
          const shown = text.replace(/\s*Page \d+ of \d+\s*/i, ' ').trim();
          if (shown !== '') furniture.add(shown);
          continue;
        }
        // More space than between two lines of a paragraph: a paragraph (or heading) gap.
        if (previous && previous.y - line.y > pitch * 1.3) {
          if (inFootnotes) footnotes.push('');
          else pageBody.push(null);
        }
        previous = line;
        if (!inFootnotes && line.height < bodyHeight * 0.9 && /^\d{1,2}\s/.test(text.trim()) && line.y < 300) {
          inFootnotes = true;
        }
        if (inFootnotes) footnotes.push(text);
        else pageBody.push({ line, text });
      }
      const blocks = await readPageBlocks(pageBody, { number: n, marks: () => readPageMarks(page), tables });
      appendPage(body, blocks.lines);
      warnings.push(...blocks.warnings);
    }
    if (furniture.size > 0)
      warnings.push({
        code: IngestWarningCode.unreadContent,
        message: `The running heads and page numbers of the PDF are not read into the note: ${quoteStart([...furniture].join(' / '))}.`,
      });
    return {
      lines: footnotes.length > 0 ? [...body, RULE_LINE, ...footnotes] : body,
      wrapped: true,
      blankLineEndsParagraph: true,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  } catch (error) {
    // A PDF that opens but breaks while its pages are read is as damaged as one that does not open.
    throw Errors.badUpload(`The PDF is damaged and cannot be read (${(error as Error).message}).`);
  } finally {
    await pdf.destroy();
  }
}
