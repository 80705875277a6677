import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { PeopleQuery } from '../../schemas/people-admin.js';
import { NewPersonBody, Person, PersonChangesBody, PersonParams } from '../../schemas/people.js';

const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { people, peopleDirectory } = app.services;

  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'List people: search by name or email, filter by role, Member State, active; ordered by name',
        querystring: PeopleQuery,
        response: { 200: Type.Array(Person), ...problems(403) },
      },
    },
    async (request) => peopleDirectory.search(actorOf(request), request.query),
  );

  app.post(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Create a person (an account)',
        body: NewPersonBody,
        response: { 201: Person, ...problems(403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await people.create(actorOf(request), request.body)),
  );

  app.get(
    '/people/:personId',
    {
      schema: {
        tags: ['people'],
        summary: 'One person',
        params: PersonParams,
        response: { 200: Person, ...problems(403, 404) },
      },
    },
    async (request) => people.get(actorOf(request), request.params.personId),
  );

  app.patch(
    '/people/:personId',
    {
      schema: {
        tags: ['people'],
        summary: 'Change a person (deactivate with isActive: false)',
        params: PersonParams,
        body: PersonChangesBody,
        response: { 200: Person, ...problems(403, 404) },
      },
    },
    async (request) => people.update(actorOf(request), request.params.personId, request.body),
  );
};
export default peopleRoutes;
