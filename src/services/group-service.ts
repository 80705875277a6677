import { Errors } from '../domain/errors.js';
import { assertCanManagePeople } from '../domain/permissions.js';
import { PersonAction } from '../domain/person-audit.js';
import type { Actor } from '../domain/roles.js';
import type { GroupRow } from '../repositories/group-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { createPersonAudit } from './person-audit.js';
import { presentPerson } from './presenters.js';

export interface GroupInput {
  name: string;
  description?: string | null;
}

const presentGroup = (g: GroupRow, memberCount: number) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  createdAt: g.createdAt,
  memberCount,
});

/**
 * Distribution groups, kept by the secretariat and reused across meetings ("Member State
 * delegates", "Observers", one per delegation): a meeting's recipient list is filled from one.
 * Every change is in the people audit, in the transaction that makes it.
 */
export function createGroupService(ctx: ServiceContext) {
  const { groups, people } = ctx.repos;
  const record = createPersonAudit(ctx);

  function groupOrThrow(id: number) {
    const group = groups.findById(id);
    if (!group) throw Errors.notFound(`Distribution group ${id} does not exist.`);
    return group;
  }

  /** Names are unique whatever their case: "Delegation PT" and "delegation pt" would be one list to people. */
  function assertNameFree(name: string, exceptId?: number) {
    const holder = groups.findByName(name);
    if (holder && holder.id !== exceptId)
      throw Errors.conflict.onField('name', `A distribution group is already called ${holder.name}.`);
  }

  function get(actor: Actor, id: number) {
    assertCanManagePeople(actor);
    const group = groupOrThrow(id);
    const members = groups.members(id).map(presentPerson);
    return { ...presentGroup(group, members.length), members };
  }

  return {
    list(actor: Actor) {
      assertCanManagePeople(actor);
      return groups.list().map((r) => presentGroup(r.group, r.memberCount));
    },

    get,

    create(actor: Actor, input: GroupInput) {
      assertCanManagePeople(actor);
      const name = input.name.trim();
      return ctx.transaction(() => {
        assertNameFree(name);
        const row = groups.insert({ name, description: input.description ?? null, createdAt: isoNow(ctx) });
        record(actor, PersonAction.groupCreated, { groupId: row.id, detail: { name } });
        return presentGroup(row, 0);
      });
    },

    update(actor: Actor, id: number, input: Partial<GroupInput>) {
      assertCanManagePeople(actor);
      const before = groupOrThrow(id);
      const changes = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      };
      ctx.transaction(() => {
        if (changes.name !== undefined) assertNameFree(changes.name, id);
        const fields = Object.entries(changes)
          .filter(([k, v]) => before[k as keyof GroupRow] !== v)
          .map(([k]) => k);
        if (fields.length === 0) return;
        groups.update(id, changes);
        record(actor, PersonAction.groupChanged, { groupId: id, detail: { fields, from: before.name } });
      });
      return get(actor, id);
    },

    /** The group goes; the meetings' recipient lists filled from it keep their people. */
    remove(actor: Actor, id: number) {
      assertCanManagePeople(actor);
      const group = groupOrThrow(id);
      ctx.transaction(() => {
        const members = groups.members(id).length;
        groups.delete(id);
        record(actor, PersonAction.groupDeleted, { groupId: id, detail: { name: group.name, members } });
      });
    },

    /** Adds people to the group; those already in it stay as they are. */
    addMembers(actor: Actor, id: number, personIds: number[]) {
      assertCanManagePeople(actor);
      groupOrThrow(id);
      const found = people.findByIds(personIds);
      const missing = personIds.filter((pid) => !found.some((p) => p.id === pid));
      if (missing.length > 0) throw Errors.invalid.onField('personIds', `No person ${missing.join(', ')}.`);
      ctx.transaction(() => {
        for (const personId of groups.addMembers(id, personIds))
          record(actor, PersonAction.groupMemberAdded, { groupId: id, personId });
      });
      return get(actor, id);
    },

    removeMember(actor: Actor, id: number, personId: number) {
      assertCanManagePeople(actor);
      groupOrThrow(id);
      ctx.transaction(() => {
        if (groups.removeMember(id, personId) === 0)
          throw Errors.notFound(`Person ${personId} is not in distribution group ${id}.`);
        record(actor, PersonAction.groupMemberRemoved, { groupId: id, personId });
      });
    },
  };
}
export type GroupService = ReturnType<typeof createGroupService>;
