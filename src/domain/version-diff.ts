import { diffArrays, diffWordsWithSpace } from 'diff';
import { blockLines, foldSpaces, type Inline } from './note-blocks.js';
import { isFootnoteMarker, SECTION_KEYS, type Block, type NoteContent, type SectionKey } from './note-content.js';
import { named } from './words.js';

export const DIFF_OPS = ['equal', 'insert', 'delete'] as const;
export type DiffOp = (typeof DIFF_OPS)[number];
export const DiffOp = named(DIFF_OPS);
export interface DiffPart {
  op: DiffOp;
  text: string;
}

const markedText = (runs: Inline[]) =>
  runs.map((run) => (isFootnoteMarker(run) ? `[^${run.footnote}]` : run.text)).join('');

/**
 * A section as one text: blocks separated by a blank line, a list item or a table row per line
 * (blockLines), footnote markers as `[^n]`. A changed cell or item is then a changed word on its
 * own line, and the diff shows exactly that.
 */
export function sectionText(blocks: Block[]): string {
  return blocks.map((block) => blockLines(block, markedText).join('\n')).join('\n\n');
}

function footnotesText(content: NoteContent): string {
  return content.footnotes
    .map((f, i) => `[^${i + 1}] ${f.text}${f.sourceUrl ? ` [source: ${f.sourceUrl}]` : ''}`)
    .join('\n\n');
}

/** Word-level changes from `before` to `after`; runs of one kind are merged. */
export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const op: DiffOp = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts.at(-1);
    if (last && last.op === op) last.text += change.value;
    else parts.push({ op, text: change.value });
  }
  return parts;
}

export interface VersionDiff {
  sections: Record<SectionKey, DiffPart[]>;
  footnotes: DiffPart[];
  /** True when the two versions say exactly the same. */
  identical: boolean;
}

/** Section-by-section, word-level comparison of two versions of a note. */
export function diffVersions(before: NoteContent, after: NoteContent): VersionDiff {
  const sections = {} as Record<SectionKey, DiffPart[]>;
  for (const key of SECTION_KEYS) {
    sections[key] = diffText(sectionText(before.sections[key]), sectionText(after.sections[key]));
  }
  const footnotes = diffText(footnotesText(before), footnotesText(after));
  const identical = [...Object.values(sections), footnotes].every((parts) => parts.every((p) => p.op === 'equal'));
  return { sections, footnotes, identical };
}

/** One inline run of a compared paragraph, and whether it was kept, inserted or deleted. */
export interface ChangedInline {
  op: DiffOp;
  inline: Inline;
}

// Atoms (a footnote marker, a link) stand in the compared text as one private-use character
// each: the word diff then keeps, inserts or deletes them whole, never half a URL.
const ATOM_BASE = 0xe000;
const ATOM = /[\uE000-\uF8FF]/u;

/**
 * Changes separated by nothing but a space read as one replacement: `working on` → `preparing`
 * is one deletion and one insertion, not a deletion, an insertion and a deletion around a kept
 * space (the word diff's alignment of whitespace). Each cluster's deletions come first.
 */
function clustered(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let cluster: DiffPart[] = [];
  const flush = () => {
    for (const op of [DiffOp.delete, DiffOp.insert]) {
      const text = cluster
        .filter((p) => p.op === op || p.op === DiffOp.equal)
        .map((p) => p.text)
        .join('');
      if (cluster.some((p) => p.op === op)) out.push({ op, text });
    }
    cluster = [];
  };
  parts.forEach((part, i) => {
    const isGap = part.op === DiffOp.equal && part.text.trim() === '' && cluster.length > 0 && i < parts.length - 1;
    if (part.op !== DiffOp.equal || isGap) cluster.push(part);
    else {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

/**
 * Word-level changes from one paragraph's runs to another's (`diffText`, the versions' diff),
 * whitespace folded first: a paragraph whose text only wraps or spaces differently is equal.
 * A footnote marker or a link is one word; a changed link is deleted and inserted whole.
 */
export function diffInlines(before: readonly Inline[], after: readonly Inline[]): ChangedInline[] {
  const atoms: Inline[] = [];
  const codes = new Map<string, string>();
  const encode = (runs: readonly Inline[]) =>
    foldSpaces(
      runs
        .map((run) => {
          if (!isFootnoteMarker(run) && !run.href) return run.text;
          const key = JSON.stringify(run);
          let code = codes.get(key);
          if (code === undefined) {
            code = String.fromCharCode(ATOM_BASE + atoms.length);
            atoms.push(isFootnoteMarker(run) ? run : { text: foldSpaces(run.text), href: run.href! });
            codes.set(key, code);
          }
          // The word diff takes a character that is no letter for a word of its own.
          return code;
        })
        .join(''),
    );
  const changed: ChangedInline[] = [];
  for (const part of clustered(diffText(encode(before), encode(after)))) {
    for (const piece of part.text.split(/([\uE000-\uF8FF])/u)) {
      if (piece === '') continue;
      const inline = ATOM.test(piece) ? atoms[piece.charCodeAt(0) - ATOM_BASE]! : { text: piece };
      changed.push({ op: part.op, inline });
    }
  }
  return changed;
}

/** Where an aligned block stands: in both versions (maybe changed), only before, or only after. */
export interface AlignedPair<T> {
  before: T | null;
  after: T | null;
}

/**
 * Blocks of two versions aligned by their keys: equal ones side by side, a run of replaced
 * blocks against its replacements in order, the rest alone (deleted or inserted whole).
 */
export function alignBlocks<T>(before: readonly T[], after: readonly T[], key: (block: T) => string): AlignedPair<T>[] {
  const pairs: AlignedPair<T>[] = [];
  let [i, j] = [0, 0];
  const changes = diffArrays(before.map(key), after.map(key));
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      for (let k = 0; k < count; k++) pairs.push({ before: before[i++]!, after: after[j++]! });
      continue;
    }
    const next = changes[c + 1];
    if (change.removed && next?.added) {
      const added = next.count ?? next.value.length;
      for (let k = 0; k < Math.max(count, added); k++)
        pairs.push({ before: k < count ? before[i++]! : null, after: k < added ? after[j++]! : null });
      c++;
      continue;
    }
    for (let k = 0; k < count; k++)
      pairs.push(change.added ? { before: null, after: after[j++]! } : { before: before[i++]!, after: null });
  }
  return pairs;
}
