import type { PageFrame } from './paginate.js';
import type { Rgb, TextStyle } from './styled-text.js';
import { DiffOp } from '../../domain/version-diff.js';
import type { ChangeMark } from '../views/note-view.js';
import type { ParagraphFormat } from './typeset.js';

/**
 * The measures of the standard layout (shared/LAYOUT.md): A4 portrait, 2.5 cm margins, a 12 pt
 * serif body with justified paragraphs, bold headings, footnotes under a short rule. Every PDF
 * agendum prints (note, agenda, packet) takes its sizes from here.
 */

const CM = 72 / 2.54;

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 2.5 * CM;
export const TEXT_WIDTH = A4.width - 2 * MARGIN;

/** The body area of a page; the footer lives in the bottom margin. */
export const FRAME: PageFrame = { top: MARGIN, bottom: A4.height - MARGIN };
export const FOOTER_BASELINE = A4.height - 1.4 * CM;
/** The running head (a note's distribution marking) sits in the top margin, as the footer in the bottom one. */
export const HEADER_BASELINE = 1.4 * CM;

export const BLACK: Rgb = [0, 0, 0];
export const LINK_BLUE: Rgb = [0.02, 0.27, 0.6];
export const WATERMARK_GREY: Rgb = [0.86, 0.86, 0.86];

export const BODY_SIZE = 12;
export const BODY_LEADING = 13.8;
export const PARAGRAPH_SPACE = 6;

export const body: TextStyle = { face: 'regular', size: BODY_SIZE };
export const bold: TextStyle = { face: 'bold', size: BODY_SIZE };
export const italic: TextStyle = { face: 'italic', size: BODY_SIZE };
export const headerLine: TextStyle = { face: 'bold', size: 10.5 };
export const title: TextStyle = { face: 'bold', size: 14 };
export const footer: TextStyle = { face: 'regular', size: 9 };
export const footnoteText: TextStyle = { face: 'regular', size: 10 };

/** A superscript marker for a footnote in text of `size` points. */
export const marker = (size: number): TextStyle => ({
  face: 'regular',
  size: Math.round(size * 0.62 * 10) / 10,
  rise: size * 0.36,
});
export const link = (style: TextStyle, href: string): TextStyle => ({ ...style, color: LINK_BLUE, href });

/** A redline's colours; the underline, the strike and the change bar say the same in black and white. */
export const INSERTED_GREEN: Rgb = [0, 0.4, 0.15];
export const DELETED_RED: Rgb = [0.72, 0.07, 0.07];
/** Text inserted or deleted in a redline: coloured, no longer a live link (a deleted URL goes nowhere). */
export const changed = (style: TextStyle, change: ChangeMark): TextStyle => {
  const { href: _href, ...rest } = style;
  return { ...rest, color: change === DiffOp.insert ? INSERTED_GREEN : DELETED_RED, change };
};
/** The change bar of a redline: a vertical rule in the left margin beside every changed line. */
export const CHANGE_BAR = { x: MARGIN - 14, width: 1.5 };

export const justified: ParagraphFormat = { width: TEXT_WIDTH, align: 'justify', leading: BODY_LEADING };
export const leftAligned: ParagraphFormat = { width: TEXT_WIDTH, align: 'left', leading: BODY_LEADING };
export const centred: ParagraphFormat = { width: TEXT_WIDTH, align: 'center', leading: BODY_LEADING };

export const FOOTNOTES = {
  format: { width: TEXT_WIDTH, align: 'left', leading: 11.5, indent: 10 } satisfies ParagraphFormat,
  /** Space above the rule, the rule, space below it. */
  separator: 16,
  ruleGap: 8,
  ruleLength: 2 * 72,
  between: 3,
};

export const DRAFT_MARK = { text: 'DRAFT', style: { face: 'bold', size: 120 } satisfies TextStyle };
