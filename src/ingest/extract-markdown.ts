import { DomUtils, parseDocument } from 'htmlparser2';
import { Lexer, type Token, type Tokens } from 'marked';
import { ListStyle } from '../domain/note-blocks.js';
import type { ExtractedLine, ExtractedText, IngestWarning } from './extracted-text.js';
import { IngestWarningCode } from './ingest-warnings.js';
import { foldSpaces } from '../domain/note-blocks.js';

/**
 * A Markdown draft read by marked's lexer (CommonMark, with GFM tables), never by hand: each
 * block the file marks up becomes the line the parser expects. A paragraph is one line (so the
 * text is not `wrapped`); footnote citations `[^n]` and definitions `[^n]: text` are kept as
 * written (marked leaves them as text), links become `[text](url)`.
 */
export function extractMarkdown(source: string): ExtractedText {
  const reader = new MarkdownReader();
  reader.blocks(new Lexer({ gfm: true }).lex(source));
  return { lines: reader.lines, wrapped: false, ...(reader.warnings.length > 0 ? { warnings: reader.warnings } : {}) };
}

/** The text of HTML, its entities decoded; comments and tags give nothing. */
const htmlText = (html: string) => DomUtils.textContent(parseDocument(html));
/** Entities (`&amp;`) decoded, every `<` kept as typed: text, not a tag. */
const decoded = (text: string) => htmlText(text.replaceAll('<', '&lt;'));
/** The lines of a block's text, spaces tidied, blank ones left out. */
const textLines = (text: string) =>
  text
    .split('\n')
    .map(foldSpaces)
    .filter((line) => line !== '');
const FOOTNOTE_LINE = /\n(?=\[\^\d{1,3}\]:)/;
/** A list token (by its shape: the word itself is the content model's, see BlockKind). */
const isList = (token: Token): token is Tokens.List => 'ordered' in token && 'items' in token;

class MarkdownReader {
  readonly lines: ExtractedLine[] = [];
  readonly warnings: IngestWarning[] = [];
  private tables = 0;

  blocks(tokens: Token[]): void {
    for (const token of tokens) this.block(token as Tokens.Generic);
  }

  // space, hr and def (a link reference, already resolved into its links) give no line.
  private readonly read: Partial<Record<string, (token: Tokens.Generic) => void>> = {
    heading: (t) => this.lines.push({ heading: foldSpaces(this.inline(t.tokens ?? [])) }),
    // A footnote definition typed right under a paragraph line is its own line, as it starts one.
    paragraph: (t) =>
      this.inline(t.tokens ?? [])
        .split(FOOTNOTE_LINE)
        .forEach((text) => this.pushText(text)),
    text: (t) => this.pushText(t.tokens ? this.inline(t.tokens) : decoded(t.text)),
    list: (t) => this.list(t as Tokens.List, 0),
    table: (t) => this.table(t as Tokens.Table),
    blockquote: (t) => this.quote(t as Tokens.Blockquote),
    code: (t) => this.lines.push(...textLines(t.text)),
    html: (t) => this.lines.push(...textLines(htmlText(t.text))),
  };

  private block(token: Tokens.Generic): void {
    this.read[token.type]?.(token);
  }

  private pushText(text: string): void {
    const line = foldSpaces(text);
    if (line !== '') this.lines.push(line);
  }

  /** Items of a nested list are level 1, and so are those of lists nested deeper (read as level 1). */
  private list(list: Tokens.List, level: number): void {
    const style = list.ordered ? ListStyle.number : ListStyle.bullet;
    for (const item of list.items) {
      const own = item.tokens.filter((t) => !isList(t));
      const text = own.map((t) => this.itemText(t as Tokens.Generic)).filter((s) => s !== '');
      this.lines.push({ list: style, level, text: foldSpaces(text.join(' ')) });
      for (const nested of item.tokens.filter(isList)) this.list(nested, 1);
    }
  }

  private itemText(token: Tokens.Generic): string {
    if (token.type === 'checkbox') return '';
    if (token.type === 'code' || token.type === 'html')
      return foldSpaces(token.type === 'html' ? htmlText(token.text) : token.text);
    return token.tokens ? this.inline(token.tokens) : decoded(token.text ?? '');
  }

  private table(table: Tokens.Table): void {
    this.tables += 1;
    const cells = (row: Tokens.TableCell[]) => row.map((cell) => foldSpaces(this.inline(cell.tokens)));
    const header = cells(table.header);
    // GFM always has a header row; one left blank is a table without one.
    if (header.some((cell) => cell !== '')) this.lines.push({ table: this.tables, cells: header, header: true });
    for (const row of table.rows) this.lines.push({ table: this.tables, cells: cells(row), header: false });
  }

  /** A quotation is text of the note: its blocks as plain lines. */
  private quote(quote: Tokens.Blockquote): void {
    const inner = new MarkdownReader();
    inner.blocks(quote.tokens);
    for (const line of inner.lines) this.pushText(plainText(line));
    this.warnings.push(...inner.warnings);
  }

  private inline(tokens: Token[]): string {
    return tokens.map((token) => this.inlineText(token as Tokens.Generic)).join('');
  }

  private inlineText(token: Tokens.Generic): string {
    switch (token.type) {
      case 'text':
        return token.tokens ? this.inline(token.tokens) : decoded(token.text);
      case 'escape':
      case 'codespan':
        return token.text;
      case 'br':
        return ' ';
      case 'html':
        return /^<br\b/i.test(token.text) ? ' ' : '';
      case 'link':
        // A bare or <angle> URL is kept as typed (GFM's autolink would take a closing "]" with it).
        return token.raw.startsWith('[') ? `[${this.inline(token.tokens ?? [])}](${token.href})` : token.raw;
      case 'image':
        this.warnings.push({
          code: IngestWarningCode.embeddedObject,
          message: `An image${token.text ? ` ("${token.text}")` : ''} in the Markdown draft was left out.`,
        });
        return '';
      default:
        // strong, em, del and any other inline: its own text.
        return token.tokens ? this.inline(token.tokens) : decoded(token.text ?? '');
    }
  }
}

function plainText(line: ExtractedLine): string {
  if (typeof line === 'string') return line;
  if ('heading' in line) return line.heading;
  if ('cells' in line) return line.cells.join(' ');
  return line.text;
}
