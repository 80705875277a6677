import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assertCanManagePeople } from '../domain/permissions.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { TEXT } from '../rendering/html/text.js';
import { NewPersonBody, PersonChangesBody, PersonParams } from '../schemas/people.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm, submitFormAsync } from './page-kit.js';
import { newPersonView, peopleView, personView } from './views/people-view.js';

/** People, for the secretariat: the list, a new account, one person's name, role, delegation and state. */
export const peoplePages: FastifyPluginAsyncTypebox = async (app) => {
  const { people, personLinks } = app.services;
  /** The invitation shows to those who manage the person; the rest see the facts only. */
  const invitationFor = (actor: Actor, personId: number) =>
    isStaff(actor.role) ? personLinks.invitationOf(actor, personId) : null;
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
    const outcome = await submitFormAsync(request, NewPersonBody, (value) => people.create(actor, value));
    if (!outcome.done) return sendPage(request, reply, 'people-new', NEW_PERSON, newPersonView(actor, outcome.form));
    return redirectWith(reply, `/people/${outcome.result.id}`, 'Account created.');
  });

  app.get('/people/:personId', pageRoute({ params: PersonParams }), async (request, reply) => {
    const actor = personOf(request);
    const person = people.get(actor, request.params.personId);
    const view = personView(actor, person, undefined, invitationFor(actor, person.id));
    return sendPage(request, reply, 'person', person.name, view);
  });

  app.post('/people/:personId', { ...pageRoute({ params: PersonParams }), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { personId } = request.params;
    const outcome = submitForm(request, PersonChangesBody, (value) => people.update(actor, personId, value));
    if (outcome.done) return redirectWith(reply, `/people/${personId}`, 'Saved.');
    const person = people.get(actor, personId);
    const view = personView(actor, person, outcome.form, invitationFor(actor, person.id));
    return sendPage(request, reply, 'person', person.name, view);
  });
};
