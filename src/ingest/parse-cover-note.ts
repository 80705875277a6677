import type { Block, Footnote, NoteContentInput } from '../domain/note-content.js';
import { SECTION_KEYS, SectionKey } from '../domain/note-content.js';
import { readPreamble, type Preamble } from './cover-note-preamble.js';
import { lineText, type ExtractedLine, type ExtractedText } from './extracted-text.js';
import { keepCitedFootnotes, takeFootnotes, toFootnote } from './footnote-area.js';
import { IngestWarningCode, quoteStart, type IngestWarning } from './ingest-warnings.js';
import { longestLine } from './rejoin-paragraphs.js';
import { buildBlocks } from './section-blocks.js';
import { unplacedTextWarnings } from './unplaced-text.js';
import { EXPECTED_HEADINGS, readHeading } from './section-headings.js';

export { EXPECTED_HEADINGS } from './section-headings.js';

/**
 * Turns the lines of a draft (extracted from a PDF, a Word file, Markdown or typed text) into
 * the structure of a cover note, undoing what extraction does: hard-wrapped lines, blank lines
 * inside paragraphs, trailing spaces, footnote markers glued to a sentence end, footnote text
 * after the rule, the link repeated on its own line. Lists and tables the file marks as such
 * become list and table blocks. Pure: lines in, structure and warnings out; whatever text is
 * not placed in the note is quoted in a warning.
 */
export interface ParsedCoverNote extends Preamble {
  content: NoteContentInput & { sections: Record<SectionKey, Block[]>; footnotes: Footnote[] };
  warnings: IngestWarning[];
  /** False when not one of the three section headings was found. */
  hasSections: boolean;
}

export function parseCoverNote(input: ExtractedText): ParsedCoverNote {
  const warnings: IngestWarning[] = [...(input.warnings ?? [])];
  const lines = input.lines.map((line) => (typeof line === 'string' ? line.replace(/\r$/, '') : line));
  const firstSection = lines.findIndex((line) => {
    const heading = readHeading(line);
    return heading !== null && 'key' in heading;
  });
  const { preamble, stray } = readPreamble((firstSection < 0 ? lines : lines.slice(0, firstSection)).map(lineText));
  if (stray.length > 0) {
    warnings.push({
      code: IngestWarningCode.textBeforeFirstSection,
      message: `Text before "1. Issue at stake" was not placed in any section: ${quoteStart(stray.join(' '))}`,
    });
  }
  const empty = { issueAtStake: [], summary: [], procedure: [] };
  if (firstSection < 0)
    return { ...preamble, content: { sections: empty, footnotes: [] }, warnings, hasSections: false };

  const { body, footnotes: footnoteTexts } = takeFootnotes(lines.slice(firstSection), input.footnotes, warnings);

  const collected: Record<SectionKey, ExtractedLine[]> = { issueAtStake: [], summary: [], procedure: [] };
  let current: SectionKey = SectionKey.issueAtStake;
  const seen = new Set<SectionKey>();
  const headings: string[] = [];
  for (const line of body) {
    const heading = readHeading(line);
    if (heading && 'key' in heading) {
      current = heading.key;
      seen.add(current);
      headings.push(lineText(line));
    } else if (heading) {
      warnings.push({
        code: IngestWarningCode.unknownHeading,
        message: `Unknown heading "${heading.unknown}": its text was kept as a paragraph in the section before it.`,
      });
      collected[current].push({ heading: heading.unknown });
    } else collected[current].push(line);
  }

  const plainLines = Object.values(collected)
    .flat()
    .filter((line) => typeof line === 'string');
  const context = {
    wrapped: input.wrapped,
    blankLineEndsParagraph: input.blankLineEndsParagraph === true,
    measure: Math.max(1, longestLine(plainLines)),
    footnoteCount: footnoteTexts.length,
    warnings,
  };
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, buildBlocks(collected[key], context)])) as Record<
    SectionKey,
    Block[]
  >;
  SECTION_KEYS.forEach((key, i) => {
    if (!seen.has(key))
      warnings.push({
        code: IngestWarningCode.missingSection,
        message: `Section "${EXPECTED_HEADINGS[i]}" is missing.`,
      });
  });
  const content = keepCitedFootnotes(sections, footnoteTexts.map(toFootnote), warnings);
  if (input.sourceText) {
    const placed = {
      preamble,
      headings,
      sections: Object.values(content.sections),
      footnotes: content.footnotes,
      warnings,
    };
    warnings.push(...unplacedTextWarnings(input.sourceText, placed));
  }
  return { ...preamble, content, warnings, hasSections: true };
}
