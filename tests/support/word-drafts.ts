import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Math as MathEquation,
  MathRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  type ParagraphChild,
} from 'docx';

/**
 * Word drafts as rapporteurs make them, not as agendum writes them: section numbers from Word's
 * list numbering or a numbered heading style (never typed), bullets from a bullet list, a table
 * of dates, pending tracked changes and a comment. The expected parse of each is written out
 * literally in the tests that use them.
 */

const CHANGE = { author: 'A. Rapporteur', date: '2020-10-01T10:00:00Z' };

/** Word's own numbering definitions: `%1.` for numbered headings, a bullet for lists. */
const NUMBERING = {
  config: [
    {
      reference: 'headings',
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
    },
    {
      reference: 'agenda',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, start: 9 },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.LEFT },
      ],
    },
    {
      reference: 'bullets',
      levels: [
        { level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.BULLET, text: '\u2013', alignment: AlignmentType.LEFT },
      ],
    },
  ],
};

/** A section heading numbered by Word's list numbering: the page shows "1. Issue at stake". */
export const listNumberedHeading = (text: string) =>
  new Paragraph({ numbering: { reference: 'headings', level: 0 }, children: [new TextRun({ text, bold: true })] });

/** An agenda item's heading in a summary report, numbered by Word (`9.`, `9.1.`): the number is in no text. */
export const agendaNumberedHeading = (text: string, level: 0 | 1) =>
  new Paragraph({ numbering: { reference: 'agenda', level }, children: [new TextRun({ text, bold: true })] });

/** A heading style without a typed number (Word's numbered heading styles show a number mammoth does not give). */
export const styledHeading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });

export const bullet = (text: string, level = 0) => new Paragraph({ text, numbering: { reference: 'bullets', level } });

export const plain = (...children: (string | ParagraphChild)[]) =>
  new Paragraph({ children: children.map((c) => (typeof c === 'string' ? new TextRun(c) : c)) });

export const link = (text: string, url: string) =>
  new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: 'Hyperlink' })] });

export const table = (rows: string[][], options: { header?: boolean } = {}) =>
  new Table({
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: options.header === true && i === 0,
          children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })),
        }),
    ),
  });

export const inserted = (text: string, id: number) => new InsertedTextRun({ text, id, ...CHANGE });
export const deleted = (text: string, id: number) => new DeletedTextRun({ text, id, ...CHANGE });

/** Word's "Heading 1" as a house template defines it: numbered by the style itself, not by the paragraph. */
const NUMBERED_HEADING_STYLE = {
  paragraphStyles: [
    {
      id: 'Heading1',
      name: 'Heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { bold: true },
      paragraph: { numbering: { reference: 'headings', level: 0 } },
    },
  ],
};

/** A 1×1 PNG: an image as a rapporteur pastes one (a logo, a chart exported as a picture). */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const image = () => new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 20, height: 20 } });
export const textBox = (text: string) =>
  new Textbox({ children: [new Paragraph(text)], style: { width: '2in', height: 'auto' } });
export const equation = (text: string) => new MathEquation({ children: [new MathRun(text)] });

export async function wordDraft(
  children: (Paragraph | Table)[],
  options: {
    comments?: { id: number; text: string }[];
    numberedHeadingStyle?: boolean;
    /** Word footnotes by number, cited with `new FootnoteReferenceRun(n)`. */
    footnotes?: Record<number, string>;
  } = {},
): Promise<Buffer> {
  const comments = {
    children: (options.comments ?? []).map((c) => ({
      id: c.id,
      author: CHANGE.author,
      date: new Date(CHANGE.date),
      children: [new Paragraph(c.text)],
    })),
  };
  const styles = options.numberedHeadingStyle ? NUMBERED_HEADING_STYLE : undefined;
  const footnotes = Object.fromEntries(
    Object.entries(options.footnotes ?? {}).map(([n, text]) => [n, { children: [new Paragraph(text)] }]),
  );
  return Packer.toBuffer(new Document({ numbering: NUMBERING, styles, comments, footnotes, sections: [{ children }] }));
}

/** The item line of the drafts below. */
export const ITEM_LINE = '9.3  Health data in practice';

/**
 * The draft of the acceptance: headings by list numbering; a bulleted list of three items and a
 * 3×2 table of dates in the summary; two pending tracked changes (an insertion and a deletion)
 * and a comment.
 */
export function listTableDraft(): Promise<Buffer> {
  return wordDraft(
    [
      plain(new TextRun({ text: ITEM_LINE, bold: true })),
      listNumberedHeading('Issue at stake'),
      plain('The network is asked to take stock of the ', inserted('second ', 1), deleted('first ', 2), 'pilot.'),
      listNumberedHeading('Summary'),
      plain(
        new CommentRangeStart(0),
        'Three Member States reported:',
        new CommentRangeEnd(0),
        new TextRun({ children: [new CommentReference(0)] }),
      ),
      bullet('Estonia connected its hospitals.'),
      bullet('Finland opened the patient summary service.'),
      bullet('Portugal tested e-prescriptions.'),
      plain('The next dates are set:'),
      table([
        ['Kick-off', '29 January 2020'],
        ['Workshop', '12 March 2020'],
        ['Report', '30 June 2020'],
      ]),
      listNumberedHeading('Format of procedure in the meeting'),
      plain('For information.'),
    ],
    { comments: [{ id: 0, text: 'Check the figures.' }] },
  );
}

/** Headings in a numbered heading style (the number is in no text). */
export function styleNumberedDraft(): Promise<Buffer> {
  return wordDraft(
    [
      plain(new TextRun({ text: ITEM_LINE, bold: true })),
      styledHeading('Issue at stake'),
      plain('Stake.'),
      styledHeading('Summary'),
      plain('Sum.'),
      styledHeading('Format of procedure in the meeting'),
      plain('For adoption.'),
    ],
    { numberedHeadingStyle: true },
  );
}

/** Images (in a paragraph with text and alone), a text box and an equation in the summary. */
export function objectsDraft(): Promise<Buffer> {
  return wordDraft([
    listNumberedHeading('Summary'),
    plain('The logo ', image(), ' stands here.'),
    plain(image()),
    plain('See the box: ', textBox('Boxed words')),
    plain('The area is ', equation('x = 2'), ' square metres.'),
  ]);
}

/** The draft of the acceptance, as its reader must see it: stated here, not derived from the parser. */
export const LIST_TABLE_CONTENT = {
  sections: {
    issueAtStake: [[{ text: 'The network is asked to take stock of the second pilot.' }]],
    summary: [
      [{ text: 'Three Member States reported:' }],
      {
        block: 'list',
        style: 'bullet',
        items: [
          { runs: [{ text: 'Estonia connected its hospitals.' }] },
          { runs: [{ text: 'Finland opened the patient summary service.' }] },
          { runs: [{ text: 'Portugal tested e-prescriptions.' }] },
        ],
      },
      [{ text: 'The next dates are set:' }],
      {
        block: 'table',
        header: [],
        rows: [
          [[{ text: 'Kick-off' }], [{ text: '29 January 2020' }]],
          [[{ text: 'Workshop' }], [{ text: '12 March 2020' }]],
          [[{ text: 'Report' }], [{ text: '30 June 2020' }]],
        ],
      },
    ],
    procedure: [[{ text: 'For information.' }]],
  },
  footnotes: [],
};
