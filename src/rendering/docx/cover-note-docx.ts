import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type Table,
} from 'docx';
import type { FootnoteView, NoteView } from '../views/note-view.js';
import { blockElements, type ListInstances } from './docx-blocks.js';
import { coreProperties } from './docx-properties.js';
import { NUMBERING, SMALL_SIZE, STYLES } from './docx-styles.js';
import { isAllowedUrl } from '../../domain/link-url.js';

/**
 * A cover note as a Word document, in the standard layout (shared/LAYOUT.md): the network's
 * header lines, the meeting line, COVER NOTE, the item line, the three numbered headings with
 * their paragraphs, lists and tables, and the footnotes as Word footnotes. Built from the same
 * view model as the PDF and the pages, so that a rapporteur can start the next draft from it,
 * and uploading it again gives back the same content.
 *
 * The headings carry their number as typed text, as the real notes do: every reader (and our own
 * parser) recognises them, whatever it makes of Word's numbering. The file is a working copy, not
 * the distributed note: the distribution marking and the draft label, which the PDF prints on
 * every page, stand in the document's properties. In the page header they would go stale in the
 * next draft, and an upload would report them as text left out of the note.
 */

const MARGIN = 1417; // 2.5 cm, in twentieths of a point
const A4 = { width: 11906, height: 16838 };

/** `text [source: URL]`: the form the seeds cite a source in, and the form the parser reads back. */
function footnoteParagraph(note: FootnoteView): Paragraph {
  const source = !note.sourceUrl
    ? []
    : !isAllowedUrl(note.sourceUrl)
      ? [new TextRun(` [source: ${note.sourceUrl}]`)]
      : [
          new TextRun(' [source: '),
          new ExternalHyperlink({
            link: note.sourceUrl,
            children: [new TextRun({ text: note.sourceUrl, style: 'Hyperlink' })],
          }),
          new TextRun(']'),
        ];
  return new Paragraph({ style: 'FootnoteText', children: [new TextRun(note.text), ...source] });
}

function preamble(view: NoteView): Paragraph[] {
  const bold = (text: string) => [new TextRun({ text, bold: true })];
  return [
    ...view.headerLines.map((line) => new Paragraph({ children: bold(line), spacing: { after: 0 } })),
    new Paragraph({ children: [], spacing: { after: 240 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(view.meetingLine)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: bold(view.heading), spacing: { after: 240 } }),
    new Paragraph({
      children: bold(`${view.itemNumber}\t${view.itemTitle}`),
      tabStops: [{ type: 'left', position: 850 }],
    }),
  ];
}

function body(view: NoteView): (Paragraph | Table)[] {
  let count = 0;
  const instances: ListInstances = { next: () => ++count };
  return view.sections.flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    ...section.blocks.flatMap((block) => blockElements(block, instances)),
  ]);
}

export function buildNoteDocument(view: NoteView): Document {
  // The page number only: a field, no text of its own, so an upload of the file has nothing in
  // its footer to report as unread.
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ size: SMALL_SIZE, children: [PageNumber.CURRENT] })],
  });
  return new Document({
    title: view.documentTitle,
    subject: view.subject,
    creator: 'agendum',
    styles: STYLES,
    numbering: NUMBERING,
    footnotes: Object.fromEntries(view.footnotes.map((note) => [note.number, { children: [footnoteParagraph(note)] }])),
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        footers: { default: new Footer({ children: [pageNumber] }) },
        children: [...preamble(view), ...body(view)],
      },
    ],
  });
}

/**
 * The .docx bytes of a note. Word's "created" and "modified" are the version's own time, not
 * the moment of the download: the file tells when its text was written.
 */
export async function renderNoteDocx(view: NoteView): Promise<Buffer> {
  return Packer.toBuffer(buildNoteDocument(view), false, [coreProperties(view)]);
}
