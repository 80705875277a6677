import { Parser } from 'htmlparser2';
import type { ExtractedText } from './extracted-text.js';

/** Elements whose start or end ends a line: paragraphs, headings, list items, table cells, breaks. */
const LINE_ENDS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'br']);
/** Mammoth's ids: `<li id="footnote-1">` holds a note, `<a href="#footnote-1" id="footnote-ref-1">` cites it. */
const NOTE_ID = /^(?:foot|end)note-(?!ref-)/;
/** The `↑` link at the end of a note, back to where it is cited. */
const BACK_LINK = /^#(?:foot|end)note-ref-/;

type Part = string | { citedNote: string };

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A Word document's lines and footnotes from the HTML mammoth makes of it, read by a real HTML
 * parser (which also decodes every entity). A citation becomes `[^n]`, n being the note's place
 * among the notes at the end; the notes' own list and their back links are no lines of text.
 */
export function readMammothHtml(html: string): ExtractedText {
  const lines: Part[][] = [];
  const footnotes: string[] = [];
  const noteOrder: string[] = [];
  let line: Part[] = [];
  /** The note being read, and the depth of its `<li>` (a note may hold a list of its own). */
  let note: { id: string; text: string; depth: number } | null = null;
  let listDepth = 0;
  /** One entry per open `<a>`: true when its text is a marker or a back link, not text. */
  const anchors: boolean[] = [];

  const endLine = () => {
    if (note) note.text += ' ';
    else if (line.length > 0) {
      lines.push(line);
      line = [];
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a') {
          const href = attributes.href ?? '';
          const cites = href.startsWith('#') && NOTE_ID.test(href.slice(1)) && attributes.id !== undefined;
          if (cites && !note) line.push({ citedNote: href.slice(1) });
          anchors.push(cites || BACK_LINK.test(href));
          return;
        }
        if (name === 'li') listDepth += 1;
        if (name === 'li' && !note && NOTE_ID.test(attributes.id ?? '')) {
          note = { id: attributes.id!, text: '', depth: listDepth };
          return;
        }
        if (LINE_ENDS.has(name)) endLine();
      },
      ontext(text) {
        if (anchors.some(Boolean)) return;
        if (note) note.text += text;
        else line.push(text);
      },
      onclosetag(name) {
        if (name === 'a') {
          anchors.pop();
          return;
        }
        if (name === 'li' && note && note.depth === listDepth) {
          noteOrder.push(note.id);
          footnotes.push(collapse(note.text));
          note = null;
          listDepth -= 1;
          return;
        }
        if (name === 'li') listDepth -= 1;
        if (LINE_ENDS.has(name)) endLine();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  endLine();

  // Citations come before the notes in the HTML: numbered once every note has been seen.
  const marker = (id: string) => {
    const n = noteOrder.indexOf(id) + 1;
    return n > 0 ? `[^${n}]` : '';
  };
  const text = (parts: Part[]) =>
    collapse(parts.map((p) => (typeof p === 'string' ? p : marker(p.citedNote))).join(''));
  return { lines: lines.map(text).filter((l) => l !== ''), wrapped: false, footnotes };
}
