import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { AudienceGroup } from '../domain/audience.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';

export type ListName = AudienceGroup;

/** A meeting's distribution lists: delegates (by member state), observers, secretariat copies. */
export function createRecipientService(ctx: ServiceContext) {
  const { repos } = ctx;

  function assertAllowed(actor: Actor, meetingId: number) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat keeps the distribution lists.');
    meetingOrThrow(ctx, meetingId);
  }

  return {
    list(actor: Actor, meetingId: number) {
      assertAllowed(actor, meetingId);
      return repos.mail.listRecipients(meetingId);
    },

    set(actor: Actor, meetingId: number, list: ListName, personIds: number[]) {
      assertAllowed(actor, meetingId);
      const found = repos.people.findByIds(personIds);
      const missing = personIds.filter((id) => !found.some((p) => p.id === id));
      if (missing.length > 0) throw Errors.invalid(`No person ${missing.join(', ')}.`);
      const inactive = found.filter((p) => !p.isActive);
      if (inactive.length > 0)
        throw Errors.invalid(`${inactive.map((p) => p.name).join(', ')} cannot receive mail: deactivated.`);
      ctx.transaction(() => repos.mail.setRecipients(meetingId, list, personIds));
      return repos.mail.listRecipients(meetingId);
    },

    /**
     * Adds a distribution group's active members to one of the meeting's lists (those already on
     * it stay): the group is copied, not linked, so a later change to the group leaves the list
     * of a meeting already prepared as it was.
     */
    addGroup(actor: Actor, meetingId: number, list: ListName, groupId: number) {
      assertAllowed(actor, meetingId);
      if (!repos.groups.findById(groupId))
        throw Errors.invalid.onField('groupId', `Distribution group ${groupId} does not exist.`);
      const joining = repos.groups
        .members(groupId)
        .filter((p) => p.isActive)
        .map((p) => p.id);
      ctx.transaction(() => {
        const onList = repos.mail
          .listRecipients(meetingId)
          .filter((r) => r.list === list)
          .map((r) => r.id);
        repos.mail.setRecipients(meetingId, list, [...new Set([...onList, ...joining])]);
      });
      return repos.mail.listRecipients(meetingId);
    },
  };
}
