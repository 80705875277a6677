import type { Block, Footnote, Inline, NoteContentInput, Paragraph } from '../domain/note-content.js';
import { BlockKind } from '../domain/note-blocks.js';
import { SectionKey } from '../domain/note-content.js';
import { readPreamble, undecorate, type Preamble } from './cover-note-preamble.js';
import type { ExtractedLine, ExtractedText, IngestWarning } from './extracted-text.js';

export type { ExtractedText, IngestWarning } from './extracted-text.js';

/** The length of the longest trimmed line (a loop: a spread of millions of lines overflows the stack). */
export function longestLine(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.trim().length);
  return longest;
}

/**
 * Turns the text of a draft (extracted from a PDF, a Word file or typed as text/Markdown) into
 * the structure of a cover note, undoing what extraction does: hard-wrapped lines, blank lines
 * inside paragraphs, trailing spaces, footnote markers glued to a sentence end, footnote text
 * after the rule, the link repeated on its own line. Pure: text in, structure and warnings out.
 */

export interface ParsedCoverNote extends Preamble {
  content: NoteContentInput & { sections: Record<SectionKey, Block[]>; footnotes: Footnote[] };
  warnings: IngestWarning[];
  /** False when not one of the three section headings was found. */
  hasSections: boolean;
}

const HEADINGS: [SectionKey, number, RegExp][] = [
  [SectionKey.issueAtStake, 1, /^issue at stake$/i],
  [SectionKey.summary, 2, /^summary$/i],
  [SectionKey.procedure, 3, /^format of (the )?procedure in the meeting$/i],
];
export const EXPECTED_HEADINGS = ['1. Issue at stake', '2. Summary', '3. Format of procedure in the meeting'];

const HEADING = /^(\d{1,2})\.?\s+(\S.{0,80})$/;
const MARKDOWN_FOOTNOTE = /^\[\^(\d{1,3})\]:\s*(.*)$/;
const FOOTNOTE_START = /^(\d{1,2})\s+(\S.*)$/;
const RULE = /^\s{20,}$|^\s*(_{5,}|-{5,})\s*$/;
const SENTENCE_END = /[.!?:]["'”’)\]]*$/;

function classifyHeading(line: string): { key: SectionKey | null; text: string } | null {
  const match = HEADING.exec(undecorate(line));
  if (!match) return null;
  const [, digits, rest] = match;
  const text = rest!.replace(/[.:]$/, '').trim();
  for (const [key, number, pattern] of HEADINGS) {
    if (pattern.test(text) && Number(digits) === number) return { key, text };
  }
  // "4. Next steps": numbered, short, capitalised, no sentence end: an unknown heading.
  if (/^[A-Z]/.test(text) && text.length <= 60 && !/[.,;]$/.test(rest!.trim()) && text.split(/\s+/).length <= 8) {
    return { key: null, text: `${digits}. ${text}` };
  }
  return null;
}

/** Joins wrapped lines: a hyphen at a line end stays (compounds such as cross-border), without a space. */
function joinLines(parts: string[]): string {
  return parts.reduce(
    (text, part) => (text === '' ? part : /\p{L}-$/u.test(text) ? text + part : `${text} ${part}`),
    '',
  );
}

/** Splits hard-wrapped lines into paragraphs: a sentence end, or a clearly short line, ends one. */
function rejoinParagraphs(lines: string[], measure: number, blankLineEndsParagraph: boolean): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (blankLineEndsParagraph && current.length > 0) {
        paragraphs.push(joinLines(current));
        current = [];
      }
      continue;
    }
    current.push(line);
    if (SENTENCE_END.test(line) || line.length < measure * 0.75) {
      paragraphs.push(joinLines(current));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(joinLines(current));
  return paragraphs;
}

/** `capacity 1.` (extraction) and `capacity[^1].` (Word, Markdown) become a marker run. */
function toRuns(text: string, footnoteCount: number, warnings: IngestWarning[]): Inline[] {
  const runs: Inline[] = [];
  const pattern = /\[\^(\d{1,3})\]|(?<=[\p{L})\]])\s(\d{1,2})(?=[.,;:](\s|$))/gu;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const n = Number(match[1] ?? match[2]);
    const explicit = match[1] !== undefined;
    if (n < 1 || n > footnoteCount) {
      if (explicit || footnoteCount > 0) {
        warnings.push({
          code: 'footnote-without-text',
          message: `Footnote marker ${n} has no footnote text; it was left out.`,
        });
        runs.push({ text: text.slice(last, match.index) });
        last = match.index! + match[0].length;
      }
      continue;
    }
    runs.push({ text: text.slice(last, match.index) }, { footnote: n });
    last = match.index! + match[0].length;
  }
  runs.push({ text: text.slice(last) });
  return runs.filter((run) => !('text' in run) || run.text !== '');
}

/** `text [source: URL].` → text and source, as the seeds cite. */
function toFootnote(text: string): Footnote {
  const match = /^(.*?)\s*\[source:\s*(\S+?)\]\.?\s*$/i.exec(text);
  return match ? { text: match[1]!.trim(), sourceUrl: match[2]! } : { text: text.trim() };
}

