import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Errors } from '../domain/errors.js';
import { hasRapporteurRole } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import { renderPage } from '../rendering/html/pages.js';
import { readForm } from '../schemas/read-form.js';
import { refusedByService, refusedForm, type FormState, type SummaryLine } from './views/form-view.js';

/** A page's route options: its parameters read with the API's schemas, and kept out of the OpenAPI document. */
export const pageRoute = <S extends Record<string, TSchema>>(schema: S = {} as S) => ({
  schema: { hide: true, ...schema },
});

const personChrome = ({ name, role }: Actor) => ({ name, role, hasOwnItems: hasRapporteurRole(role) });

/** The parts of a view-model that go to the layout, not to the page: the chrome around it. */
interface ChromeParts {
  /** A refused form's messages, listed at the top of the page. */
  errorSummary?: SummaryLine[] | null;
  /** Seconds after which the page reloads itself (a progress page). */
  refreshSeconds?: number | null;
}

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
) {
  const { errorSummary = null, refreshSeconds = null, ...pageView } = view as ChromeParts;
  const html = renderPage(
    page,
    {
      title,
      errorSummary: errorSummary && errorSummary.length > 0 ? errorSummary : null,
      person: request.actor ? personChrome(request.actor) : null,
      csrfToken: reply.generateCsrf(),
      refreshSeconds,
      flash: field(request.query, 'done') || null,
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

/**
 * A field that belongs to the page, not to the schema (`next`, an ETag), as sent: the first
 * value, trimmed. Whoever uses it checks it (`pageAfterSignIn`, the service's If-Match).
 */
export function field(fields: unknown, name: string): string {
  const value = (fields as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}

export type FormOutcome<R> = { done: true; result: R } | { done: false; form: FormState };

/**
 * A form post done the API's way: the fields read with the API route's schema, then one
 * service call. A refusal by either (the schema's 400, a rule's 422) comes back as the form to
 * show again, the input kept and each message on its field.
 */
export function submitForm<S extends TSchema, R>(
  request: FastifyRequest,
  schema: S,
  act: (value: Static<S>) => R,
  besides: readonly string[] = [],
): FormOutcome<R> {
  const form = readForm(schema, request.body, request, besides);
  if (!form.ok) return { done: false, form: refusedForm(form.input, form.errors) };
  try {
    return { done: true, result: act(form.value) };
  } catch (error) {
    return { done: false, form: refusedByService(error, form.input) };
  }
}
