import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';

/**
 * The look of a cover note in Word, close to its PDF: a serif at 12 pt, bold headings, lists
 * hung as Word hangs them. Times New Roman, whose metrics the PDF's Tinos shares: every Word has it,
 * so a rapporteur who starts the next draft from the file sees no substituted font.
 */
export const FONT = 'Times New Roman';
/** Sizes in half-points, as Word counts them. */
export const BODY_SIZE = 24;
export const SMALL_SIZE = 20;

export const ListNumbering = { bullet: 'note-bullet', number: 'note-number' } as const;

const hung = (level: number) => ({
  paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } },
});

/** Level 0 and level 1 (a nested list) of each kind: `•` and `–`; `1.` and `a)`, the markers the PDF prints. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: ListNumbering.bullet,
      levels: [
        { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: hung(0) },
        { level: 1, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: hung(1) },
      ],
    },
    {
      reference: ListNumbering.number,
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: hung(0) },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.LEFT, style: hung(1) },
      ],
    },
  ],
};

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: BODY_SIZE },
      paragraph: { spacing: { after: 160 } },
    },
    // The section headings keep Word's Heading 1 (the navigation pane lists them), in the note's type.
    heading1: {
      run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 0 },
    },
  },
};
