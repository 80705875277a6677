import { createHash } from 'node:crypto';
import { Errors } from './errors.js';
import { ALLOWED_URL_SCHEMES, isAllowedUrl, quoteUrl } from './link-url.js';
import {
  foldSpaces,
  isFootnoteMarker,
  kindOf,
  normaliseBlock,
  runListsOf,
  type Block,
  type BlockInput,
} from './note-blocks.js';
import { named } from './words.js';

export type { Block, Inline, Paragraph, TextRun, FootnoteMarker } from './note-blocks.js';
export { isFootnoteMarker, paragraphText } from './note-blocks.js';

export interface Footnote {
  text: string;
  sourceUrl?: string;
}

export const SECTION_KEYS = ['issueAtStake', 'summary', 'procedure'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const SectionKey = named(SECTION_KEYS);

/** Headings as printed: `1. Issue at stake` ... */
export const SECTION_HEADINGS: Record<SectionKey, string> = {
  issueAtStake: 'Issue at stake',
  summary: 'Summary',
  procedure: 'Format of procedure in the meeting',
};

/**
 * The structure of a cover note version: three sections of blocks (paragraphs, lists, tables:
 * note-blocks.ts), and footnotes, cited by markers inside the blocks' runs.
 */
export interface NoteContent {
  sections: Record<SectionKey, Block[]>;
  footnotes: Footnote[];
}

/** What a client may send: plain text wherever runs are expected (older clients send only paragraphs). */
export interface NoteContentInput {
  sections: Partial<Record<SectionKey, BlockInput[]>>;
  footnotes?: Footnote[];
}

/**
 * Normalises what a client or a parser produced: whitespace folded, empty paragraphs dropped,
 * every footnote marker pointing at a footnote and every footnote referenced.
 */
export function normaliseNoteContent(input: NoteContentInput): NoteContent {
  const sections = {} as Record<SectionKey, Block[]>;
  for (const key of SECTION_KEYS) {
    sections[key] = (input.sections[key] ?? []).map(normaliseBlock).filter((block) => block !== null);
  }
  const footnotes = (input.footnotes ?? []).map((f) => {
    const text = foldSpaces(f.text);
    return f.sourceUrl ? { text, sourceUrl: f.sourceUrl.trim() } : { text };
  });
  assertAllowedLinks(sections, footnotes);
  if (SECTION_KEYS.every((key) => sections[key].length === 0)) {
    throw Errors.invalid('A version needs at least one paragraph in one of its sections.');
  }
  const referenced = new Set<number>();
  for (const key of SECTION_KEYS) {
    for (const run of sections[key].flatMap(runListsOf).flat()) {
      if (!isFootnoteMarker(run)) continue;
      if (run.footnote < 1 || run.footnote > footnotes.length) {
        throw Errors.invalid(`Footnote marker ${run.footnote} has no footnote (the version has ${footnotes.length}).`);
      }
      referenced.add(run.footnote);
    }
  }
  const unreferenced = footnotes.map((_, i) => i + 1).filter((n) => !referenced.has(n));
  if (unreferenced.length > 0) {
    throw Errors.invalid(`Footnotes ${unreferenced.join(', ')} are never referenced in the text.`);
  }
  return { sections, footnotes };
}

const ALLOWED = `only ${ALLOWED_URL_SCHEMES.join(', ').replace(/, (?=[^,]*$)/, ' and ')} links are allowed`;

/**
 * Every link of a version passes `isAllowedUrl` before anything is stored: checked here, in the
 * one normalisation both typed versions and uploaded drafts go through, so a refused link is a
 * 422 before the transaction, never a failure after it.
 */
function assertAllowedLinks(sections: Record<SectionKey, Block[]>, footnotes: Footnote[]): void {
  footnotes.forEach((footnote, i) => {
    if (footnote.sourceUrl === undefined || isAllowedUrl(footnote.sourceUrl)) return;
    throw Errors.invalid(`Footnote ${i + 1} links to ${quoteUrl(footnote.sourceUrl)}; ${ALLOWED}.`, {
      footnote: i + 1,
    });
  });
  SECTION_KEYS.forEach((key, s) =>
    sections[key].forEach((block, p) => {
      for (const run of runListsOf(block).flat()) {
        if (isFootnoteMarker(run) || run.href === undefined || isAllowedUrl(run.href)) continue;
        throw Errors.invalid(
          `The link "${run.text.slice(0, 60)}" in section ${s + 1}, ${kindOf(block)} ${p + 1} points to ${quoteUrl(run.href)}; ${ALLOWED}.`,
          { section: key, paragraph: p + 1 },
        );
      }
    }),
  );
}

/** SHA-256 of the normalised content: identifies a version's text across copies. */
export function hashNoteContent(content: NoteContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
