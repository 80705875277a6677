import { paragraphText, runListsOf, type Block } from '../domain/note-blocks.js';
import type { Footnote } from '../domain/note-content.js';
import type { Preamble } from './cover-note-preamble.js';
import { IngestWarningCode, quoteStart, type IngestWarning } from './ingest-warnings.js';

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Everything of a parse a reader sees: the preamble, headings as written, blocks, footnotes, warnings. */
export interface Placed {
  preamble: Preamble;
  headings: string[];
  sections: Block[][];
  footnotes: Footnote[];
  warnings: IngestWarning[];
}

function placedWords(placed: Placed): Set<string> {
  const { preamble } = placed;
  const texts = [
    ...preamble.headerLines,
    preamble.meetingLine ?? '',
    preamble.item ? `${preamble.item.number} ${preamble.item.title}` : '',
    preamble.hasCoverNoteTitle ? 'COVER NOTE' : '',
    ...placed.headings,
    ...placed.sections
      .flat()
      .flatMap((block) =>
        runListsOf(block).flatMap((runs) => [paragraphText(runs), ...runs.map((r) => ('href' in r ? r.href! : ''))]),
      ),
    // `[source: URL]` is how a footnote names its source: the word itself is syntax.
    ...placed.footnotes.map((f) => (f.sourceUrl ? `${f.text} source ${f.sourceUrl}` : f.text)),
    ...placed.warnings.map((w) => w.message),
  ];
  return new Set(texts.flatMap(wordsOf));
}

/**
 * The last guard of "nothing silently lost": each paragraph of the file's own text (read apart
 * from the extractor) whose words reached neither the note nor a warning is quoted in one.
 */
export function unplacedTextWarnings(source: string[], placed: Placed): IngestWarning[] {
  const words = placedWords(placed);
  return source
    .filter((paragraph) => wordsOf(paragraph).some((word) => !words.has(word)))
    .map((paragraph) => ({
      code: IngestWarningCode.unreadContent,
      message: `Text of the file did not reach the note: ${quoteStart(paragraph)}.`,
    }));
}
