import type { FastifyReply, FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';
import type { Static, TSchema } from 'typebox';
import { Errors } from '../domain/errors.js';
import { canVerifyAudit, hasRapporteurRole } from '../domain/permissions.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { termOf } from '../rendering/html/glossary.js';
import { renderPage, type PageHeader } from '../rendering/html/pages.js';
import { TEXT } from '../rendering/html/text.js';
import { assetTable } from './assets.js';
import { readForm } from '../schemas/read-form.js';
import { refusedByService, refusedForm, type FormState, type SummaryLine } from './views/form-view.js';

/** A page's route options: its parameters read with the API's schemas, and kept out of the OpenAPI document. */
export const pageRoute = <S extends Record<string, TSchema>>(schema: S = {} as S) => ({
  schema: { hide: true, ...schema },
});

/** The menu of the site header: the pages this person's role uses. */
function menuOf(actor: Actor, path: string) {
  const entries = [
    { label: TEXT.meetings, href: '/meetings' },
    ...(hasRapporteurRole(actor.role) ? [{ label: TEXT.myItems, href: '/my-items' }] : []),
    ...(isStaff(actor.role) ? [{ label: TEXT.people, href: '/people' }] : []),
    ...(canVerifyAudit(actor) ? [{ label: TEXT.auditCheck, href: '/audit' }] : []),
    { label: TEXT.notifications, href: '/notifications' },
    { label: TEXT.myAccount, href: '/account' },
  ];
  return entries.map((entry) => ({ ...entry, current: path === entry.href || path.startsWith(`${entry.href}/`) }));
}

const personChrome = (actor: Actor, path: string) => ({
  name: actor.name,
  role: actor.role,
  roleLabel: termOf('role', actor.role).label,
  menu: menuOf(actor, path),
});

/** The name each brand's logo stands for. */
const BRAND_NAMES = { ec: 'European Commission', eu: 'European Union', neutral: '' } as const;

/** A page's header as a view gives it: the heading defaults to the page's title, the trail to none. */
export type HeaderParts = Partial<PageHeader>;

/** The parts of a view-model that go to the layout, not to the page: the chrome around it. */
interface ChromeParts {
  /** A refused form's messages, listed at the top of the page. */
  errorSummary?: SummaryLine[] | null;
  /** The ECL page header: breadcrumbs, meta, state labels (the heading defaults to the title). */
  header?: HeaderParts | null;
  /** The page orders a list by drag and drop. */
  sortable?: boolean;
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
  const { errorSummary = null, header = null, sortable = false, ...pageView } = view as ChromeParts;
  const brand = request.server.config.brand;
  const path = request.url.split('?')[0]!;
  const html = renderPage(
    page,
    {
      title,
      errorSummary: errorSummary && errorSummary.length > 0 ? errorSummary : null,
      person: request.actor ? personChrome(request.actor, path) : null,
      csrfToken: reply.generateCsrf(),
      flash: field(request.query, 'done') || null,
      header: {
        title: header?.title ?? title,
        breadcrumbs: header?.breadcrumbs ?? [],
        current: header?.current ?? header?.title ?? title,
        meta: header?.meta ?? [],
        labels: header?.labels ?? [],
      },
      assets: assetTable().urls(brand),
      brandName: BRAND_NAMES[brand],
      sortable,
    },
    pageView,
  );
  // A page that shows a refused form answers 422, whichever handler rendered it.
  const code = errorSummary && errorSummary.length > 0 && status === 200 ? 422 : status;
  reply.code(code).type('text/html; charset=utf-8').header('vary', 'accept-encoding');
  // Pages are text that shrinks tenfold: gzip (fast at this size, a third of a millisecond) when the browser takes it.
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(gzipSync(html));
  }
  return reply.send(html);
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

/** Fields the form sends besides the schema's, and the field a refusal naming none belongs to. */
export interface FormOptions {
  besides?: readonly string[];
  fallback?: string;
}

/**
 * A form post done the API's way: the fields read with the API route's schema, then one
 * service call. A refusal by either (the schema's 400, a rule's 422, a conflict...) comes back
 * as the form to show again, the input kept and each message on its field.
 */
export function submitForm<S extends TSchema, R>(
  request: FastifyRequest,
  schema: S,
  act: (value: Static<S>) => R,
  options: FormOptions = {},
): FormOutcome<R> {
  const form = readForm(schema, request.body, request, options.besides);
  if (!form.ok) return { done: false, form: refusedForm(form.input, form.errors) };
  try {
    return { done: true, result: act(form.value) };
  } catch (error) {
    return { done: false, form: refusedByService(error, form.input, options.fallback) };
  }
}

/** `submitForm` for a service call that awaits (a password hashed, an upload parsed). */
export async function submitFormAsync<S extends TSchema, R>(
  request: FastifyRequest,
  schema: S,
  act: (value: Static<S>) => Promise<R>,
  options: FormOptions = {},
): Promise<FormOutcome<R>> {
  const form = readForm(schema, request.body, request, options.besides);
  if (!form.ok) return { done: false, form: refusedForm(form.input, form.errors) };
  try {
    return { done: true, result: await act(form.value) };
  } catch (error) {
    return { done: false, form: refusedByService(error, form.input, options.fallback) };
  }
}
