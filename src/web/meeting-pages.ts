import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError } from '../domain/errors.js';
import { formatOrdinal } from '../domain/meeting-line.js';
import { isStaff } from '../domain/roles.js';
import { Value } from 'typebox/value';
import { RevokeBody } from '../schemas/packets.js';
import { field, personOf, redirectWith, sendPage } from './page-kit.js';
import { TEXT } from './text.js';

const MEETING_FIELDS = [
  ['ordinal', TEXT.ordinal, 'number'],
  ['startDate', TEXT.startDate, 'date'],
  ['endDate', TEXT.endDate, 'date'],
  ['city', TEXT.city, 'text'],
  ['country', TEXT.country, 'text'],
  ['draftingDeadline', TEXT.draftingDeadline, 'date'],
] as const;

/** Meetings: the list (and a new one), a meeting's agenda and status, and "my items". */
export async function meetingPages(app: FastifyInstance) {
  const { meetings, agenda, meetingStatus, people } = app.services;
  const hide = { schema: { hide: true } };

  function meetingsView(
    actor: ReturnType<typeof personOf>,
    values: Record<string, string> = {},
    errors: Record<string, string> = {},
  ) {
    return {
      meetings: meetings.list().map((m) => ({ ...m, ordinalText: formatOrdinal(m.ordinal) })),
      canManage: isStaff(actor.role),
      fields: MEETING_FIELDS.map(([name, label, type]) => ({
        name,
        label,
        type,
        value: values[name] ?? '',
        error: errors[name] ?? null,
      })),
    };
  }

  app.get('/meetings', hide, async (request, reply) =>
    sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(personOf(request))),
  );

  app.post('/meetings', { ...hide, preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = personOf(request);
    const values = Object.fromEntries(MEETING_FIELDS.map(([name]) => [name, field(request.body, name)]));
    const errors: Record<string, string> = {};
    for (const [name, label] of MEETING_FIELDS)
      if (!values[name] && name !== 'draftingDeadline') errors[name] = `${label} is required.`;
    if (values.ordinal && !/^\d+$/.test(values.ordinal)) errors.ordinal = 'A whole number, such as 18.';
    if (Object.keys(errors).length === 0) {
      try {
        const meeting = meetings.create(actor, {
          ordinal: Number(values.ordinal),
          startDate: values.startDate!,
          endDate: values.endDate!,
          city: values.city!,
          country: values.country!,
          draftingDeadline: values.draftingDeadline || null,
        });
        return redirectWith(reply, `/meetings/${meeting.id}`, 'Meeting created.');
      } catch (error) {
        if (!(error instanceof AgendumError) || error.status !== 422) throw error;
        errors[
          /deadline/i.test(error.message)
            ? 'draftingDeadline'
            : /ends|endDate/.test(error.message)
              ? 'endDate'
              : 'startDate'
        ] = error.message;
      }
    }
    return sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(actor, values, errors), 422);
  });

  function meetingView(actor: ReturnType<typeof personOf>, meetingId: number, titleError: string | null = null) {
    const meeting = meetings.get(meetingId);
    const items = agenda.list(actor, meetingId).map((i) => ({ ...i, indent: i.number.split('.').length }));
    const canManage = isStaff(actor.role);
    return {
      meeting,
      items,
      canManage,
      titleError,
      status: canManage ? meetingStatus.status(actor, meetingId) : [],
      rapporteurs: canManage ? people.list(actor).filter((p) => p.role === 'rapporteur' && p.isActive) : [],
    };
  }

  app.get<{ Params: { meetingId: string } }>('/meetings/:meetingId', hide, async (request, reply) => {
    const view = meetingView(personOf(request), Number(request.params.meetingId) || 0);
    return sendPage(request, reply, 'meeting', view.meeting.displayLine, view);
  });

  app.post<{ Params: { meetingId: string } }>(
    '/meetings/:meetingId/items',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const actor = personOf(request);
      const meetingId = Number(request.params.meetingId) || 0;
      const title = field(request.body, 'title');
      if (!title) {
        const view = meetingView(actor, meetingId, 'The title is required.');
        return sendPage(request, reply, 'meeting', view.meeting.displayLine, view, 422);
      }
      const parentId = Number(field(request.body, 'parentId')) || null;
      const rapporteurId = Number(field(request.body, 'rapporteurId')) || null;
      const item = agenda.create(actor, meetingId, {
        title,
        parentId,
        rapporteurIds: rapporteurId ? [rapporteurId] : [],
      });
      return redirectWith(reply, `/meetings/${meetingId}`, `Item ${item.number} added.`);
    },
  );

  app.post<{ Params: { itemId: string } }>(
    '/items/:itemId/move',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const actor = personOf(request);
      const item = agenda.get(actor, Number(request.params.itemId) || 0);
      const position = Math.max(1, item.position + (field(request.body, 'direction') === 'up' ? -1 : 1));
      const moved = agenda.update(actor, item.id, { position });
      return redirectWith(reply, `/meetings/${item.meetingId}`, `Item "${moved.title}" is now ${moved.number}.`);
    },
  );

  app.get('/my-items', hide, async (request, reply) => {
    const actor = personOf(request);
    const items = meetings.list().flatMap((m) =>
      agenda
        .list(actor, m.id)
        .filter((i) => i.rapporteurs.some((r) => r.id === actor.id))
        .map((i) => ({
          itemId: i.id,
          number: i.number,
          title: i.title,
          meeting: `${formatOrdinal(m.ordinal)} ${m.network.name}, ${m.dates}`,
          state: i.note?.state ?? '',
          deadline: m.draftingDeadline,
          isLate: Boolean(
            m.draftingDeadline &&
            i.note?.state === 'drafting' &&
            m.draftingDeadline < app.services.ctx.now().toISOString().slice(0, 10),
          ),
        })),
    );
    return sendPage(request, reply, 'my-items', TEXT.myItems, { items });
  });
}

/** Sending a packet and following it recipient by recipient (the page reloads itself while it runs). */
export async function packetPages(app: FastifyInstance) {
  const hide = { schema: { hide: true } };

  app.post<{ Params: { meetingId: string } }>(
    '/meetings/:meetingId/packets',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const created = app.packets.create(personOf(request), Number(request.params.meetingId) || 0, {
        subject: field(request.body, 'subject'),
        message: field(request.body, 'message'),
      });
      return redirectWith(reply, `/packets/${created.id}`, `Sending to ${created.recipients} recipient(s).`);
    },
  );

  function packetPage(
    request: FastifyRequest,
    reply: FastifyReply,
    packetId: number,
    form: { reason: string; error: string | null } = { reason: '', error: null },
  ) {
    const packet = app.packets.view(personOf(request), packetId);
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
      const reason = field(request.body, 'reason');
      const personId = Number(field(request.body, 'personId')) || null;
      if (!Value.Check(RevokeBody, { reason }))
        return packetPage(request, reply, id, {
          reason,
          error: 'Give the reason (one line, up to 500 characters): readers who follow the link see it.',
        });
      const actor = personOf(request);
      if (personId === null) app.packets.revokeLinks(actor, id, reason);
      else app.packets.revokeRecipientLink(actor, id, personId, reason);
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
      const { requeued } = app.packets.resend(personOf(request), id, {});
      return redirectWith(reply, `/packets/${id}`, `Sending again to ${requeued} recipient(s).`);
    },
  );
}
