import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError } from '../domain/errors.js';
import { formatOrdinal } from '../domain/meeting-line.js';
import { isStaff, Role } from '../domain/roles.js';
import { NoteState } from '../domain/note-workflow.js';
import { ItemChangesBody, NewItemBody } from '../schemas/items.js';
import { NewMeetingBody } from '../schemas/meetings.js';
import { readForm } from '../schemas/read-form.js';
import {
  EMPTY_FORM,
  errorSummary,
  fieldViews,
  personOf,
  redirectWith,
  refusedForm,
  sendPage,
  type FormFields,
  type FormState,
} from './page-kit.js';
import { TEXT } from './text.js';

const MEETING_FIELDS = [
  ['ordinal', TEXT.ordinal, 'number'],
  ['startDate', TEXT.startDate, 'date'],
  ['endDate', TEXT.endDate, 'date'],
  ['city', TEXT.city, 'text'],
  ['country', TEXT.country, 'text'],
  ['draftingDeadline', TEXT.draftingDeadline, 'date'],
] as const;
const MEETING_FORM: FormFields = Object.fromEntries(
  MEETING_FIELDS.map(([name, label]) => [name, { label, id: `f-${name}` }]),
);

/** The forms of a meeting's page: a new agenda item, moving one, and the packet. */
const MEETING_PAGE_FORM: FormFields = {
  title: { label: TEXT.title, id: 'item-title' },
  parentId: { label: TEXT.underItem, id: 'item-parent' },
  rapporteurIds: { label: TEXT.rapporteur, id: 'item-rapporteur' },
  position: { label: TEXT.agenda, id: 'agenda' },
  subject: { label: 'Subject', id: 'packet-subject' },
  message: { label: 'Message', id: 'packet-message' },
};
const PACKET_DEFAULTS = (displayLine: string) => ({
  subject: `Documents for the ${displayLine}`,
  message:
    'Dear {{recipient.name}},\n\nplease find the agenda and the released cover notes for the meeting of {{meeting.dates}} in {{meeting.city}}.',
});

/** A meeting's page: its agenda, its status and (for the secretariat) its forms, possibly refused. */
export function sendMeetingPage(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: number,
  form: FormState = EMPTY_FORM,
) {
  const { meetings, agenda, meetingStatus, people } = app.services;
  const actor = personOf(request);
  const meeting = meetings.get(meetingId);
  const canManage = isStaff(actor.role);
  const items = agenda.list(actor, meetingId).map((i) => ({
    ...i,
    indent: i.number.split('.').length,
    upPosition: Math.max(1, i.position - 1),
    downPosition: i.position + 1,
    selected: String(i.id) === form.values.parentId,
  }));
  const view = {
    meeting,
    items,
    canManage,
    form: fieldViews(form, MEETING_PAGE_FORM, PACKET_DEFAULTS(meeting.displayLine)),
    errorSummary: errorSummary(form, MEETING_PAGE_FORM),
    status: canManage ? meetingStatus.status(actor, meetingId) : [],
    rapporteurs: canManage
      ? people
          .list(actor)
          .filter((p) => p.role === Role.rapporteur && p.isActive)
          .map((p) => ({ ...p, selected: String(p.id) === form.values.rapporteurIds }))
      : [],
  };
  return sendPage(request, reply, 'meeting', meeting.displayLine, view);
}

/** Meetings: the list (and a new one), a meeting's agenda and status, and "my items". */
export async function meetingPages(app: FastifyInstance) {
  const { meetings, agenda } = app.services;
  const hide = { schema: { hide: true } };

  function meetingsView(actor: ReturnType<typeof personOf>, form: FormState = EMPTY_FORM) {
    const { values, errors } = form;
    return {
      errorSummary: errorSummary(form, MEETING_FORM),
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
    const form = readForm(NewMeetingBody, request.body, request);
    let refused: FormState;
    if (form.ok) {
      try {
        const meeting = meetings.create(actor, form.value);
        return redirectWith(reply, `/meetings/${meeting.id}`, 'Meeting created.');
      } catch (error) {
        if (!(error instanceof AgendumError) || error.status !== 422) throw error;
        const name = /deadline/i.test(error.message)
          ? 'draftingDeadline'
          : /ends|endDate/.test(error.message)
            ? 'endDate'
            : 'startDate';
        refused = { values: form.input, errors: { [name]: error.message } };
      }
    } else refused = refusedForm(form.input, form.errors);
    return sendPage(request, reply, 'meetings', TEXT.meetings, meetingsView(actor, refused), 422);
  });

  app.get<{ Params: { meetingId: string } }>('/meetings/:meetingId', hide, async (request, reply) =>
    sendMeetingPage(app, request, reply, Number(request.params.meetingId) || 0),
  );

  app.post<{ Params: { meetingId: string } }>(
    '/meetings/:meetingId/items',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const meetingId = Number(request.params.meetingId) || 0;
      const form = readForm(NewItemBody, request.body, request);
      if (!form.ok) return sendMeetingPage(app, request, reply, meetingId, refusedForm(form.input, form.errors));
      const item = agenda.create(personOf(request), meetingId, form.value);
      return redirectWith(reply, `/meetings/${meetingId}`, `Item ${item.number} added.`);
    },
  );

  app.post<{ Params: { itemId: string } }>(
    '/items/:itemId/move',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const actor = personOf(request);
      const item = agenda.get(actor, Number(request.params.itemId) || 0);
      const form = readForm(ItemChangesBody, request.body, request);
      if (!form.ok) return sendMeetingPage(app, request, reply, item.meetingId, refusedForm(form.input, form.errors));
      const moved = agenda.update(actor, item.id, form.value);
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
            i.note?.state === NoteState.drafting &&
            m.draftingDeadline < app.services.ctx.now().toISOString().slice(0, 10),
          ),
        })),
    );
    return sendPage(request, reply, 'my-items', TEXT.myItems, { items });
  });
}
