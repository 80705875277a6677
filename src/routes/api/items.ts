import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AgendaNode } from '../../domain/agenda-numbering.js';
import { actorOf } from '../../plugins/app/auth.js';
import { ForceQuery, ItemParams, MeetingParams, NoContent, problems } from '../../schemas/common.js';
import { Item, ItemChangesBody, NewItemBody, OrderBody } from '../../schemas/items.js';

type OrderInput = { id: number; children?: OrderInput[] };
const toTree = (nodes: OrderInput[]): AgendaNode[] =>
  nodes.map((n) => ({ id: n.id, children: toTree(n.children ?? []) }));

const itemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { agenda } = app.services;

  app.get(
    '/meetings/:meetingId/items',
    {
      schema: {
        tags: ['agenda'],
        summary: 'The agenda, items in order',
        params: MeetingParams,
        response: { 200: Type.Array(Item), ...problems(404) },
      },
    },
    async (request) => agenda.list(actorOf(request), request.params.meetingId),
  );

  app.post(
    '/meetings/:meetingId/items',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Add an item (numbers follow)',
        params: MeetingParams,
        body: NewItemBody,
        response: { 201: Item, ...problems(403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(agenda.create(actorOf(request), request.params.meetingId, request.body)),
  );

  app.put(
    '/meetings/:meetingId/items/order',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Reorder the whole agenda tree; every item is renumbered',
        params: MeetingParams,
        body: OrderBody,
        response: { 200: Type.Array(Item), ...problems(403, 404, 422) },
      },
    },
    async (request) =>
      agenda.reorder(actorOf(request), request.params.meetingId, toTree(request.body.items as OrderInput[])),
  );

  app.get(
    '/items/:itemId',
    {
      schema: { tags: ['agenda'], summary: 'One item', params: ItemParams, response: { 200: Item, ...problems(404) } },
    },
    async (request) => agenda.get(actorOf(request), request.params.itemId),
  );

  app.patch(
    '/items/:itemId',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Rename, move (parentId, position) or assign rapporteurs',
        params: ItemParams,
        body: ItemChangesBody,
        response: { 200: Item, ...problems(403, 404, 422) },
      },
    },
    async (request) => agenda.update(actorOf(request), request.params.itemId, request.body),
  );

  app.delete(
    '/items/:itemId',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Delete an item (force=true also removes sub-items and written notes)',
        params: ItemParams,
        querystring: ForceQuery,
        response: { 204: NoContent, ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      agenda.delete(actorOf(request), request.params.itemId, { force: request.query.force });
      return reply.code(204).send(null);
    },
  );
};
export default itemRoutes;
