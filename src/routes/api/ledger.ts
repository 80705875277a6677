import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { MeetingParams, problems } from '../../schemas/common.js';
import { Ledger, SendLatestBody } from '../../schemas/ledger.js';
import { PacketCreated } from '../../schemas/packets.js';
import { contentDisposition } from './content-disposition.js';

/** Who received which publication of which note, and the packet that brings everyone up to date. */
const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { packets } = app.services;

  app.get(
    '/meetings/:meetingId/ledger',
    {
      schema: {
        tags: ['packets'],
        summary: 'Who received which packet and which publication of each note; who holds each publication',
        params: MeetingParams,
        response: { 200: Ledger, ...problems(403, 404) },
      },
    },
    async (request) => packets.ledger(actorOf(request), request.params.meetingId),
  );

  app.get(
    '/meetings/:meetingId/ledger.csv',
    {
      schema: {
        tags: ['packets'],
        summary: 'The ledger as CSV: one line per person, packet and note delivered',
        params: MeetingParams,
        response: { 200: Type.String({ description: 'text/csv' }), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      const file = packets.ledgerCsv(actorOf(request), request.params.meetingId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', contentDisposition('attachment', file.filename))
        .send(file.content);
    },
  );

  app.post(
    '/meetings/:meetingId/ledger/send-latest',
    {
      schema: {
        tags: ['packets'],
        summary: 'Send a packet of the latest publications to exactly those who hold an older one',
        params: MeetingParams,
        body: Type.Optional(SendLatestBody),
        response: { 202: PacketCreated, ...problems(403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(packets.sendLatest(actorOf(request), request.params.meetingId, request.body ?? {})),
  );
};

export default ledgerRoutes;
