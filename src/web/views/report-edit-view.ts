import type { ReportText } from '../../domain/summary-report.js';
import type { MeetingView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, type FormFields, type FormState } from './form-view.js';
import { underReportHeader } from './page-headers.js';
import { conclusionsBodyOf, conclusionsText } from './record-view.js';
import { stateWords, type SummaryReport } from './summary-report-view.js';
import { fitsTheTextForm } from './write-view.js';

/**
 * The report's words as a form: the opening and each item's conclusions in the item record
 * page's plain text (paragraphs apart by a blank line, `[^1]` citing a footnote, one footnote a
 * line). Each part has its own fields, named after it: `opening`, `item-<id>` and their footnotes.
 */

type Part = { name: string; label: string; conclusions: ReportText['opening'] };

const partsOf = (text: ReportText): Part[] => [
  { name: 'opening', label: 'Opening and approval of the agenda', conclusions: text.opening },
  ...text.items.map((item) => ({
    name: `item-${item.itemId}`,
    label: `${item.number}. ${item.title}`,
    conclusions: item.conclusions,
  })),
];

const footnotesName = (name: string) => `${name}-footnotes`;
const fits = (part: Part) =>
  fitsTheTextForm({
    sections: { issueAtStake: [], summary: part.conclusions.blocks, procedure: [] },
    footnotes: part.conclusions.footnotes,
  });

/** The fields of the form, for the error summary's links. */
export function editFields(text: ReportText): FormFields {
  return Object.fromEntries(
    partsOf(text).flatMap((part) => [
      [part.name, { label: part.label, id: `edit-${part.name}` }],
      [footnotesName(part.name), { label: `${part.label}: footnotes`, id: `edit-${footnotesName(part.name)}` }],
    ]),
  );
}

const sameTyped = (typed: string, stored: string) => typed.replace(/\r\n?/g, '\n').trim() === stored.trim();

/**
 * The form as the API's ReportTextBody: only the parts whose text was changed (a part the text
 * form cannot hold is never sent), and where each body path came from (`opening`, `items.0`).
 */
export function reportTextBodyOf(fields: Record<string, string>, text: ReportText) {
  const body: Record<string, unknown> = fields.baseVersion ? { baseVersion: fields.baseVersion } : {};
  const items: { itemId: number; conclusions: ReturnType<typeof conclusionsBodyOf> }[] = [];
  const sources: Record<string, string> = { opening: 'opening' };
  for (const [i, part] of partsOf(text).entries()) {
    if (!fits(part)) continue;
    const typed = { text: fields[part.name] ?? '', footnotes: fields[footnotesName(part.name)] ?? '' };
    const stored = conclusionsText(part.conclusions);
    if (sameTyped(typed.text, stored.text) && sameTyped(typed.footnotes, stored.footnotes)) continue;
    const conclusions = conclusionsBodyOf(typed);
    if (i === 0) body.opening = conclusions;
    else {
      sources[`items.${items.length}`] = part.name;
      items.push({ itemId: text.items[i - 1]!.itemId, conclusions });
    }
  }
  if (items.length > 0) body.items = items;
  return { body, sources };
}

/**
 * A schema's message path (`body.items.0.conclusions.footnotes.1.text`) as the form's field
 * (`body.item-12-footnotes`), so that the message shows beside the box it is about.
 */
export function fieldPathOf(path: string, sources: Record<string, string>): string {
  const match = /^body\.(opening|items\.\d+)(?:\.conclusions)?(\.footnotes)?/.exec(path);
  const part = match ? sources[match[1]!] : undefined;
  if (!part) return path.startsWith('body.baseVersion') ? 'body._form' : path;
  return `body.${match![2] ? footnotesName(part) : part}`;
}

/** The edit page: one box per part and its footnotes, as stored or as sent; the form's version hidden. */
export function reportEditView(meeting: MeetingView, report: SummaryReport, form: FormState = EMPTY_FORM) {
  const fields = editFields(report.text);
  const value = (name: string, stored: string) => (Object.hasOwn(form.values, name) ? form.values[name]! : stored);
  const title = 'Edit the summary report';
  return {
    title,
    header: underReportHeader(meeting, title, 'Edit'),
    meeting,
    state: stateWords(report),
    version: report.version,
    isEditable: report.isEditable,
    formError: form.errors._form ?? null,
    parts: partsOf(report.text).map((part) => {
      const stored = conclusionsText(part.conclusions);
      const notes = footnotesName(part.name);
      return {
        name: part.name,
        footnotesName: notes,
        id: fields[part.name]!.id,
        footnotesId: fields[notes]!.id,
        label: part.label,
        footnotesLabel: fields[notes]!.label,
        fits: fits(part),
        text: { value: value(part.name, stored.text), error: form.errors[part.name] ?? null },
        footnotes: { value: value(notes, stored.footnotes), error: form.errors[notes] ?? null },
      };
    }),
    errorSummary: errorSummary(form, fields),
  };
}
