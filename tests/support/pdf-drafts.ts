import PDFDocument from 'pdfkit';
import { fileURLToPath } from 'node:url';

/**
 * PDFs laid out line by line at stated places, as a word processor prints lists and tables:
 * each text row is a list of parts (x, text, bold, a width to wrap in), a rule is a drawn line
 * (not text), a gap is space between paragraphs, a new page starts at the top margin. Body type is 12 pt DejaVu Serif, left margin 70.
 */
export interface Part {
  at: number;
  text: string;
  bold?: boolean;
  /** Wrap the text in this width, its wrapped lines starting at `at` again. */
  width?: number;
}
export type DrawnRow = Part[] | { rule: [number, number] } | { gap: number } | { newPage: true };

const FONT = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf', import.meta.url));
const BOLD = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf', import.meta.url));
const SIZE = 12;

export async function drawnPdf(rows: DrawnRow[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 70 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', FONT).registerFont('bold', BOLD);
  let y = 70;
  for (const row of rows) {
    if ('newPage' in row) {
      doc.addPage();
      y = 70;
    } else if ('gap' in row) y += row.gap;
    else if ('rule' in row) {
      doc
        .moveTo(row.rule[0], y + 1)
        .lineTo(row.rule[1], y + 1)
        .lineWidth(0.5)
        .stroke();
      y += 3;
    } else {
      let bottom = y;
      for (const part of row) {
        doc.font(part.bold ? 'bold' : 'body').fontSize(SIZE);
        const width = part.width ?? 525 - part.at;
        doc.text(part.text, part.at, y, { width, lineBreak: part.width !== undefined });
        bottom = Math.max(bottom, doc.y);
      }
      y = bottom;
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A paragraph of body text at the margin. */
export const line = (text: string, bold = false): Part[] => [{ at: 70, text, bold }];
/** A list item with its marker hung at 88 and its text at 106 (wrapped in `width`), or one level deeper. */
export const item = (marker: string, text: string, options: { nested?: boolean; width?: number } = {}): Part[] => {
  const indent = options.nested ? 18 : 0;
  return [
    { at: 88 + indent, text: marker },
    { at: 106 + indent, text, width: options.width ?? 400 - indent },
  ];
};
/** A table row: one cell at each of the column starts. */
export const cells = (starts: number[], texts: string[], bold = false): Part[] =>
  texts.map((text, i) => ({ at: starts[i]!, text, bold }));

/** A table ruled above, between and below its rows, its first row (the header) in bold. */
export function ruledTable(starts: number[], [header, ...rows]: string[][], ruleEnd = 500): DrawnRow[] {
  const rule: DrawnRow = { rule: [starts[0]!, ruleEnd] };
  return [rule, cells(starts, header!, true), rule, ...rows.flatMap((row) => [cells(starts, row), rule])];
}

/** The meetings table of the list/table note: a header and two rows with dates. */
export const MEETINGS = [
  ['Date', 'Meeting', 'Place'],
  ['29 January 2020', 'First meeting', 'Brussels'],
  ['3 March 2020', 'Second meeting', 'Online'],
];

/** A draft's PDF with hung bullets, an indented numbered list with a nested item, and a ruled table. */
export function listTablePdf(): Promise<Buffer> {
  const COLUMNS = [70, 210, 350];
  return drawnPdf([
    line('1  An agenda item', true),
    { gap: 12 },
    line('1. Issue at stake', true),
    { gap: 6 },
    line('The work stream reports on the security of health systems.'),
    { gap: 12 },
    line('2. Summary', true),
    { gap: 6 },
    line('The work stream met three times:'),
    item('•', 'in Brussels, to agree the mandate;'),
    item('•', 'online, to review the risk register;'),
    item('•', 'in Lisbon, with the ENISA experts.'),
    { gap: 6 },
    line('Its next steps:'),
    item('1.', 'a survey of Member States;'),
    item('2.', 'a report, in two parts:'),
    item('a)', 'the findings;', { nested: true }),
    item('3.', 'a workshop.'),
    { gap: 12 },
    ...ruledTable(COLUMNS, MEETINGS),
    { gap: 12 },
    line('3. Format of procedure in the meeting', true),
    { gap: 6 },
    line('For information.'),
  ]);
}
