import { blockLines, isFootnoteMarker, isParagraph, type Inline } from '../../domain/note-blocks.js';
import { SECTION_HEADINGS, SECTION_KEYS, type NoteContent } from '../../domain/note-content.js';
import { errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

/** "Write the version as text": one box per section, paragraphs apart by a blank line; footnotes one a line. */
const WRITE_FORM: FormFields = {
  ...Object.fromEntries(
    SECTION_KEYS.map((key, i) => [key, { label: `${i + 1}. ${SECTION_HEADINGS[key]}`, id: `w-${key}` }]),
  ),
  footnotes: { label: 'Footnotes', id: 'w-footnotes' },
};

/**
 * What the text form can keep: paragraphs of plain text citing footnotes, footnotes without a
 * source address. A list, a table or a link would come back flattened into plain paragraphs,
 * so a version holding one is not offered here (its Word download is edited instead).
 */
export function fitsTheTextForm(content: NoteContent | null): boolean {
  if (!content) return true;
  const plainRuns = (runs: Inline[]) => runs.every((r) => isFootnoteMarker(r) || r.href === undefined);
  return (
    SECTION_KEYS.every((key) => content.sections[key].every((block) => isParagraph(block) && plainRuns(block))) &&
    content.footnotes.every((f) => !f.sourceUrl)
  );
}

/** A footnote is cited in the typed text as `[^1]`, as in Markdown. */
const CITED = /\[\^(\d+)\]/g;
export const typedText = (runs: Inline[]) =>
  runs.map((r) => (isFootnoteMarker(r) ? `[^${r.footnote}]` : r.text)).join('');

/** A typed paragraph as the API's runs: its text, and a marker where it cites a footnote. */
function runsOf(text: string): string | ({ text: string } | { footnote: number })[] {
  if (!/\[\^\d+\]/.test(text)) return text;
  const runs: ({ text: string } | { footnote: number })[] = [];
  let at = 0;
  for (const match of text.matchAll(CITED)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index) });
    runs.push({ footnote: Number(match[1]) });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/** A version's text as the form shows it: a block's lines, blocks apart by a blank line. */
function sectionText(content: NoteContent | null, key: (typeof SECTION_KEYS)[number]) {
  if (!content) return '';
  return content.sections[key].map((block) => blockLines(block, typedText).join('\n')).join('\n\n');
}

export const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(runsOf);

/** The form's fields as the API's NewVersion body: the same schema and service call follow. */
export function versionBodyOf(fields: Record<string, string>) {
  return {
    sections: Object.fromEntries(SECTION_KEYS.map((key) => [key, paragraphs(fields[key] ?? '')])),
    footnotes: (fields.footnotes ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((text) => ({ text })),
  };
}

/** The form prefilled from the latest version, or as it was sent when refused. */
export function writeView(latest: NoteContent | null, form: FormState, etag: string) {
  const defaults: Record<string, string> = Object.fromEntries(
    SECTION_KEYS.map((key) => [key, sectionText(latest, key)]),
  );
  defaults.footnotes = latest ? latest.footnotes.map((f) => f.text).join('\n') : '';
  const fields = fieldViews(form, WRITE_FORM, defaults);
  return {
    fits: fitsTheTextForm(latest),
    sections: SECTION_KEYS.map((key) => ({
      id: WRITE_FORM[key]!.id,
      name: key,
      label: WRITE_FORM[key]!.label,
      field: fields[key],
    })),
    footnotes: fields.footnotes,
    errorSummary: errorSummary(form, WRITE_FORM),
    etag,
  };
}
