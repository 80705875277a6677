import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canManageAgenda } from '../domain/permissions.js';
import { TEXT } from '../rendering/html/text.js';
import { ItemParams, MeetingParams } from '../schemas/common.js';
import { ItemChangesBody, NewItemBody } from '../schemas/items.js';
import { NewMeetingBody } from '../schemas/meetings.js';
import type { Services } from '../services/index.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, type FormState } from './views/form-view.js';
import { meetingPacketsView } from './views/meeting-packets-view.js';
import { meetingPageView } from './views/meeting-view.js';
import { meetingsView } from './views/meetings-view.js';
import { myItemsView } from './views/my-items-view.js';

/** A meeting's page; after a refused form (an item, a move, the packet), with its input and messages. */
export function sendMeetingPage(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: number,
  form: FormState = EMPTY_FORM,
) {
  const { meetings, agenda, meetingStatus, people } = services;
  const actor = personOf(request);
  const canManage = canManageAgenda(actor);
  const facts = {
    meeting: meetings.get(meetingId),
    items: agenda.list(actor, meetingId),
    status: canManage ? meetingStatus.status(actor, meetingId) : [],
    people: canManage ? people.list(actor) : [],
  };
  const view = {
    ...meetingPageView(actor, facts, form),
    packets: meetingPacketsView(services, actor, facts.meeting),
  };
  return sendPage(request, reply, 'meeting', facts.meeting.displayLine, view);
}

/** Meetings: the list (and a new one), a meeting's agenda and status, and "my items". */
export const meetingPages: FastifyPluginAsyncTypebox = async (app) => {
  const { meetings, agenda } = app.services;
  const form = { preHandler: app.csrfProtection };

  app.get('/meetings', pageRoute(), async (request, reply) =>
    sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(personOf(request), meetings.list())),
  );

  app.post('/meetings', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = submitForm(request, NewMeetingBody, (value) => meetings.create(actor, value));
    if (outcome.done) return redirectWith(reply, `/meetings/${outcome.result.id}`, 'Meeting created.');
    return sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(actor, meetings.list(), outcome.form));
  });

  app.get('/meetings/:meetingId', pageRoute({ params: MeetingParams }), async (request, reply) =>
    sendMeetingPage(app.services, request, reply, request.params.meetingId),
  );

  app.post(
    '/meetings/:meetingId/items',
    { ...pageRoute({ params: MeetingParams }), ...form },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(request, NewItemBody, (value) => agenda.create(actor, meetingId, value));
      if (!outcome.done) return sendMeetingPage(app.services, request, reply, meetingId, outcome.form);
      return redirectWith(reply, `/meetings/${meetingId}`, `Item ${outcome.result.number} added.`);
    },
  );

  app.post('/items/:itemId/move', { ...pageRoute({ params: ItemParams }), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const item = agenda.get(actor, request.params.itemId);
    const outcome = submitForm(request, ItemChangesBody, (value) => agenda.update(actor, item.id, value));
    if (!outcome.done) return sendMeetingPage(app.services, request, reply, item.meetingId, outcome.form);
    const { title, number } = outcome.result;
    return redirectWith(reply, `/meetings/${item.meetingId}`, `Item "${title}" is now ${number}.`);
  });

  app.get('/my-items', pageRoute(), async (request, reply) => {
    const actor = personOf(request);
    const agendas = meetings.list().map((meeting) => ({ meeting, items: agenda.list(actor, meeting.id) }));
    const now = app.services.clock.now();
    const reasons = app.services.workflow.returnReasons(agendas.flatMap((a) => a.items));
    return sendPage(request, reply, 'my-items', TEXT.myItems, myItemsView(actor, agendas, now, reasons));
  });
};
