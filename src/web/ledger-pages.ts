import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MeetingParams } from '../schemas/common.js';
import { SendLatestBody } from '../schemas/ledger.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, errorSummary, type FormState } from './views/form-view.js';
import { LEDGER_TITLE, ledgerView } from './views/ledger-view.js';

/** The ledger of a meeting (the API's ledger) and "send the latest", asked before it sends. */
export const ledgerPages: FastifyPluginAsyncTypebox = async (app) => {
  const { packets, meetings } = app.services;
  const route = pageRoute({ params: MeetingParams });

  function ledgerPage(
    request: FastifyRequest,
    reply: FastifyReply,
    meetingId: number,
    options: { confirming?: boolean; refused?: FormState } = {},
  ) {
    const ledger = packets.ledger(personOf(request), meetingId);
    const view = ledgerView(meetings.get(meetingId), ledger, options.confirming);
    return sendPage(request, reply, 'ledger', LEDGER_TITLE, {
      ...view,
      errorSummary: errorSummary(options.refused ?? EMPTY_FORM, {}),
    });
  }

  app.get('/meetings/:meetingId/ledger', route, async (request, reply) =>
    ledgerPage(request, reply, request.params.meetingId),
  );

  app.post(
    '/meetings/:meetingId/ledger/send-latest',
    { ...route, preHandler: app.csrfProtection },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      if (field(request.body, 'confirm') !== 'yes') return ledgerPage(request, reply, meetingId, { confirming: true });
      const outcome = submitForm(
        request,
        SendLatestBody,
        // Nobody left to bring up to date (someone sent it meanwhile) is a 409: said on the form.
        (value) => packets.sendLatest(actor, meetingId, value),
        { besides: ['confirm'] },
      );
      if (!outcome.done) return ledgerPage(request, reply, meetingId, { refused: outcome.form });
      const { id, recipients } = outcome.result;
      return redirectWith(reply, `/packets/${id}`, `Sending the latest revisions to ${recipients} recipient(s).`);
    },
  );
};
