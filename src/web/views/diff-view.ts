import { diffArrays, diffWords } from 'diff';
import { blockLines, collapseSpaces, isFootnoteMarker, type Block, type Inline } from '../../domain/note-blocks.js';
import { SECTION_HEADINGS, SECTION_KEYS, type Footnote, type NoteContent } from '../../domain/note-content.js';
import { plural } from '../../domain/plural.js';
import { DiffOp } from '../../domain/version-diff.js';
import type { ItemView } from '../../services/presenters.js';

/**
 * Two versions side by side, paragraph by paragraph. Built here from the two versions' content
 * rather than from the API's diff (one word-level diff per section, whitespace included): a
 * paragraph is compared with the paragraph it replaced, whitespace alone is no change, and
 * footnote markers stay footnotes.
 */

// A footnote marker inside a paragraph's text while it is compared: it never matches a word.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

type Op = DiffOp;
interface Segment {
  text: string;
  footnote: number | null;
}
interface Part {
  op: Op;
  isInsert: boolean;
  isDelete: boolean;
  segments: Segment[];
}

const runText = (runs: Inline[]) =>
  runs.map((r) => (isFootnoteMarker(r) ? `${OPEN}${r.footnote}${CLOSE}` : r.text)).join('');

/** Each block as the lines a reader sees (list items and table rows one per line), whitespace folded. */
export const paragraphTexts = (blocks: readonly Block[]) =>
  blocks.map((block) =>
    blockLines(block, runText)
      .map((line) => collapseSpaces(line).trim())
      .join('\n'),
  );

const blockTexts = (content: NoteContent, key: (typeof SECTION_KEYS)[number]) => paragraphTexts(content.sections[key]);

/** Each footnote as one line to compare, its source after it. */
export const footnoteTexts = (footnotes: readonly Footnote[]) =>
  footnotes.map((f) => collapseSpaces(`${f.text}${f.sourceUrl ? ` [source: ${f.sourceUrl}]` : ''}`).trim());

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index), footnote: null });
    segments.push({ text: '', footnote: Number(match[1]) });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), footnote: null });
  return segments;
}

const part = (op: Op, text: string): Part => ({
  op,
  isInsert: op === DiffOp.insert,
  isDelete: op === DiffOp.delete,
  segments: segmentsOf(text),
});

interface Row {
  changed: boolean;
  before: Part[] | null;
  after: Part[] | null;
}

/** One paragraph against the one it replaced: words inserted and deleted, whitespace ignored. */
function comparePair(before: string, after: string): Row {
  const changes = diffWords(before, after);
  const old: Part[] = [];
  const now: Part[] = [];
  for (const change of changes) {
    if (!change.added) old.push(part(change.removed ? DiffOp.delete : DiffOp.equal, change.value));
    if (!change.removed) now.push(part(change.added ? DiffOp.insert : DiffOp.equal, change.value));
  }
  return { changed: changes.some((c) => c.added || c.removed), before: old, after: now };
}

/** Paragraphs aligned: unchanged ones side by side, a replaced one against its replacement, the rest alone. */
export function compareParagraphs(before: string[], after: string[]): Row[] {
  const rows: Row[] = [];
  const changes = diffArrays(before, after);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value)
        rows.push({ changed: false, before: [part(DiffOp.equal, text)], after: [part(DiffOp.equal, text)] });
      continue;
    }
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const pairs = Math.max(change.value.length, next.value.length);
      for (let j = 0; j < pairs; j++) {
        const old = change.value[j];
        const now = next.value[j];
        if (old !== undefined && now !== undefined) rows.push(comparePair(old, now));
        else if (old !== undefined) rows.push({ changed: true, before: [part(DiffOp.delete, old)], after: null });
        else rows.push({ changed: true, before: null, after: [part(DiffOp.insert, now!)] });
      }
      i++;
      continue;
    }
    for (const text of change.value)
      rows.push(
        change.added
          ? { changed: true, before: null, after: [part(DiffOp.insert, text)] }
          : { changed: true, before: [part(DiffOp.delete, text)], after: null },
      );
  }
  return rows;
}

export type DiffRow = Row;

export const countParts = (rows: Row[], op: Op) =>
  rows.flatMap((r) => [...(r.before ?? []), ...(r.after ?? [])]).filter((p) => p.op === op).length;

/** Two versions of a note compared, section by section, numbered as the note numbers them. */
export function diffView(
  item: ItemView,
  from: { number: number; content: NoteContent },
  to: { number: number; content: NoteContent },
) {
  const sections = SECTION_KEYS.map((key, i) => ({
    heading: `${i + 1}. ${SECTION_HEADINGS[key]}`,
    rows: compareParagraphs(blockTexts(from.content, key), blockTexts(to.content, key)),
  }));
  const footnotes = compareParagraphs(footnoteTexts(from.content.footnotes), footnoteTexts(to.content.footnotes));
  const all = [...sections.flatMap((s) => s.rows), ...footnotes];
  const insertions = countParts(all, DiffOp.insert);
  const deletions = countParts(all, DiffOp.delete);
  return {
    item,
    from: from.number,
    to: to.number,
    summary: `${plural(insertions, 'insertion', 'insertions')}, ${plural(deletions, 'deletion', 'deletions')}`,
    identical: insertions === 0 && deletions === 0,
    sections,
    footnotes,
  };
}
