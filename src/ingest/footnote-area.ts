import { BlockKind, isParagraph, runListsOf, type Block, type Inline } from '../domain/note-blocks.js';
import type { Footnote, SectionKey } from '../domain/note-content.js';
import { lineText, type ExtractedLine } from './extracted-text.js';
import { IngestWarningCode, quoteStart, type IngestWarning } from './ingest-warnings.js';
import { joinLines } from './rejoin-paragraphs.js';

/** `[^1]: text`, a Markdown footnote definition. */
export const MARKDOWN_FOOTNOTE = /^\[\^(\d{1,3})\]:\s*(.*)$/;
/** The footnote rule: a line of spaces (PDF extraction) or of underscores or dashes. */
export const FOOTNOTE_RULE = /^\s{20,}$|^\s*(_{5,}|-{5,})\s*$/;
const FOOTNOTE_START = /^(\d{1,2})\s+(\S.*)$/;

/**
 * Footnotes after the rule: `1 text...` with continuation lines; a repeated bare URL is dropped
 * (it is the note's own link, printed again). Text before the first note is quoted in a warning.
 */
export function parseFootnoteArea(lines: string[], warnings: IngestWarning[]): string[] {
  const notes: string[][] = [];
  const before: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const start = FOOTNOTE_START.exec(line) ?? MARKDOWN_FOOTNOTE.exec(line);
    if (start && Number(start[1]) === notes.length + 1) {
      notes.push([start[2]!]);
      continue;
    }
    const current = notes.at(-1);
    if (!current) before.push(line);
    else if (!(/^https?:\/\/\S+$/.test(line) && current.join(' ').includes(line))) current.push(line);
  }
  if (before.length > 0)
    warnings.push({
      code: IngestWarningCode.textBeforeFirstFootnote,
      message: `Text below the footnote rule but before footnote 1 was left out: ${quoteStart(before.join(' '))}.`,
    });
  return notes.map(joinLines);
}

const isMarkdownFootnote = (line: ExtractedLine) => typeof line === 'string' && MARKDOWN_FOOTNOTE.test(line.trim());

/**
 * A draft's body without its footnotes, and their texts: Markdown definitions wherever they
 * stand, else the extractor's own (Word), else the lines after the first footnote rule (a PDF's
 * extraction puts every page's notes there; a Word file saved as text too).
 */
export function takeFootnotes(
  body: ExtractedLine[],
  extractorNotes: string[] | undefined,
  warnings: IngestWarning[],
): { body: ExtractedLine[]; footnotes: string[] } {
  const markdownNotes = body.filter(isMarkdownFootnote) as string[];
  if (markdownNotes.length > 0)
    return {
      body: body.filter((line) => !isMarkdownFootnote(line)),
      footnotes: parseFootnoteArea(markdownNotes, warnings),
    };
  if (extractorNotes) return { body, footnotes: extractorNotes };
  const rule = body.findIndex((line) => typeof line === 'string' && FOOTNOTE_RULE.test(line));
  if (rule < 0) return { body, footnotes: [] };
  return { body: body.slice(0, rule), footnotes: parseFootnoteArea(body.slice(rule + 1).map(lineText), warnings) };
}

/** `text [source: URL].` → text and source, as the seeds cite. */
export function toFootnote(text: string): Footnote {
  const match = /^(.*?)\s*\[source:\s*(\S+?)\]\.?\s*$/i.exec(text);
  return match ? { text: match[1]!.trim(), sourceUrl: match[2]! } : { text: text.trim() };
}

/** The footnote numbers the blocks cite. */
export function citedFootnotes(blocks: Block[]): Set<number> {
  return new Set(
    blocks
      .flatMap(runListsOf)
      .flat()
      .flatMap((run) => ('footnote' in run ? [run.footnote] : [])),
  );
}

/**
 * The footnotes numbered in `kept`, numbered 1..n again in their order, in every run list of the
 * blocks: blocks that share one numbering go through with the same `kept`.
 */
export function keepFootnotes(
  blocks: Block[],
  footnotes: Footnote[],
  kept: Set<number>,
): { blocks: Block[]; footnotes: Footnote[] } {
  const renumbered = new Map<number, number>();
  footnotes.forEach((_, i) => {
    if (kept.has(i + 1)) renumbered.set(i + 1, renumbered.size + 1);
  });
  const renumber = (runs: Inline[]) =>
    runs.map((run) => ('footnote' in run ? { footnote: renumbered.get(run.footnote)! } : run));
  return {
    blocks: blocks.map((block) => mapRunLists(block, renumber)),
    footnotes: footnotes.filter((_, i) => renumbered.has(i + 1)),
  };
}

/** Each footnote whose number is not in `cited`, quoted: it is left out. */
export function uncitedFootnoteWarnings(footnotes: Footnote[], cited: Set<number>): IngestWarning[] {
  return footnotes.flatMap((note, i) =>
    cited.has(i + 1)
      ? []
      : [
          {
            code: IngestWarningCode.unreferencedFootnote,
            message: `Footnote ${i + 1} is not referenced in the text; it was left out: ${quoteStart(footnoteText(note))}.`,
          },
        ],
  );
}

/**
 * Footnotes nobody cites are left out (with a warning that quotes them); the others are
 * numbered 1..n again, in every run list of every block.
 */
export function keepCitedFootnotes(
  sections: Record<SectionKey, Block[]>,
  footnotes: Footnote[],
  warnings: IngestWarning[],
): { sections: Record<SectionKey, Block[]>; footnotes: Footnote[] } {
  const cited = citedFootnotes(Object.values(sections).flat());
  warnings.push(...uncitedFootnoteWarnings(footnotes, cited));
  const kept = Object.fromEntries(
    Object.entries(sections).map(([key, blocks]) => [key, keepFootnotes(blocks, footnotes, cited).blocks]),
  ) as Record<SectionKey, Block[]>;
  return { sections: kept, footnotes: footnotes.filter((_, i) => cited.has(i + 1)) };
}

const footnoteText = (note: Footnote) => (note.sourceUrl ? `${note.text} ${note.sourceUrl}` : note.text);

/** The same block with `change` applied to each of its run lists (paragraph, items, cells). */
function mapRunLists(block: Block, change: (runs: Inline[]) => Inline[]): Block {
  if (isParagraph(block)) return change(block);
  if (block.block === BlockKind.list) {
    const items = block.items.map((item) => ({
      runs: change(item.runs),
      ...(item.sublist && {
        sublist: { style: item.sublist.style, items: item.sublist.items.map((sub) => ({ runs: change(sub.runs) })) },
      }),
    }));
    return { ...block, items };
  }
  return { ...block, header: block.header.map(change), rows: block.rows.map((row) => row.map(change)) };
}
