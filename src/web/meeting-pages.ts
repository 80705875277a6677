import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canManageAgenda } from '../domain/permissions.js';
import { isStaff } from '../domain/roles.js';
import { TEXT } from '../rendering/html/text.js';
import { Type } from 'typebox';
import { ItemParams, MeetingParams } from '../schemas/common.js';
import { ItemChangesBody, NewItemBody } from '../schemas/items.js';
import { readOrder } from './agenda-order.js';
import { NewMeetingBody } from '../schemas/meetings.js';
import type { Services } from '../services/index.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, refusedByService, type FormState } from './views/form-view.js';
import { meetingPacketsView } from './views/meeting-packets-view.js';
import { meetingPublicationView } from './views/meeting-publication-view.js';
import { meetingPageView } from './views/meeting-view.js';
import { meetingsView } from './views/meetings-view.js';
import { myItemsView } from './views/my-items-view.js';

/** The meetings list's page (`?page=2`); a page past the last shows the last. */
const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) });

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
    publication: meetingPublicationView(actor, services.publication.publishedAt(meetingId)),
    // The secretariat's page assembles the report; anyone else is sent there once it is released to them.
    hasSummaryReport: isStaff(actor.role) || services.summaryReports.find(actor, meetingId) !== null,
  };
  return sendPage(request, reply, 'meeting', facts.meeting.displayLine, view);
}

/** Meetings: the list (and a new one), a meeting's agenda and status, and "my items". */
export const meetingPages: FastifyPluginAsyncTypebox = async (app) => {
  const { meetings, agenda } = app.services;
  const form = { preHandler: app.csrfProtection };

  const listFacts = (page = 1) => ({ meetings: meetings.list(), networks: meetings.listNetworks(), page });

  app.get('/meetings', pageRoute({ querystring: PageQuery }), async (request, reply) =>
    sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(personOf(request), listFacts(request.query.page))),
  );

  app.post('/meetings', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = submitForm(request, NewMeetingBody, (value) => meetings.create(actor, value));
    if (outcome.done) return redirectWith(reply, `/meetings/${outcome.result.id}`, 'Meeting created.');
    return sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(actor, listFacts(), outcome.form));
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
    // Back to the moved item: the anchor scrolls to it and the keyboard goes on from there.
    const done = encodeURIComponent(`Item "${title}" is now ${number}.`);
    return reply.redirect(`/meetings/${item.meetingId}?done=${done}#item-${item.id}`, 303);
  });

  // The whole agenda's order in one request (the drag and drop, the moves made in place): PUT order's schema and service.
  app.post(
    '/meetings/:meetingId/order',
    { ...pageRoute({ params: MeetingParams }), ...form },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const asJson = String(request.headers['content-type'] ?? '').startsWith('application/json');
      const order = readOrder(request, asJson);
      let refusal = order.ok ? null : order.message;
      if (order.ok) {
        try {
          const numbers = agenda.reorder(actor, meetingId, order.tree).map((i) => ({ id: i.id, number: i.number }));
          return asJson
            ? reply.send({ items: numbers })
            : redirectWith(reply, `/meetings/${meetingId}`, 'Agenda order saved.');
        } catch (error) {
          refusal = Object.values(refusedByService(error, {}).errors)[0] ?? null;
        }
      }
      if (asJson) return reply.code(422).send({ message: refusal });
      const kept = { values: { items: field(request.body, 'items') }, errors: { items: refusal ?? '' } };
      return sendMeetingPage(app.services, request, reply, meetingId, kept);
    },
  );

  app.get('/my-items', pageRoute(), async (request, reply) => {
    const actor = personOf(request);
    const agendas = meetings.list().map((meeting) => ({ meeting, items: agenda.list(actor, meeting.id) }));
    const now = app.services.clock.now();
    const reasons = app.services.workflow.returnReasons(agendas.flatMap((a) => a.items));
    return sendPage(request, reply, 'my-items', TEXT.myItems, myItemsView(actor, agendas, now, reasons));
  });
};
