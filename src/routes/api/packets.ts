import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contentDisposition } from './content-disposition.js';
import { actorOf } from '../../plugins/app/auth.js';
import { MeetingParams, problems } from '../../schemas/common.js';
import { FileBody } from '../../schemas/ingest.js';
import {
  DownloadQuery,
  NewPacketBody,
  PacketCreated,
  PacketLinksRevoked,
  PacketParams,
  PacketRecipientParams,
  PacketView,
  RecipientLinkRevoked,
  RecipientRow,
  RecipientsBody,
  ResendBody,
  RevokeBody,
} from '../../schemas/packets.js';

/** A stored packet PDF, as a download or to show in the browser. */
function sendPacketPdf(
  reply: FastifyReply,
  kind: 'inline' | 'attachment',
  file: { filename: string; content: Buffer | Uint8Array },
) {
  return reply
    .type('application/pdf')
    .header('Content-Disposition', contentDisposition(kind, file.filename))
    .send(file.content as unknown as string);
}

const packetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { packets } = app.services;
  const { recipients } = app.services;

  app.post(
    '/meetings/:meetingId/packets',
    {
      schema: {
        tags: ['packets'],
        summary: "Send the packet (agenda and released notes) to the meeting's lists; answers at once",
        params: MeetingParams,
        body: NewPacketBody,
        response: { 202: PacketCreated, ...problems(403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(packets.create(actorOf(request), request.params.meetingId, request.body)),
  );

  app.get(
    '/packets/:packetId',
    {
      schema: {
        tags: ['packets'],
        summary: 'Progress of a packet, recipient by recipient',
        params: PacketParams,
        response: { 200: PacketView, ...problems(403, 404) },
      },
    },
    async (request) => packets.view(actorOf(request), request.params.packetId),
  );

  app.post(
    '/packets/:packetId/resend',
    {
      schema: {
        tags: ['packets'],
        summary: 'Send again to one recipient, or to every recipient that failed',
        params: PacketParams,
        body: ResendBody,
        response: { 202: Type.Object({ requeued: Type.Integer() }), ...problems(403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(packets.resend(actorOf(request), request.params.packetId, request.body)),
  );

  app.get(
    '/packets/:packetId/download',
    {
      config: { public: true },
      schema: {
        tags: ['packets'],
        summary:
          "The packet PDF behind a signed, expiring link (sent when attachments are too large): the recipient's own, as it was sent; 410 once revoked or expired",
        params: PacketParams,
        querystring: DownloadQuery,
        response: { 200: FileBody, ...problems(403, 410) },
      },
    },
    async (request, reply) => {
      return sendPacketPdf(reply, 'attachment', await packets.download(request.params.packetId, request.query));
    },
  );

  app.get(
    '/packets/:packetId/recipients/:personId/packet.pdf',
    {
      schema: {
        tags: ['packets'],
        summary: 'The packet PDF as this recipient was sent it (their lists decide which notes it holds)',
        params: PacketRecipientParams,
        response: { 200: FileBody, ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      const file = await packets.recipientPdf(actorOf(request), request.params.packetId, request.params.personId);
      return sendPacketPdf(reply, 'inline', file);
    },
  );

  app.post(
    '/packets/:packetId/links/revoke',
    {
      schema: {
        tags: ['packets'],
        summary: 'Revoke every download link of the packet; followed afterwards they answer 410 with the reason',
        params: PacketParams,
        body: RevokeBody,
        response: { 200: PacketLinksRevoked, ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => packets.revokeLinks(actorOf(request), request.params.packetId, request.body.reason),
  );

  app.post(
    '/packets/:packetId/recipients/:personId/link/revoke',
    {
      schema: {
        tags: ['packets'],
        summary: "Revoke one recipient's download link of the packet (410 with the reason afterwards)",
        params: PacketRecipientParams,
        body: RevokeBody,
        response: { 200: RecipientLinkRevoked, ...problems(403, 404, 409, 422) },
      },
    },
    async (request) =>
      packets.revokeRecipientLink(
        actorOf(request),
        request.params.packetId,
        request.params.personId,
        request.body.reason,
      ),
  );

  app.get(
    '/meetings/:meetingId/recipients',
    {
      schema: {
        tags: ['packets'],
        summary: "The meeting's distribution lists",
        params: MeetingParams,
        response: { 200: Type.Array(RecipientRow), ...problems(403, 404) },
      },
    },
    async (request) => recipients.list(actorOf(request), request.params.meetingId),
  );

  app.put(
    '/meetings/:meetingId/recipients',
    {
      schema: {
        tags: ['packets'],
        summary: 'Set one distribution list of the meeting (delegates, observers, secretariat-copies)',
        params: MeetingParams,
        body: RecipientsBody,
        response: { 200: Type.Array(RecipientRow), ...problems(403, 404, 422) },
      },
    },
    async (request) =>
      recipients.set(actorOf(request), request.params.meetingId, request.body.list, request.body.personIds),
  );
};
export default packetRoutes;
