import { BlockKind, foldSpaces, isFootnoteMarker, type Inline } from '../../domain/note-blocks.js';
import { SECTION_KEYS } from '../../domain/note-content.js';
import { plural } from '../../domain/plural.js';
import { alignBlocks, diffInlines, DiffOp, type ChangedInline } from '../../domain/version-diff.js';
import type { BlockView, FootnoteView, InlineView, ListItemView, NoteView, SectionView } from './note-view.js';

/**
 * Two printed views of a note compared into one: the later text in the standard layout, with
 * what was inserted and deleted marked on its runs (the domain's word diff, paragraph by
 * paragraph, whitespace folded: a text that only wraps differently is no change), and the
 * sentence of the first page's box that counts the changes.
 */

export interface RedlineView extends NoteView {
  /** `Changes from revision 1 (12 November 2020): 3 insertions, 2 deletions, <reason>` */
  changeSummary: string;
  insertions: number;
  deletions: number;
  /** The footer's left text: `Changes from revision 1 to revision 2` */
  footerLabel: string;
}

export interface RedlineWords {
  /** What the earlier side is called in the box: `revision 1 (12 November 2020)`, `version 2 to version 3`. */
  from: string;
  /** Why the later side was released, ended by the box's sentence. */
  reason?: string | null;
  footer: string;
}

interface Tally {
  insertions: number;
  deletions: number;
}

const toInline = (run: InlineView): Inline =>
  run.kind === 'footnote' ? { footnote: run.number } : { text: run.text, ...(run.href ? { href: run.href } : {}) };

function markedRun({ op, inline }: ChangedInline): InlineView {
  const change = op === DiffOp.equal ? {} : { change: op };
  if (!isFootnoteMarker(inline))
    return { kind: 'text', text: inline.text, ...(inline.href ? { href: inline.href } : {}), ...change };
  // A deleted marker points at a footnote the later text no longer numbers: said in words.
  if (op === DiffOp.delete) return { kind: 'text', text: ` (footnote ${inline.footnote})`, change: DiffOp.delete };
  return { kind: 'footnote', number: inline.footnote, ...change };
}

/** One paragraph's runs compared; each unbroken stretch of inserted (deleted) runs counts once. */
function compareRuns(before: InlineView[], after: InlineView[], tally: Tally): InlineView[] {
  const changes = diffInlines(before.map(toInline), after.map(toInline));
  let previous: DiffOp = DiffOp.equal;
  for (const { op } of changes) {
    if (op !== previous && op === DiffOp.insert) tally.insertions += 1;
    if (op !== previous && op === DiffOp.delete) tally.deletions += 1;
    previous = op;
  }
  return changes.map(markedRun);
}

/** Runs that are only on one side: wholly inserted or wholly deleted. */
const onlyOn = (runs: InlineView[], op: DiffOp, tally: Tally) =>
  op === DiffOp.insert ? compareRuns([], runs, tally) : compareRuns(runs, [], tally);

/** A block's comparison key: its content with whitespace folded. */
const keyOf = (value: unknown) =>
  JSON.stringify(value, (key, v: unknown) => (key === 'text' && typeof v === 'string' ? foldSpaces(v) : v));

function compareItems(before: ListItemView[], after: ListItemView[], tally: Tally): ListItemView[] {
  return alignBlocks(before, after, keyOf).map(({ before: b, after: a }) => {
    const item = (a ?? b)!;
    const runs =
      b && a ? compareRuns(b.runs, a.runs, tally) : onlyOn(item.runs, a ? DiffOp.insert : DiffOp.delete, tally);
    if (!b?.sublist && !a?.sublist) return { marker: item.marker, runs };
    const sub = compareItems(b?.sublist?.items ?? [], a?.sublist?.items ?? [], tally);
    return { marker: item.marker, runs, sublist: { ordered: (a ?? b)!.sublist!.ordered, items: sub } };
  });
}

