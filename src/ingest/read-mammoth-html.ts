import { Parser } from 'htmlparser2';
import { ListStyle } from '../domain/note-blocks.js';
import type { ExtractedLine, ExtractedText } from './extracted-text.js';
import { IngestWarningCode, type IngestWarning } from './ingest-warnings.js';
import { foldSpaces } from '../domain/note-blocks.js';

/** Elements that end a line of text (in a cell or a list item: that put a space). */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'br']);
const HEADING = /^h[1-6]$/;
/** Mammoth's ids: `<li id="footnote-1">` holds a note, `<a href="#footnote-1" id="footnote-ref-1">` cites it. */
const NOTE_ID = /^(?:foot|end)note-(?!ref-)/;
/** The `↑` link at the end of a note, back to where it is cited. */
const BACK_LINK = /^#(?:foot|end)note-ref-/;

type Part = string | { citedNote: string };
type Shape = { plain: true } | { heading: true } | { list: ListStyle; level: number };
type Pending = { parts: Part[]; shape: Shape } | { cells: Part[][]; table: number; header: boolean };

/**
 * A Word document's lines and footnotes from the HTML mammoth makes of it, read by a real HTML
 * parser (which also decodes every entity). Paragraphs are plain lines; `<h1>`-`<h6>` heading
 * lines; the items of `<ul>`/`<ol>` list lines (nesting gives the level); each `<tr>` a row of
 * its table, the text of a cell joined into one (a table inside a cell is flattened, with a
 * warning). A citation becomes `[^n]`, n being the note's place among the notes at the end; a
 * link `[text](url)`; the notes' own list and their back links are no lines of text.
 */
export function readMammothHtml(html: string): ExtractedText {
  const out: Pending[] = [];
  const footnotes: string[] = [];
  const noteOrder: string[] = [];
  const warnings: IngestWarning[] = [];
  let parts: Part[] = [];
  let shape: Shape = { plain: true };
  /** The note being read, and the depth of its `<li>` (a note may hold a list of its own). */
  let note: { id: string; text: string; depth: number } | null = null;
  let liDepth = 0;
  const lists: ListStyle[] = [];
  /** One entry per open `<a>`: a note citation or back link (no text), a link (its URL), or neither. */
  const anchors: ({ skip: true } | { href: string } | null)[] = [];
  let tables = 0;
  let tableCount = 0;
  let nestedWarned = false;
  let row: { cells: Part[][]; header: boolean } | null = null;
  let cell: Part[] | null = null;

  const target = (): Part[] | null => (note ? null : (cell ?? parts));
  const push = (text: string) => {
    if (note) note.text += text;
    else target()!.push(text);
  };
  const endLine = (next: Shape = shape) => {
    if (parts.length > 0) out.push({ parts, shape });
    parts = [];
    shape = next;
  };
  const inItem = () => 'level' in shape;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a') return openAnchor(attributes);
        if (name === 'li') liDepth += 1;
        if (name === 'li' && !note && NOTE_ID.test(attributes.id ?? '')) {
          note = { id: attributes.id!, text: '', depth: liDepth };
          return;
        }
        if (note) {
          if (BLOCKS.has(name)) note.text += ' ';
          return;
        }
        if (tables > 0) return openInTable(name);
        if (name === 'table') {
          // A table at the top level: the line before it ends, its rows follow.
          endLine({ plain: true });
          tables = 1;
          tableCount += 1;
          nestedWarned = false;
        } else if (name === 'ul' || name === 'ol') {
          endLine();
          lists.push(name === 'ul' ? ListStyle.bullet : ListStyle.number);
        } else if (name === 'li')
          endLine({ list: lists.at(-1) ?? ListStyle.bullet, level: Math.max(0, lists.length - 1) });
        else if (HEADING.test(name)) endLine({ heading: true });
        else if (name === 'p' || name === 'br') {
          if (inItem()) parts.push(' ');
          else endLine({ plain: true });
        }
      },
      ontext(text) {
        if (anchors.some((a) => a !== null && 'skip' in a)) return;
        push(text);
      },
      onclosetag(name) {
        if (name === 'a') return closeAnchor();
        if (name === 'li' && note && note.depth === liDepth) {
          noteOrder.push(note.id);
          footnotes.push(foldSpaces(note.text));
          note = null;
          liDepth -= 1;
          return;
        }
        if (name === 'li') liDepth -= 1;
        if (note) {
          if (BLOCKS.has(name)) note.text += ' ';
          return;
        }
        if (tables > 0) return closeInTable(name);
        if (name === 'ul' || name === 'ol') {
          endLine({ plain: true });
          lists.pop();
        } else if (name === 'li') endLine({ plain: true });
        else if (HEADING.test(name) || ((name === 'p' || name === 'br') && !inItem())) endLine({ plain: true });
      },
    },
    { decodeEntities: true },
  );

  function openAnchor(attributes: Record<string, string>) {
    const href = attributes.href ?? '';
    const cites = href.startsWith('#') && NOTE_ID.test(href.slice(1)) && attributes.id !== undefined;
    if (cites && !note) target()!.push({ citedNote: href.slice(1) });
    if (cites || BACK_LINK.test(href)) anchors.push({ skip: true });
    else if (href !== '' && !href.startsWith('#') && !note) {
      anchors.push({ href });
      push('[');
    } else anchors.push(null);
  }
  function closeAnchor() {
    const anchor = anchors.pop();
    if (anchor && 'href' in anchor) push(`](${anchor.href})`);
  }
  function openInTable(name: string) {
    if (name === 'table') {
      tables += 1;
      if (!nestedWarned) {
        nestedWarned = true;
        warnings.push({
          code: IngestWarningCode.nestedTable,
          message: `A table inside a cell of table ${tableCount} was read as the text of that cell.`,
        });
      }
    } else if (name === 'tr' && tables === 1) row = { cells: [], header: false };
    else if ((name === 'td' || name === 'th') && tables === 1) {
      cell = [];
      if (name === 'th' && row) row.header = true;
    } else if (BLOCKS.has(name) && cell) cell.push(' ');
  }
  function closeInTable(name: string) {
    if (name === 'table') {
      tables -= 1;
      return;
    }
    if ((name === 'td' || name === 'th') && tables === 1 && cell && row) {
      row.cells.push(cell);
      cell = null;
    } else if (name === 'tr' && tables === 1 && row) {
      if (row.cells.length > 0) out.push({ ...row, table: tableCount });
      row = null;
    } else if (BLOCKS.has(name) && cell) cell.push(' ');
  }

  parser.end(html);
  endLine();

  // Citations come before the notes in the HTML: numbered once every note has been seen.
  const marker = (id: string) => {
    const n = noteOrder.indexOf(id) + 1;
    return n > 0 ? `[^${n}]` : '';
  };
  const text = (line: Part[]) =>
    foldSpaces(line.map((p) => (typeof p === 'string' ? p : marker(p.citedNote))).join(''));
  const lines: ExtractedLine[] = out.flatMap((line): ExtractedLine[] => {
    if ('cells' in line) return [{ table: line.table, cells: line.cells.map(text), header: line.header }];
    const written = text(line.parts);
    if (written === '') return [];
    if ('level' in line.shape) return [{ list: line.shape.list, level: line.shape.level, text: written }];
    return 'heading' in line.shape ? [{ heading: written }] : [written];
  });
  return { lines, wrapped: false, footnotes, ...(warnings.length > 0 && { warnings }) };
}