/** Footnotes after the rule: `1 text...` with continuation lines; a repeated bare URL is dropped. */
function parseFootnoteArea(lines: string[]): string[] {
  const notes: string[][] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const start = FOOTNOTE_START.exec(line) ?? MARKDOWN_FOOTNOTE.exec(line);
    if (start && Number(start[1]) === notes.length + 1) {
      notes.push([start[2]!]);
      continue;
    }
    const current = notes.at(-1);
    if (!current) continue;
    if (/^https?:\/\/\S+$/.test(line) && current.join(' ').includes(line)) continue;
    current.push(line);
  }
  return notes.map(joinLines);
}

/** Interim: structured lines read as plain text until the parser builds blocks from them. */
function asText(line: ExtractedLine): string {
  if (typeof line === 'string') return line;
  if (BlockKind.list in line) return line.text;
  if ('cells' in line) return line.cells.join(' ');
  return line.heading;
}

export function parseCoverNote(input: ExtractedText): ParsedCoverNote {
  const warnings: IngestWarning[] = [...(input.warnings ?? [])];
  const lines = input.lines.map((line) => asText(line).replace(/\r$/, ''));
  const firstSection = lines.findIndex((line) => classifyHeading(line)?.key);
  const { preamble, stray } = readPreamble(firstSection < 0 ? lines : lines.slice(0, firstSection));
  if (stray.length > 0) {
    const text = stray.join(' ').slice(0, 120);
    const message = `Text before "1. Issue at stake" was not placed in any section: "${text}"`;
    warnings.push({ code: 'text-before-first-section', message });
  }
  const sections: Record<SectionKey, Paragraph[]> = { issueAtStake: [], summary: [], procedure: [] };
  const empty: ParsedCoverNote = { ...preamble, content: { sections, footnotes: [] }, warnings, hasSections: false };
  if (firstSection < 0) return empty;

  let body = lines.slice(firstSection);
  let footnoteTexts = input.footnotes ?? [];
  const markdownNotes = body.filter((line) => MARKDOWN_FOOTNOTE.test(line.trim()));
  if (markdownNotes.length > 0) {
    footnoteTexts = parseFootnoteArea(markdownNotes);
    body = body.filter((line) => !MARKDOWN_FOOTNOTE.test(line.trim()));
  } else if (!input.footnotes) {
    const rule = body.findIndex((line) => RULE.test(line));
    if (rule >= 0) {
      footnoteTexts = parseFootnoteArea(body.slice(rule + 1));
      body = body.slice(0, rule);
    }
  }

  const collected: Record<SectionKey, string[]> = { issueAtStake: [], summary: [], procedure: [] };
  let current: SectionKey = SectionKey.issueAtStake;
  const seen = new Set<SectionKey>();
  for (const line of body) {
    const heading = classifyHeading(line);
    if (heading?.key) {
      current = heading.key;
      seen.add(current);
      continue;
    }
    if (heading) {
      warnings.push({
        code: 'unknown-heading',
        message: `Unknown heading "${heading.text}": its text was kept in the section before it.`,
      });
      continue;
    }
    collected[current].push(line);
  }

  const measure = Math.max(1, longestLine(Object.values(collected).flat()));
  for (const key of Object.keys(collected) as SectionKey[]) {
    const paragraphs = input.wrapped
      ? rejoinParagraphs(collected[key], measure, input.blankLineEndsParagraph === true)
      : collected[key].map((l) => l.trim()).filter((l) => l !== '');
    sections[key] = paragraphs.map((p) => toRuns(p.replace(/\s+/g, ' '), footnoteTexts.length, warnings));
  }
  for (const [key, number] of HEADINGS) {
    if (!seen.has(key))
      warnings.push({ code: 'missing-section', message: `Section "${EXPECTED_HEADINGS[number - 1]}" is missing.` });
  }
  const footnotes = footnoteTexts.map(toFootnote);
  const referenced = new Set(
    Object.values(sections)
      .flat(2)
      .flatMap((run) => ('footnote' in run ? [run.footnote] : [])),
  );
  // Footnotes nobody cites are dropped (with a warning); the others are numbered 1..n again.
  const renumbered = new Map<number, number>();
  footnotes.forEach((_, i) => {
    if (referenced.has(i + 1)) renumbered.set(i + 1, renumbered.size + 1);
    else
      warnings.push({
        code: 'unreferenced-footnote',
        message: `Footnote ${i + 1} is not referenced in the text; it was left out.`,
      });
  });
  for (const key of Object.keys(sections) as SectionKey[]) {
    sections[key] = sections[key].map((p) =>
      p.map((run) => ('footnote' in run ? { footnote: renumbered.get(run.footnote)! } : run)),
    );
  }
  return {
    ...preamble,
    content: { sections, footnotes: footnotes.filter((_, i) => renumbered.has(i + 1)) },
    warnings,
    hasSections: true,
  };
}
