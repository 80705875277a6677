import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { MeetingPacketParams, PacketChanges } from '../../schemas/packet-changes.js';

/** What changed on the agenda and its notes since a packet was sent. */
const packetChangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { packets } = app.services;

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
};

export default packetChangeRoutes;
