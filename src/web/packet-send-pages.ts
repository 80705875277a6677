import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MeetingParams } from '../schemas/common.js';
import { NewPacketBody } from '../schemas/packets.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, type FormState } from './views/form-view.js';
import { packetComposeView, packetPreviewView, type PacketFormInput } from './views/packet-compose-view.js';
import { packetListView } from './views/packet-list-view.js';

/** Every value of a form field that may repeat (the lists ticked), as sent. */
export function valuesOf(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Composing a packet, checking it (who receives what, one mail as read), sending it, and the meeting's packets. */
export const packetSendPages: FastifyPluginAsyncTypebox = async (app) => {
  const { packets, meetings } = app.services;
  const form = { preHandler: app.csrfProtection };
  const meetingRoute = pageRoute({ params: MeetingParams });

  function composePage(request: FastifyRequest, reply: FastifyReply, meetingId: number, input?: PacketFormInput) {
    personOf(request);
    const meeting = meetings.get(meetingId);
    // Only the secretariat composes: the list of its packets refuses anyone else first.
    packets.ofMeeting(personOf(request), meetingId);
    return sendPage(request, reply, 'packet-compose', 'Send a packet', packetComposeView(meeting, input));
  }
  const inputOf = (request: FastifyRequest, refused: FormState = EMPTY_FORM): PacketFormInput => ({
    form: refused === EMPTY_FORM ? { values: readValues(request.body), errors: {} } : refused,
    lists: valuesOf(request.body, 'lists'),
  });
  const readValues = (body: unknown) =>
    Object.fromEntries(
      ['subject', 'message', 'content', 'includeInvite'].map((name) => [name, valuesOf(body, name)[0] ?? '']),
    );

  app.get('/meetings/:meetingId/packets/new', meetingRoute, async (request, reply) =>
    composePage(request, reply, request.params.meetingId),
  );

  // Back from the preview to change the packet: the form as it was.
  app.post('/meetings/:meetingId/packets/new', { ...meetingRoute, ...form }, async (request, reply) =>
    composePage(request, reply, request.params.meetingId, inputOf(request)),
  );

  app.post('/meetings/:meetingId/packets/preview', { ...meetingRoute, ...form }, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = personOf(request);
    const outcome = submitForm(request, NewPacketBody, (value) => packets.preview(actor, meetingId, value));
    if (!outcome.done) return composePage(request, reply, meetingId, inputOf(request, outcome.form));
    const view = packetPreviewView(meetings.get(meetingId), outcome.result, inputOf(request));
    return sendPage(request, reply, 'packet-preview', 'Check the packet before sending', view);
  });

  app.post('/meetings/:meetingId/packets', { ...meetingRoute, ...form }, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = personOf(request);
    const outcome = submitForm(request, NewPacketBody, (value) => packets.create(actor, meetingId, value));
    if (!outcome.done) return composePage(request, reply, meetingId, inputOf(request, outcome.form));
    const { id, recipients } = outcome.result;
    return redirectWith(reply, `/packets/${id}`, `Sending to ${recipients} recipient(s).`);
  });

  app.get('/meetings/:meetingId/packets', meetingRoute, async (request, reply) => {
    const { meetingId } = request.params;
    const view = packetListView(meetings.get(meetingId), packets.ofMeeting(personOf(request), meetingId));
    return sendPage(request, reply, 'packets', 'Packets sent', view);
  });
};
