import { createHash } from 'node:crypto';
import { Errors } from './errors.js';
import { ALLOWED_URL_SCHEMES, isAllowedUrl, quoteUrl } from './link-url.js';
import { named } from './words.js';

/**
 * The structure of a cover note version: three sections of paragraphs, and footnotes. A
 * paragraph is a list of inline runs: text (optionally a link) and footnote markers, so the
 * PDF can set a marker in superscript and the HTML can link it.
 */
export type TextRun = { text: string; href?: string };
export type FootnoteMarker = { footnote: number };
export type Inline = TextRun | FootnoteMarker;
export type Paragraph = Inline[];

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

export interface NoteContent {
  sections: Record<SectionKey, Paragraph[]>;
  footnotes: Footnote[];
}

/** What a client may send: a paragraph may be plain text instead of a list of runs. */
export interface NoteContentInput {
  sections: Partial<Record<SectionKey, (string | Inline[])[]>>;
  footnotes?: Footnote[];
}

export function isFootnoteMarker(inline: Inline): inline is FootnoteMarker {
  return 'footnote' in inline;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

function normaliseParagraph(input: string | Inline[]): Paragraph {
  const runs: Inline[] = typeof input === 'string' ? [{ text: input }] : input;
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (isFootnoteMarker(run)) out.push({ footnote: run.footnote });
    // Adjacent plain runs are one run: two spellings of a paragraph must hash the same.
    else if (last && !isFootnoteMarker(last) && !last.href && !run.href) last.text += run.text;
    else out.push(run.href ? { text: run.text, href: run.href } : { text: run.text });
  }
  out.forEach((run, i) => {
    if (isFootnoteMarker(run)) return;
    run.text = collapse(run.text);
    if (i === 0) run.text = run.text.trimStart();
    if (i === out.length - 1) run.text = run.text.trimEnd();
  });
  return out.filter((run) => isFootnoteMarker(run) || run.text !== '');
}

/**
 * Normalises what a client or a parser produced: whitespace folded, empty paragraphs dropped,
 * every footnote marker pointing at a footnote and every footnote referenced.
 */
export function normaliseNoteContent(input: NoteContentInput): NoteContent {
  const sections = {} as Record<SectionKey, Paragraph[]>;
  for (const key of SECTION_KEYS) {
    sections[key] = (input.sections[key] ?? []).map(normaliseParagraph).filter((p) => p.length > 0);
  }
  const footnotes = (input.footnotes ?? []).map((f) => {
    const text = collapse(f.text).trim();
    return f.sourceUrl ? { text, sourceUrl: f.sourceUrl.trim() } : { text };
  });
  assertAllowedLinks(sections, footnotes);
  if (SECTION_KEYS.every((key) => sections[key].length === 0)) {
    throw Errors.invalid('A version needs at least one paragraph in one of its sections.');
  }
  const referenced = new Set<number>();
  for (const key of SECTION_KEYS) {
    for (const run of sections[key].flat()) {
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
function assertAllowedLinks(sections: Record<SectionKey, Paragraph[]>, footnotes: Footnote[]): void {
  footnotes.forEach((footnote, i) => {
    if (footnote.sourceUrl === undefined || isAllowedUrl(footnote.sourceUrl)) return;
    throw Errors.invalid(`Footnote ${i + 1} links to ${quoteUrl(footnote.sourceUrl)}; ${ALLOWED}.`, {
      footnote: i + 1,
    });
  });
  SECTION_KEYS.forEach((key, s) =>
    sections[key].forEach((paragraph, p) => {
      for (const run of paragraph) {
        if (isFootnoteMarker(run) || run.href === undefined || isAllowedUrl(run.href)) continue;
        throw Errors.invalid(
          `The link "${run.text.slice(0, 60)}" in section ${s + 1}, paragraph ${p + 1} points to ${quoteUrl(run.href)}; ${ALLOWED}.`,
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

/** A paragraph as plain text, footnote markers left out. */
export function paragraphText(paragraph: Paragraph): string {
  return paragraph.map((run) => (isFootnoteMarker(run) ? '' : run.text)).join('');
}
