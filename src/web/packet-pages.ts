import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Id, MeetingParams } from '../schemas/common.js';
import { NewPacketBody, PacketParams, RevokeBody } from '../schemas/packets.js';
import { sendMeetingPage } from './meeting-pages.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM } from './views/form-view.js';
import { packetPageView } from './views/packet-page-view.js';
import { underMeetingHeader } from './views/page-headers.js';

/** The API's revoke body, and the recipient whose link it is (none: every link of the packet). */
const RevokeForm = Type.Object(
  { ...RevokeBody.properties, personId: Type.Optional(Id) },
  { additionalProperties: false },
);

/** Sending a packet from the meeting page, following it recipient by recipient, revoking its links. */
export const packetPages: FastifyPluginAsyncTypebox = async (app) => {
  const form = { preHandler: app.csrfProtection };
  const packetRoute = pageRoute({ params: PacketParams });

  app.post(
    '/meetings/:meetingId/packets',
    { ...pageRoute({ params: MeetingParams }), ...form },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(request, NewPacketBody, (value) =>
        app.services.packets.create(actor, meetingId, value),
      );
      if (!outcome.done) return sendMeetingPage(app.services, request, reply, meetingId, outcome.form);
      const { id, recipients } = outcome.result;
      return redirectWith(reply, `/packets/${id}`, `Sending to ${recipients} recipient(s).`);
    },
  );

  function packetPage(request: FastifyRequest, reply: FastifyReply, packetId: number, refused = EMPTY_FORM) {
    const view = packetPageView(app.services.packets.view(personOf(request), packetId), refused);
    const header = underMeetingHeader(app.services.meetings.get(view.packet.meetingId), view.packet.subject);
    return sendPage(request, reply, 'packet', view.packet.subject, { ...view, header });
  }

  app.get('/packets/:packetId', packetRoute, async (request, reply) =>
    packetPage(request, reply, request.params.packetId),
  );

  // Revokes the packet's links, or one recipient's (personId), with the reason readers will see.
  app.post('/packets/:packetId/revoke', { ...packetRoute, ...form }, async (request, reply) => {
    const id = request.params.packetId;
    const actor = personOf(request);
    const outcome = submitForm(request, RevokeForm, ({ reason, personId }) => {
      if (personId === undefined) {
        app.services.packets.revokeLinks(actor, id, reason);
        return 'Every download link of this packet is revoked.';
      }
      app.services.packets.revokeRecipientLink(actor, id, personId, reason);
      return "The recipient's link is revoked.";
    });
    if (!outcome.done) return packetPage(request, reply, id, outcome.form);
    return redirectWith(reply, `/packets/${id}`, outcome.result);
  });

  app.post('/packets/:packetId/resend', { ...packetRoute, ...form }, async (request, reply) => {
    const id = request.params.packetId;
    const { requeued } = app.services.packets.resend(personOf(request), id, {});
    return redirectWith(reply, `/packets/${id}`, `Sending again to ${requeued} recipient(s).`);
  });
};
