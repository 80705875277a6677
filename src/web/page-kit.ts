import type { FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { renderPage } from '../rendering/html/pages.js';
import type { FieldError } from '../schemas/field-errors.js';
import type { FormInput } from '../schemas/read-form.js';

/**
 * Renders a page for the signed-in person (or the anonymous visitor) with a fresh CSRF token;
 * a view's `errorSummary` (a refused form) is listed at the top of the page.
 */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: string,
  title: string,
  view: Record<string, unknown>,
  status = 200,
  refreshSeconds: number | null = null,
) {
  const { errorSummary = null, ...pageView } = view as { errorSummary?: SummaryLine[] | null };
  const html = renderPage(
    page,
    {
      title,
      errorSummary: errorSummary && errorSummary.length > 0 ? errorSummary : null,
      person: request.actor ? { name: request.actor.name, role: request.actor.role } : null,
      csrfToken: reply.generateCsrf(),
      refreshSeconds,
      flash:
        typeof (request.query as { done?: string })?.done === 'string'
          ? (request.query as { done: string }).done
          : null,
    },
    pageView,
  );
  // A page that shows a refused form answers 422, whichever handler rendered it.
  const code = errorSummary && errorSummary.length > 0 && status === 200 ? 422 : status;
  return reply.code(code).type('text/html; charset=utf-8').send(html);
}

/** The signed-in person of a page request; pages need one (the error handler sends others to sign in). */
export function personOf(request: FastifyRequest): Actor {
  if (!request.actor) throw Errors.unauthenticated('Sign in to continue.');
  return request.actor;
}

/** After a form: back to a page, with a short confirmation shown there. */
export const redirectWith = (reply: FastifyReply, path: string, done: string) =>
  reply.redirect(`${path}${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}`, 303);

/** Form bodies arrive as strings (or string arrays): the first value of a field, trimmed. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}

/** A form shown again: what was typed, and one message per field (`_form` for the form as a whole). */
export interface FormState {
  values: FormInput;
  errors: Record<string, string>;
}
export const EMPTY_FORM: FormState = { values: {}, errors: {} };

/** A form `readForm` refused: the input kept, the first message of each field (`body.title` -> `title`). */
export function refusedForm(input: FormInput, errors: FieldError[]): FormState {
  const byField: Record<string, string> = {};
  for (const { path, message } of errors) {
    const name = path.split('.')[1] ?? '_form';
    byField[name] ??= message;
  }
  return { values: input, errors: byField };
}

/** The label and the input's id of each field of a form, for the error summary's links. */
export type FormFields = Record<string, { label: string; id: string }>;
interface SummaryLine {
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
