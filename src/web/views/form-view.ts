import { AgendumError } from '../../domain/errors.js';
import type { FieldError } from '../../schemas/field-errors.js';
import type { FormInput } from '../../schemas/read-form.js';

/** A form shown again: what was typed, and one message per field (`_form` for the form as a whole). */
export interface FormState {
  values: FormInput;
  errors: Record<string, string>;
}
export const EMPTY_FORM: FormState = { values: {}, errors: {} };

export const isRefused = (form: FormState) => Object.keys(form.errors).length > 0;

/** A form the schema refused (`readForm`): the input kept, the first message of each field (`body.title` -> `title`). */
export function refusedForm(input: FormInput, errors: FieldError[]): FormState {
  const byField: Record<string, string> = {};
  for (const { path, message } of errors) {
    const name = path.split('.')[1] ?? '_form';
    byField[name] ??= message;
  }
  return { values: input, errors: byField };
}

/**
 * What a service refuses of a form is the person's to put right, so it shows on the form: a
 * rule's 422, a conflict (409: the state no longer allows it, an email already in use), a tab
 * left open while someone else moved the note (412), a file too large (413) or of a wrong type
 * (415). Anything else (403, 404, a fault) is not the form's.
 */
const FORM_REFUSALS = new Set([409, 412, 413, 415, 422]);

/**
 * A form a service refused: the input kept and the message on the field the error names, else
 * on `fallback` (the form's main field, or the form as a whole). Any other error is thrown
 * again, to the pages' error handler.
 */
export function refusedByService(error: unknown, input: FormInput, fallback = '_form'): FormState {
  if (!(error instanceof AgendumError) || !FORM_REFUSALS.has(error.status)) throw error;
  return { values: input, errors: { [error.field ?? fallback]: error.message } };
}

/** The label and the input's id of each field of a form, for the error summary's links. */
export type FormFields = Record<string, { label: string; id: string }>;
export interface SummaryLine {
  text: string;
  href: string | null;
}

/** The lines of the error summary at the top of the page: each names its field and links to it. */
export function errorSummary(form: FormState, fields: FormFields): SummaryLine[] {
  return Object.entries(form.errors).map(([name, message]) => {
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    return field
      ? { text: `${field.label}: ${message}`, href: `#${field.id}` }
      : { text: name === '_form' ? message : `${name}: ${message}`, href: null };
  });
}

/** Each field's value and message, as the templates read them (`form.title.value`, `form.title.error`). */
export function fieldViews(form: FormState, fields: FormFields, defaults: Record<string, string> = {}) {
  return Object.fromEntries(
    Object.keys(fields).map((name) => [
      name,
      {
        value: Object.hasOwn(form.values, name) ? form.values[name] : (defaults[name] ?? ''),
        error: form.errors[name] ?? null,
      },
    ]),
  ) as Record<string, { value: string; error: string | null }>;
}
