import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AgendumError, Errors } from '../domain/errors.js';
import { Id } from '../schemas/common.js';
import { NewAddendumBody, PacketParams, ResendBody, RevokeBody } from '../schemas/packets.js';
import { packetSendPages } from './packet-send-pages.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { recipientPages } from './recipient-pages.js';
import { EMPTY_FORM } from './views/form-view.js';
import { packetChangesView } from './views/packet-changes-view.js';
import { packetPageView, packetProgressView } from './views/packet-page-view.js';
import { underMeetingHeader } from './views/page-headers.js';

/** The API's revoke body, and the recipient whose link it is (none: every link of the packet). */
const RevokeForm = Type.Object(
  { ...RevokeBody.properties, personId: Type.Optional(Id) },
  { additionalProperties: false },
);

/** Sending packets (compose, preview, send), the recipient lists, and following a packet recipient by recipient. */
export const packetPages: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(packetSendPages);
  await app.register(recipientPages);
  const form = { preHandler: app.csrfProtection };
  const packetRoute = pageRoute({ params: PacketParams });

  function packetPage(request: FastifyRequest, reply: FastifyReply, packetId: number, refused = EMPTY_FORM) {
    const view = packetPageView(app.services.packets.view(personOf(request), packetId), refused);
    const header = underMeetingHeader(app.services.meetings.get(view.packet.meetingId), view.packet.subject);
    const since = app.services.packets.changesSince(personOf(request), view.packet.meetingId, packetId);
    return sendPage(request, reply, 'packet', view.packet.subject, {
      ...view,
      header,
      since: packetChangesView(since),
    });
  }

  app.get('/packets/:packetId', packetRoute, async (request, reply) =>
    packetPage(request, reply, request.params.packetId),
  );

  // What the packet page's script reads every few seconds: never from a cache.
  app.get('/packets/:packetId/progress', packetRoute, async (request, reply) => {
    const progress = packetProgressView(app.services.packets.view(personOf(request), request.params.packetId));
    return reply.header('cache-control', 'no-store').send(progress);
  });

  // What changed since this packet, sent as the next packet (the API's addendum, the same body).
  app.post('/packets/:packetId/addendum', { ...packetRoute, ...form }, async (request, reply) => {
    const id = request.params.packetId;
    const actor = personOf(request);
    const { meetingId } = app.services.packets.view(actor, id);
    const outcome = submitForm(request, NewAddendumBody, (value) =>
      app.services.packets.sendAddendum(actor, meetingId, id, value),
    );
    if (!outcome.done) return packetPage(request, reply, id, outcome.form);
    const { id: next, changesOnly, whole } = outcome.result;
    return redirectWith(
      reply,
      `/packets/${next}`,
      `Sending what changed to ${changesOnly} recipient(s), the whole packet to ${whole}.`,
    );
  });

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

  // Sends again to one recipient (personId) or to every recipient that failed, as the API's ResendBody says.
  app.post('/packets/:packetId/resend', { ...packetRoute, ...form }, async (request, reply) => {
    const id = request.params.packetId;
    const actor = personOf(request);
    const outcome = submitForm(request, ResendBody, (target) => {
      try {
        return app.services.packets.resend(actor, id, target);
      } catch (error) {
        // A message still on its way is not sent twice: said on the page, not as an error page.
        if (error instanceof AgendumError && error.status === 409) throw Errors.invalid(error.message);
        throw error;
      }
    });
    if (!outcome.done) return packetPage(request, reply, id, outcome.form);
    return redirectWith(reply, `/packets/${id}`, `Sending again to ${outcome.result.requeued} recipient(s).`);
  });
};
