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
  };
}
