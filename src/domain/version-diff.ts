import { diffWordsWithSpace } from 'diff';
import { blockLines, type Inline } from './note-blocks.js';
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
function sectionText(blocks: Block[]): string {
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
