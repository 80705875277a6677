import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assertCanManagePeople, canGiveRole } from '../domain/permissions.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { TEXT } from '../rendering/html/text.js';
import { NewPersonBody, PersonChangesBody, PersonParams } from '../schemas/people.js';
import { PeopleQuery } from '../schemas/people-admin.js';
import { readForm } from '../schemas/read-form.js';
import type { PersonView } from '../services/presenters.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm, submitFormAsync } from './page-kit.js';
import { refusedForm } from './views/form-view.js';
import { peopleFilterView } from './views/people-filter-view.js';
import { newPersonView, peopleView, personView } from './views/people-view.js';
import { personCredentialsView } from './views/person-credentials-view.js';

/** People, for the secretariat: the list, a new account, one person's name, role, delegation and state. */
export const peoplePages: FastifyPluginAsyncTypebox = async (app) => {
  const { people, personLinks, peopleDirectory, credentials } = app.services;
  /** The invitation shows to those who manage the person; the rest see the facts only. */
  const invitationFor = (actor: Actor, personId: number) =>
    isStaff(actor.role) ? personLinks.invitationOf(actor, personId) : null;
  const form = { preHandler: app.csrfProtection };
  const NEW_PERSON = 'New person';

  /** A person's sessions and tokens, for those who manage people of their role; none for the others. */
  const credentialsOf = (actor: Actor, person: PersonView) =>
    canGiveRole(actor, person.role)
      ? personCredentialsView(
          person.id,
          credentials.listSessions(actor, person.id),
          credentials.listTokens(actor, person.id),
        )
      : null;

  // The filters are read with the API's query schema; a refused one is said on its field, the list unfiltered.
  app.get('/people', pageRoute(), async (request, reply) => {
    const actor = personOf(request);
    const query = readForm(PeopleQuery, request.query, request, ['done']);
    const found = peopleDirectory.search(actor, query.ok ? query.value : {});
    const form = query.ok ? { values: query.input, errors: {} } : refusedForm(query.input, query.errors);
    const { errorSummary, ...filter } = peopleFilterView(form, found.length);
    return sendPage(request, reply, 'people', TEXT.people, { ...peopleView(found), filter, errorSummary });
  });

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
    return sendPage(request, reply, 'person', person.name, {
      ...personView(actor, person, undefined, invitationFor(actor, person.id)),
      credentials: credentialsOf(actor, person),
    });
  });

  app.post('/people/:personId', { ...pageRoute({ params: PersonParams }), ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { personId } = request.params;
    const outcome = submitForm(request, PersonChangesBody, (value) => people.update(actor, personId, value));
    if (outcome.done) return redirectWith(reply, `/people/${personId}`, 'Saved.');
    const person = people.get(actor, personId);
    return sendPage(request, reply, 'person', person.name, {
      ...personView(actor, person, outcome.form, invitationFor(actor, person.id)),
      credentials: credentialsOf(actor, person),
    });
  });
};
