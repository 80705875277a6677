import { isAllowedUrl, quoteUrl } from '../domain/link-url.js';
import type { Inline } from '../domain/note-blocks.js';
import { IngestWarningCode, type IngestWarning } from './ingest-warnings.js';

/** `[text](url)`: a link as extractors write it; the URL may hold one level of parentheses. */
const LINK = /\[([^[\]]+)\]\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)/g;
/** `[^1]` (Word, Markdown), or `capacity 1.` as a raised number reads in a PDF's text. */
const MARKER = /\[\^(\d{1,3})\]|(?<=[\p{L})\]])\s(\d{1,2})(?=[.,;:](\s|$))/gu;

/**
 * The runs of one paragraph, list item or table cell: links whose URL agendum allows (others
 * stay as written, with a warning), and footnote markers for the notes that exist.
 */
export function toRuns(text: string, footnoteCount: number, warnings: IngestWarning[]): Inline[] {
  const runs: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const [written, label, url] = match as unknown as [string, string, string];
    if (!isAllowedUrl(url)) {
      warnings.push({
        code: IngestWarningCode.linkNotAllowed,
        message: `The link ${quoteUrl(url)} on "${label}" is not an http, https or mailto link; it was kept as text.`,
      });
      continue;
    }
    runs.push(...markerRuns(text.slice(last, match.index), footnoteCount, warnings), { text: label, href: url });
    last = match.index + written.length;
  }
  runs.push(...markerRuns(text.slice(last), footnoteCount, warnings));
  return mergeText(runs);
}

/** Plain runs side by side (a marker left out between them) become one; empty ones go. */
function mergeText(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if ('text' in run && run.text === '') continue;
    if (last && 'text' in last && 'text' in run && !last.href && !run.href) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function markerRuns(text: string, footnoteCount: number, warnings: IngestWarning[]): Inline[] {
  const runs: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const n = Number(match[1] ?? match[2]);
    const explicit = match[1] !== undefined;
    if (n < 1 || n > footnoteCount) {
      if (explicit || footnoteCount > 0) {
        warnings.push({
          code: IngestWarningCode.footnoteWithoutText,
          message: `Footnote marker ${n} has no footnote text; it was left out.`,
        });
        runs.push({ text: text.slice(last, match.index) });
        last = match.index + match[0].length;
      }
      continue;
    }
    runs.push({ text: text.slice(last, match.index) }, { footnote: n });
    last = match.index + match[0].length;
  }
  runs.push({ text: text.slice(last) });
  return runs;
}
