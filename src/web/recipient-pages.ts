import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MeetingParams } from '../schemas/common.js';
import { RecipientGroupBody } from '../schemas/groups.js';
import { RecipientsBody } from '../schemas/packets.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { valuesOf } from './packet-send-pages.js';
import type { FormState } from './views/form-view.js';
import { recipientGroupView } from './views/recipient-group-view.js';
import { recipientsView } from './views/recipients-view.js';

/** A meeting's recipient lists, read and set with the API's service and schema. */
export const recipientPages: FastifyPluginAsyncTypebox = async (app) => {
  const { recipients, meetings, people, groups } = app.services;
  const meetingRoute = pageRoute({ params: MeetingParams });

  function page(
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    refused?: FormState,
    groupForm?: FormState,
  ) {
    const actor = personOf(request);
    const rows = recipients.list(actor, meetingId);
    const sent = refused && {
      form: refused,
      list: valuesOf(request.body, 'list')[0] ?? '',
      personIds: valuesOf(request.body, 'personIds'),
    };
    const view = recipientsView(meetings.get(meetingId), rows, people.list(actor), sent);
    const fromGroup = recipientGroupView(groups.list(actor), groupForm);
    return sendPage(request, reply, 'recipients', 'Recipient lists', {
      ...view,
      fromGroup,
      errorSummary: [...view.errorSummary, ...fromGroup.errorSummary],
    });
  }

  app.get('/meetings/:meetingId/recipients', meetingRoute, async (request, reply) =>
    page(request, reply, request.params.meetingId),
  );

  app.post(
    '/meetings/:meetingId/recipients',
    { ...meetingRoute, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(request, RecipientsBody, ({ list, personIds }) =>
        recipients.set(actor, meetingId, list, personIds),
      );
      if (!outcome.done) return page(request, reply, meetingId, outcome.form);
      return redirectWith(reply, `/meetings/${meetingId}/recipients`, 'The list is saved.');
    },
  );

  app.post(
    '/meetings/:meetingId/recipients/groups',
    { ...meetingRoute, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const outcome = submitForm(
        request,
        RecipientGroupBody,
        ({ list, groupId }) => recipients.addGroup(actor, meetingId, list, groupId),
        { fallback: 'groupId' },
      );
      if (!outcome.done) return page(request, reply, meetingId, undefined, outcome.form);
      return redirectWith(reply, `/meetings/${meetingId}/recipients`, "The group's active members are on the list.");
    },
  );
};
