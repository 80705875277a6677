import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { fileURLToPath } from 'node:url';
import type { BlockInput, Inline } from '../../src/domain/note-blocks.js';
import type { NoteContentInput } from '../../src/domain/note-content.js';

/**
 * Drafts as rapporteurs send them, made from the structured seed notes: a Word file with real
 * Word footnotes, and a PDF laid out as a word processor prints one (wrapped lines, a small
 * raised footnote number, the footnote at the foot of the page).
 */
export interface DraftSource {
  headerLines?: string[];
  meetingLine?: string;
  itemLine: string;
  content: NoteContentInput;
}

const HEADINGS: readonly string[] = ['1. Issue at stake', '2. Summary', '3. Format of procedure in the meeting'];
const KEYS = ['issueAtStake', 'summary', 'procedure'] as const;
// Paragraphs only: the seeds and the fixtures made here have no lists or tables.
const runsOf = (p: BlockInput) => (typeof p === 'string' ? [{ text: p }] : (p as Inline[]));
const footnoteText = (f: { text: string; sourceUrl?: string }) =>
  f.sourceUrl ? `${f.text} [source: ${f.sourceUrl}].` : f.text;

export async function draftDocx(source: DraftSource): Promise<Buffer> {
  const children: Paragraph[] = [];
  for (const line of source.headerLines ?? [])
    children.push(new Paragraph({ children: [new TextRun({ text: line, bold: true })] }));
  if (source.meetingLine)
    children.push(new Paragraph({ text: source.meetingLine }), new Paragraph({ text: 'COVER NOTE' }));
  children.push(new Paragraph({ children: [new TextRun({ text: source.itemLine, bold: true })] }));
  KEYS.forEach((key, i) => {
    children.push(new Paragraph({ text: HEADINGS[i]!, heading: HeadingLevel.HEADING_2 }));
    for (const paragraph of source.content.sections[key] ?? []) {
      children.push(
        new Paragraph({
          children: runsOf(paragraph).map((run) =>
            'footnote' in run ? new FootnoteReferenceRun(run.footnote) : new TextRun(run.text),
          ),
        }),
      );
    }
  });
  const footnotes = Object.fromEntries(
    (source.content.footnotes ?? []).map((f, i) => [i + 1, { children: [new Paragraph(footnoteText(f))] }]),
  );
  return Packer.toBuffer(new Document({ footnotes, sections: [{ children }] }));
}

const FONT = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf', import.meta.url));
const BOLD = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf', import.meta.url));

export async function draftPdf(source: DraftSource): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 70 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', FONT).registerFont('bold', BOLD);
  for (const line of source.headerLines ?? [])
    doc
      .font('bold')
      .fontSize(11)
      .text(line || ' ');
  if (source.meetingLine) {
    doc.moveDown().font('body').fontSize(11).text(source.meetingLine, { align: 'center' });
    doc.moveDown().font('bold').text('COVER NOTE', { align: 'center' });
  }
  doc.moveDown().font('bold').fontSize(12).text(source.itemLine).moveDown();
  KEYS.forEach((key, i) => {
    doc.font('bold').fontSize(12).text(HEADINGS[i]!).moveDown(0.5);
    for (const paragraph of source.content.sections[key] ?? []) {
      const runs = runsOf(paragraph);
      runs.forEach((run, index) => {
        const continued = index < runs.length - 1;
        if ('footnote' in run) doc.font('body').fontSize(7).text(String(run.footnote), { continued, align: 'justify' });
        else
          doc
            .font('body')
            .fontSize(12)
            .text((run as { text: string }).text, { continued, align: 'justify' });
      });
      doc.moveDown(0.5);
    }
  });
  const notes = source.content.footnotes ?? [];
  if (notes.length > 0) {
    doc.moveTo(70, 720).lineTo(250, 720).stroke();
    doc.y = 726;
    notes.forEach((f, i) =>
      doc
        .font('body')
        .fontSize(9)
        .text(`${i + 1} ${footnoteText(f)}`, 70, doc.y, { width: 455 }),
    );
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
