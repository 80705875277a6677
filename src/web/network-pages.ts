import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError, Errors } from '../domain/errors.js';
import { assertCanManageAgenda } from '../domain/permissions.js';
import { TEXT } from '../rendering/html/text.js';
import { NewNetworkBody } from '../schemas/meetings.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './views/form-view.js';

const NETWORK_FORM: FormFields = {
  name: { label: 'Name', id: 'network-name' },
  headerLines: { label: 'Note header lines', id: 'network-header' },
};

/** The networks (secretariat and administrators): each with the lines printed at the top of its notes, and a new one. */
export const networkPages: FastifyPluginAsyncTypebox = async (app) => {
  const { meetings } = app.services;

  const sendNetworks = (request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) =>
    sendPage(request, reply, 'networks', TEXT.networks, {
      networks: meetings.listNetworks(),
      form: fieldViews(form, NETWORK_FORM),
      errorSummary: errorSummary(form, NETWORK_FORM),
    });

  app.get('/networks', pageRoute(), async (request, reply) => {
    assertCanManageAgenda(personOf(request));
    return sendNetworks(request, reply);
  });

  app.post('/networks', { ...pageRoute(), preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = personOf(request);
    assertCanManageAgenda(actor);
    // One line of the text area is one header line, as the API's list holds them.
    const typed =
      field(request.body, 'headerLines') === '' ? '' : String((request.body as Record<string, unknown>).headerLines);
    (request.body as Record<string, unknown>).headerLines = typed.split(/\r?\n/);
    const outcome = submitForm(request, NewNetworkBody, (value) => {
      try {
        return meetings.createNetwork(actor, value);
      } catch (error) {
        // A name taken is the name field's problem, shown beside it.
        if (error instanceof AgendumError && error.status === 409) throw Errors.invalid.onField('name', error.message);
        throw error;
      }
    });
    if (outcome.done) return redirectWith(reply, '/networks', `Network ${outcome.result.name} created.`);
    return sendNetworks(request, reply, { ...outcome.form, values: { ...outcome.form.values, headerLines: typed } });
  });
};