function compareCells(before: InlineView[][], after: InlineView[][], tally: Tally): InlineView[][] {
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) =>
    compareRuns(before[i] ?? [], after[i] ?? [], tally),
  );
}

/** A whole block inserted or deleted: every run of it marked. */
function wholly(block: BlockView, op: DiffOp, tally: Tally): BlockView {
  if (block.kind === BlockKind.paragraph) return { ...block, runs: onlyOn(block.runs, op, tally) };
  if (block.kind === BlockKind.list) {
    const [b, a] = op === DiffOp.insert ? [[], block.items] : [block.items, []];
    return { ...block, items: compareItems(b, a, tally) };
  }
  const rows = (cells: InlineView[][]) => cells.map((cell) => onlyOn(cell, op, tally));
  return { ...block, header: rows(block.header), rows: block.rows.map(rows) };
}

function compareBlocks(before: BlockView | null, after: BlockView | null, tally: Tally): BlockView[] {
  if (before?.kind === BlockKind.paragraph && after?.kind === BlockKind.paragraph)
    return [{ kind: BlockKind.paragraph, runs: compareRuns(before.runs, after.runs, tally) }];
  if (before?.kind === BlockKind.list && after?.kind === BlockKind.list)
    return [{ ...after, items: compareItems(before.items, after.items, tally) }];
  if (before?.kind === BlockKind.table && after?.kind === BlockKind.table) {
    const rows = alignBlocks(before.rows, after.rows, keyOf).map(({ before: b, after: a }) =>
      compareCells(b ?? [], a ?? [], tally),
    );
    const columns = Math.max(before.columns, after.columns);
    return [{ ...after, columns, header: compareCells(before.header, after.header, tally), rows }];
  }
  return [
    ...(before ? [wholly(before, DiffOp.delete, tally)] : []),
    ...(after ? [wholly(after, DiffOp.insert, tally)] : []),
  ];
}

function compareSections(before: SectionView[], after: SectionView[], tally: Tally): SectionView[] {
  return SECTION_KEYS.flatMap((key) => {
    const [b, a] = [before.find((s) => s.key === key), after.find((s) => s.key === key)];
    if (!a && !b) return [];
    const pairs = alignBlocks(b?.blocks ?? [], a?.blocks ?? [], keyOf);
    return [{ ...(a ?? b)!, blocks: pairs.flatMap((p) => compareBlocks(p.before, p.after, tally)) }];
  });
}

/** A footnote as the note prints it (`text [source: URL].`), as runs: the URL one link. */
function footnoteRuns(note: FootnoteView): InlineView[] {
  if (!note.sourceUrl) return [{ kind: 'text', text: note.text }];
  return [
    { kind: 'text', text: `${note.text.replace(/\.\s*$/, '')} [source: ` },
    { kind: 'text', text: note.sourceUrl, href: note.sourceUrl },
    { kind: 'text', text: '].' },
  ];
}

/** The later view with the changes from the earlier one marked, and the box's sentence. */
export function buildRedlineView(before: NoteView, after: NoteView, words: RedlineWords): RedlineView {
  const tally: Tally = { insertions: 0, deletions: 0 };
  const sections = compareSections(before.sections, after.sections, tally);
  const footnotes = after.footnotes.map((note) => {
    const earlier = before.footnotes.find((f) => f.number === note.number);
    return { ...note, runs: compareRuns(earlier ? footnoteRuns(earlier) : [], footnoteRuns(note), tally) };
  });
  const counts = `${plural(tally.insertions, 'insertion', 'insertions')}, ${plural(tally.deletions, 'deletion', 'deletions')}`;
  const isDraft = before.isDraft || after.isDraft;
  return {
    ...after,
    documentTitle: `Changes to ${after.documentTitle}`,
    sections,
    footnotes,
    isDraft,
    changeSummary: `Changes from ${words.from}: ${counts}${words.reason ? `, ${words.reason}` : ''}`,
    insertions: tally.insertions,
    deletions: tally.deletions,
    footerLabel: words.footer,
  };
}
