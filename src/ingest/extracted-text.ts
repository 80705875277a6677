import type { ListStyle } from '../domain/note-blocks.js';
import type { IngestWarning } from './ingest-warnings.js';

/**
 * What an extractor (Word, PDF, Markdown, plain text) hands to the cover-note parser: the
 * draft's lines in reading order, each a plain line of text or a line that the file itself marks
 * as a list item, a table row or a heading. Text keeps footnote citations as `[^n]` and links as
 * `[text](url)`; the parser turns both into runs.
 */
export type ExtractedLine = string | ListLine | RowLine | HeadingLine;

/** An item of a list the file made (Word numbering, a Markdown list, a bullet glyph in a PDF). */
export interface ListLine {
  list: ListStyle;
  /** 0 for the list, 1 for a list nested in its item; deeper levels are read as 1. */
  level: number;
  text: string;
}

/** A row of a table; consecutive rows with the same `table` number make one table. */
export interface RowLine {
  table: number;
  cells: string[];
  /** The file marks this row as the table's header row. */
  header: boolean;
}

/** A paragraph the file styles as a heading (Word's Heading n, Markdown's #), with its text as shown. */
export interface HeadingLine {
  heading: string;
}

export interface ExtractedText {
  /** Visual lines (PDF, text) or whole paragraphs (Word). Untrimmed: a line of spaces is the footnote rule. */
  lines: ExtractedLine[];
  /** True when lines are hard-wrapped and paragraphs must be rejoined. */
  wrapped: boolean;
  /**
   * True when a blank line is a real paragraph gap (our PDF reading sees vertical space); in a
   * plain text extraction blank lines also fall inside paragraphs and mean nothing.
   */
  blankLineEndsParagraph?: boolean;
  /** Footnotes found by the extractor itself (Word), referenced as `[^n]` in the lines. */
  footnotes?: string[];
  /** What the extractor saw but could not carry as text: tracked changes, comments, images... */
  warnings?: IngestWarning[];
  /**
   * The file's visible text by paragraph, read apart from the extractor (Word: its XML): the
   * parser quotes in a warning any paragraph whose words reached neither the note nor a warning.
   */
  sourceText?: string[];
}

export type { IngestWarning } from './ingest-warnings.js';

/** An item of a list: told by its `level`, the one field only list lines have. */
export const isListLine = (line: ExtractedLine): line is ListLine => typeof line !== 'string' && 'level' in line;

/** A line's words as a reader sees them: a list item's or heading's text, a row's cells side by side. */
export function lineText(line: ExtractedLine): string {
  if (typeof line === 'string') return line;
  if (isListLine(line)) return line.text;
  if ('cells' in line) return line.cells.join(' ');
  return line.heading;
}
