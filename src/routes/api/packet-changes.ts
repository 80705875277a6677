import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { FileBody } from '../../schemas/ingest.js';
import { MeetingPacketParams, PacketChanges } from '../../schemas/packet-changes.js';
import { AddendumCreated, NewAddendumBody } from '../../schemas/packets.js';
import { sendPdf } from './pdf.js';

/** What changed on the agenda and its notes since a packet was sent. */
const packetChangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { packets, addenda } = app.services;

  app.get(
    '/meetings/:meetingId/packets/:packetId/changes',
    {
      schema: {
        tags: ['packets'],
        summary:
          'What changed since this packet: items added, renumbered or withdrawn, notes revised (with the reason), annexes added, replaced or removed',
        params: MeetingPacketParams,
        response: { 200: PacketChanges, ...problems(403, 404) },
      },
    },
    async (request) => packets.changesSince(actorOf(request), request.params.meetingId, request.params.packetId),
  );

  app.get(
    '/meetings/:meetingId/packets/:packetId/changes.pdf',
    {
      schema: {
        tags: ['packets'],
        summary:
          'The addendum PDF: a cover listing each change since this packet with its reason and page, then the redlines and new documents, a bookmark per change',
        params: MeetingPacketParams,
        response: { 200: FileBody, ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      const { meetingId, packetId } = request.params;
      return sendPdf(reply, await addenda.addendumPdf(actorOf(request), meetingId, packetId), 'attachment');
    },
  );

  app.post(
    '/meetings/:meetingId/packets/:packetId/addendum',
    {
      schema: {
        tags: ['packets'],
        summary:
          'Sends what changed since this packet as the next packet, of kind addendum: its holders get the changes, anyone added since gets the whole packet',
        params: MeetingPacketParams,
        body: NewAddendumBody,
        response: { 202: AddendumCreated, ...problems(403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { meetingId, packetId } = request.params;
      return reply.code(202).send(packets.sendAddendum(actorOf(request), meetingId, packetId, request.body));
    },
  );
};

export default packetChangeRoutes;
