import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GroupChangesBody, GroupMemberParams, GroupMembersBody, GroupParams, NewGroupBody } from '../schemas/groups.js';
import { pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import type { FormState } from './views/form-view.js';
import { groupsView, groupView, type GroupForms } from './views/group-view.js';

const GROUPS_TITLE = 'Distribution groups';

/** Distribution groups for the secretariat, with the API's services and schemas. */
export const groupPages: FastifyPluginAsyncTypebox = async (app) => {
  const { groups, peopleDirectory } = app.services;
  const form = { preHandler: app.csrfProtection };
  const groupRoute = pageRoute({ params: GroupParams });

  function listPage(request: FastifyRequest, reply: FastifyReply, refused?: FormState) {
    const view = groupsView(groups.list(personOf(request)), refused);
    return sendPage(request, reply, 'groups', GROUPS_TITLE, view);
  }

  function groupPage(request: FastifyRequest, reply: FastifyReply, groupId: number, forms?: GroupForms) {
    const actor = personOf(request);
    const group = groups.get(actor, groupId);
    const view = groupView(group, peopleDirectory.search(actor, { active: true }), forms);
    return sendPage(request, reply, 'group', group.name, view);
  }

  app.get('/groups', pageRoute(), async (request, reply) => listPage(request, reply));

  app.post('/groups', { ...pageRoute(), ...form }, async (request, reply) => {
    const outcome = submitForm(request, NewGroupBody, (value) => groups.create(personOf(request), value));
    if (!outcome.done) return listPage(request, reply, outcome.form);
    return redirectWith(reply, `/groups/${outcome.result.id}`, 'Group created.');
  });

  app.get('/groups/:groupId', groupRoute, async (request, reply) => groupPage(request, reply, request.params.groupId));

  app.post('/groups/:groupId', { ...groupRoute, ...form }, async (request, reply) => {
    const { groupId } = request.params;
    const outcome = submitForm(request, GroupChangesBody, (value) => groups.update(personOf(request), groupId, value));
    if (!outcome.done) return groupPage(request, reply, groupId, { details: outcome.form });
    return redirectWith(reply, `/groups/${groupId}`, 'Saved.');
  });

  app.post('/groups/:groupId/delete', { ...groupRoute, ...form }, async (request, reply) => {
    groups.remove(personOf(request), request.params.groupId);
    return redirectWith(reply, '/groups', 'Group deleted.');
  });

  app.post('/groups/:groupId/members', { ...groupRoute, ...form }, async (request, reply) => {
    const { groupId } = request.params;
    const outcome = submitForm(
      request,
      GroupMembersBody,
      ({ personIds }) => groups.addMembers(personOf(request), groupId, personIds),
      { fallback: 'personIds' },
    );
    if (!outcome.done) return groupPage(request, reply, groupId, { member: outcome.form });
    return redirectWith(reply, `/groups/${groupId}`, 'Added to the group.');
  });

  app.post(
    '/groups/:groupId/members/:personId/remove',
    { ...pageRoute({ params: GroupMemberParams }), ...form },
    async (request, reply) => {
      const { groupId, personId } = request.params;
      groups.removeMember(personOf(request), groupId, personId);
      return redirectWith(reply, `/groups/${groupId}`, 'Taken out of the group.');
    },
  );
};
