import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { AgendumError } from '../domain/errors.js';
import { assertCanManagePeople } from '../domain/permissions.js';
import { TEXT } from '../rendering/html/text.js';
import { NewPersonBody, PersonChangesBody, PersonParams } from '../schemas/people.js';
import { readForm } from '../schemas/read-form.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm, type FormOutcome } from './page-kit.js';
import { refusedByService, refusedForm, type FormState } from './views/form-view.js';
import { newPersonView, peopleView, personView } from './views/people-view.js';

/** A refusal about one field is the form's, a conflict included (an email already in use). */
function refusedOnField(error: unknown, input: FormState['values']): FormState {
  const isAboutField = error instanceof AgendumError && error.field !== null && [409, 422].includes(error.status);
  return isAboutField ? { values: input, errors: { [error.field!]: error.message } } : refusedByService(error, input);
}

/** `submitForm` for a service call that awaits (hashing a password). */
async function submitAwaited<S extends TSchema, R>(
  request: FastifyRequest,
  schema: S,
  act: (value: Static<S>) => Promise<R>,
): Promise<FormOutcome<R>> {
  const form = readForm(schema, request.body, request);
  if (!form.ok) return { done: false, form: refusedForm(form.input, form.errors) };
  try {
    return { done: true, result: await act(form.value) };
  } catch (error) {
    return { done: false, form: refusedOnField(error, form.input) };
  }
}

/** People, for the secretariat: the list, a new account, one person's name, role, delegation and state. */
export const peoplePages: FastifyPluginAsyncTypebox = async (app) => {
  const { people } = app.services;
  const form = { preHandler: app.csrfProtection };
  const NEW_PERSON = 'New person';

  app.get('/people', pageRoute(), async (request, reply) =>
    sendPage(request, reply, 'people', TEXT.people, peopleView(people.list(personOf(request)))),
  );

  app.get('/people/new', pageRoute(), async (request, reply) => {
    const actor = personOf(request);
    assertCanManagePeople(actor);
    return sendPage(request, reply, 'people-new', NEW_PERSON, newPersonView(actor));
  });

  app.post('/people', { ...pageRoute(), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const outcome = await submitAwaited(request, NewPersonBody, (value) => people.create(actor, value));
    if (!outcome.done) return sendPage(request, reply, 'people-new', NEW_PERSON, newPersonView(actor, outcome.form));
    return redirectWith(reply, `/people/${outcome.result.id}`, 'Account created.');
  });

  app.get('/people/:personId', pageRoute({ params: PersonParams }), async (request, reply) => {
    const actor = personOf(request);
    const person = people.get(actor, request.params.personId);
    return sendPage(request, reply, 'person', person.name, personView(actor, person));
  });

  app.post('/people/:personId', { ...pageRoute({ params: PersonParams }), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { personId } = request.params;
    const outcome = submitForm(request, PersonChangesBody, (value) => people.update(actor, personId, value));
    if (outcome.done) return redirectWith(reply, `/people/${personId}`, 'Saved.');
    const person = people.get(actor, personId);
    return sendPage(request, reply, 'person', person.name, personView(actor, person, outcome.form));
  });
};
