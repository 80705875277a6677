import type { FastifyRequest } from 'fastify';
import type { AgendaNode } from '../domain/agenda-numbering.js';
import { listFieldErrors, type ValidationIssue } from '../schemas/field-errors.js';
import { OrderBody } from '../schemas/items.js';
import { field } from './page-kit.js';

type OrderInput = { id: number; children?: OrderInput[] };
const toTree = (nodes: OrderInput[]): AgendaNode[] =>
  nodes.map((n) => ({ id: n.id, children: toTree(n.children ?? []) }));

export type OrderRead = { ok: true; tree: AgendaNode[] } | { ok: false; message: string };

/**
 * The agenda's new order as a page sends it: a JSON body (`{ items }`, the script's) or a form
 * whose `items` field holds that JSON text. Read with the API's OrderBody schema and validator.
 */
export function readOrder(request: FastifyRequest, asJson: boolean): OrderRead {
  let body: unknown;
  if (asJson) {
    const { _csrf: _token, ...rest } = (request.body ?? {}) as Record<string, unknown>;
    body = rest;
  } else {
    try {
      body = { items: JSON.parse(field(request.body, 'items')) as unknown };
    } catch {
      return { ok: false, message: 'The new order could not be read; reload the page and try again.' };
    }
  }
  const validate = request.compileValidationSchema(OrderBody as never, 'body');
  if (validate(body)) return { ok: true, tree: toTree((body as { items: OrderInput[] }).items) };
  const [first] = listFieldErrors((validate.errors ?? []) as ValidationIssue[], 'body');
  return { ok: false, message: first ? `${first.path}: ${first.message}` : 'The new order is not valid.' };
}
