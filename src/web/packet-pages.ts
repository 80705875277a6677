import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NewPacketBody, RevokeBody } from '../schemas/packets.js';
import { readForm } from '../schemas/read-form.js';
import { sendMeetingPage } from './meeting-pages.js';
import { field, personOf, redirectWith, refusedForm, sendPage } from './page-kit.js';

/** Sending a packet from the meeting page, following it recipient by recipient, revoking its links. */
export async function packetPages(app: FastifyInstance) {
  const hide = { schema: { hide: true } };

  app.post<{ Params: { meetingId: string } }>(
    '/meetings/:meetingId/packets',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const meetingId = Number(request.params.meetingId) || 0;
      const form = readForm(NewPacketBody, request.body, request);
      if (!form.ok) return sendMeetingPage(app, request, reply, meetingId, refusedForm(form.input, form.errors));
      const created = app.services.packets.create(personOf(request), meetingId, form.value);
      return redirectWith(reply, `/packets/${created.id}`, `Sending to ${created.recipients} recipient(s).`);
    },
  );

  function packetPage(
    request: FastifyRequest,
    reply: FastifyReply,
    packetId: number,
    form: { reason: string; error: string | null } = { reason: '', error: null },
  ) {
    const packet = app.services.packets.view(personOf(request), packetId);
    const pending = packet.counts.queued + packet.counts.sending;
    const seconds = packet.worker.stuck ? packet.worker.oldestPendingSeconds : packet.oldestPendingSeconds;
    const waitingFor = seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
    return sendPage(
      request,
      reply,
      'packet',
      packet.subject,
      { packet, pending, waitingFor, revoke: form },
      form.error ? 422 : 200,
      packet.done || form.error ? null : 3,
    );
  }

  app.get<{ Params: { packetId: string } }>('/packets/:packetId', hide, async (request, reply) =>
    packetPage(request, reply, Number(request.params.packetId) || 0),
  );

  // Revokes the packet's links, or one recipient's (personId), with the reason readers will see.
  app.post<{ Params: { packetId: string } }>(
    '/packets/:packetId/revoke',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const id = Number(request.params.packetId) || 0;
      const personId = Number(field(request.body, 'personId')) || null;
      const form = readForm(RevokeBody, request.body, request, ['personId']);
      if (!form.ok)
        return packetPage(request, reply, id, {
          reason: form.input.reason ?? '',
          error: 'Give the reason (one line, up to 500 characters): readers who follow the link see it.',
        });
      const { reason } = form.value;
      const actor = personOf(request);
      if (personId === null) app.services.packets.revokeLinks(actor, id, reason);
      else app.services.packets.revokeRecipientLink(actor, id, personId, reason);
      return redirectWith(
        reply,
        `/packets/${id}`,
        personId === null ? 'Every download link of this packet is revoked.' : "The recipient's link is revoked.",
      );
    },
  );

  app.post<{ Params: { packetId: string } }>(
    '/packets/:packetId/resend',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const id = Number(request.params.packetId) || 0;
      const { requeued } = app.services.packets.resend(personOf(request), id, {});
      return redirectWith(reply, `/packets/${id}`, `Sending again to ${requeued} recipient(s).`);
    },
  );
}
