import type { FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { renderPage } from '../rendering/html/pages.js';

/** Renders a page for the signed-in person (or the anonymous visitor) with a fresh CSRF token. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: string,
  title: string,
  view: Record<string, unknown>,
  status = 200,
  refreshSeconds: number | null = null,
) {
  const html = renderPage(
    page,
    {
      title,
      person: request.actor ? { name: request.actor.name, role: request.actor.role } : null,
      csrfToken: reply.generateCsrf(),
      refreshSeconds,
      flash:
        typeof (request.query as { done?: string })?.done === 'string'
          ? (request.query as { done: string }).done
          : null,
    },
    view,
  );
  return reply.code(status).type('text/html; charset=utf-8').send(html);
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
