import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError } from '../domain/errors.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { assertCanManageAgenda } from '../domain/permissions.js';
import { MeetingParams } from '../schemas/common.js';
import { MeetingChangesBody } from '../schemas/meetings.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, type FormState } from './views/form-view.js';
import { EDIT_TITLE, meetingEditView, type Confirmation } from './views/meeting-edit-view.js';

/** The fields of the edit form, as sent (for asking before a cancellation, then sending them again). */
const EDIT_FIELDS = ['ordinal', 'startDate', 'endDate', 'city', 'country', 'draftingDeadline', 'status'] as const;

/** Changing a meeting (PATCH's schema and service), cancelling it (asked first) and deleting it. */
export const meetingEditPages: FastifyPluginAsyncTypebox = async (app) => {
  const { meetings } = app.services;
  const form = { preHandler: app.csrfProtection };
  const route = { ...pageRoute({ params: MeetingParams }) };

  const sendEdit = (
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    state: FormState = EMPTY_FORM,
    confirm: Confirmation | null = null,
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      'meeting-edit',
      EDIT_TITLE,
      meetingEditView(meetings.get(meetingId), state, confirm),
      status,
    );

  app.get('/meetings/:meetingId/edit', route, async (request, reply) => {
    assertCanManageAgenda(personOf(request));
    return sendEdit(request, reply, request.params.meetingId);
  });

  app.post('/meetings/:meetingId/edit', { ...route, ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { meetingId } = request.params;
    assertCanManageAgenda(actor);
    const cancelling = field(request.body, 'status') === MeetingStatus.cancelled;
    if (
      cancelling &&
      meetings.get(meetingId).status !== MeetingStatus.cancelled &&
      field(request.body, 'confirm') !== 'yes'
    ) {
      const values = Object.fromEntries(EDIT_FIELDS.map((name) => [name, field(request.body, name)]));
      return sendEdit(request, reply, meetingId, { values, errors: {} }, { kind: 'cancel', values });
    }
    const outcome = submitForm(request, MeetingChangesBody, (value) => meetings.update(actor, meetingId, value), {
      besides: ['confirm'],
    });
    if (!outcome.done) return sendEdit(request, reply, meetingId, outcome.form);
    const done =
      outcome.result.status === MeetingStatus.cancelled && cancelling ? 'Meeting cancelled.' : 'Meeting saved.';
    return redirectWith(reply, `/meetings/${meetingId}`, done);
  });

  app.post('/meetings/:meetingId/delete', { ...route, ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { meetingId } = request.params;
    assertCanManageAgenda(actor);
    if (field(request.body, 'confirm') !== 'yes')
      return sendEdit(request, reply, meetingId, EMPTY_FORM, { kind: 'delete' });
    try {
      meetings.delete(actor, meetingId, { force: field(request.body, 'force') === 'yes' });
    } catch (error) {
      // The notes hold versions: the service asks for force, the page asks the person.
      if (!(error instanceof AgendumError) || error.status !== 409) throw error;
      const refusal = 'Its agenda items hold written notes.';
      return sendEdit(request, reply, meetingId, EMPTY_FORM, { kind: 'force', refusal }, 409);
    }
    return redirectWith(reply, '/meetings', 'Meeting deleted.');
  });
};
