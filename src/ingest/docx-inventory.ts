import { Parser } from 'htmlparser2';
import { readBody } from './docx-objects.js';
import { foldSpaces } from '../domain/note-blocks.js';

/** What a Word file holds besides the text mammoth gives: each is reported, none silently dropped. */
export const OBJECT_KINDS = ['image', 'chart', 'text box', 'equation', 'drawing', 'embedded object'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export interface DocxObject {
  kind: ObjectKind;
  /** The text of the paragraph it stood in, or of the paragraph before it when its own has none. */
  paragraph: string;
  inParagraph: boolean;
  /** Its own text (an equation's, a text box's), if any. */
  text: string;
  /** True when mammoth reads its text into the draft's lines (a text box drawn in VML). */
  read: boolean;
}

export interface DocxInventory {
  /** Insertions, deletions and moves not yet accepted or rejected, in the text and its notes. */
  trackedChanges: number;
  /** Each comment's text. */
  comments: string[];
  objects: DocxObject[];
  /** Per table of the body, in order, per row: whether Word repeats it as a header row. */
  tableHeaders: boolean[][];
  /** The visible text of the body and notes by paragraph (deleted text left out). */
  paragraphs: string[];
  /** Text of the page headers and footers, which mammoth does not read. */
  pageHeaderText: string;
}

const CHANGES = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);
const PROPERTIES = new Set(['w:rPr', 'w:pPr', 'w:trPr']);

/** Reads one part's XML with a real (SAX) parser, calling back with the element names open. */
function walk(
  xml: string,
  handlers: {
    open?: (name: string, attrs: Record<string, string>) => void;
    text?: (t: string) => void;
    close?: (name: string) => void;
  },
) {
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handlers.open?.(name, attrs),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(name),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}

/** The words of each `w:t` by paragraph: what the page shows, deleted text (`w:delText`) aside. */
function paragraphsOf(xml: string): string[] {
  const paragraphs: string[] = [];
  let text = '';
  let inText = 0;
  walk(xml, {
    open: (name) => {
      if (name === 'w:t') inText += 1;
      else if (name === 'w:p' || name === 'w:tab' || name === 'w:br' || name === 'w:tc') text += ' ';
    },
    text: (t) => {
      if (inText > 0) text += t;
    },
    close: (name) => {
      if (name === 'w:t') inText -= 1;
      if (name === 'w:p' && text.trim() !== '') {
        paragraphs.push(foldSpaces(text));
        text = '';
      }
    },
  });
  return paragraphs;
}

function countChanges(xml: string): number {
  let count = 0;
  let properties = 0;
  walk(xml, {
    open: (name) => {
      if (PROPERTIES.has(name)) properties += 1;
      else if (CHANGES.has(name) && properties === 0) count += 1;
    },
    close: (name) => {
      if (PROPERTIES.has(name)) properties -= 1;
    },
  });
  return count;
}

function commentsOf(xml: string | undefined): string[] {
  if (!xml) return [];
  const comments: string[] = [];
  walk(xml, {
    open: (name) => {
      if (name === 'w:comment') comments.push('');
    },
    text: (t) => {
      if (comments.length > 0) comments[comments.length - 1] += t;
    },
  });
  return comments.map(foldSpaces);
}

/**
 * Takes stock of a Word file's XML parts (as zip-guard.ts kept them): pending tracked changes,
 * comments, objects with where they stood, the body tables' header rows (mammoth takes Word's
 * `<w:tblHeader w:val="off"/>` for a header row), and the visible text by paragraph.
 */
export function takeDocxInventory(parts: Map<string, string>): DocxInventory {
  const document = parts.get('word/document.xml') ?? '';
  const notes = ['word/footnotes.xml', 'word/endnotes.xml'].map((name) => parts.get(name) ?? '');
  const pageParts = [...parts.keys()].filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name)).sort();
  return {
    trackedChanges: [document, ...notes].reduce((sum, xml) => sum + countChanges(xml), 0),
    comments: commentsOf(parts.get('word/comments.xml')),
    ...readBody(document),
    paragraphs: [document, ...notes].flatMap(paragraphsOf),
    pageHeaderText: pageParts
      .flatMap((name) => paragraphsOf(parts.get(name)!))
      .join(' ')
      .trim(),
  };
}
