import { Errors } from '../domain/errors.js';
import { assertCanManagePeople, canGiveRole } from '../domain/permissions.js';
import { PersonAction } from '../domain/person-audit.js';
import type { Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { createPersonAudit } from './person-audit.js';
import { createApiTokens } from './api-tokens.js';

/**
 * A person's sessions and API tokens as the secretariat sees them (for the people whose role it
 * may give) and admins (for everybody): when made, last used, how, until when; never a secret,
 * which is stored only hashed anyway. Each revocation is in the people audit.
 */
export function createPersonCredentials(ctx: ServiceContext) {
  const { people, peopleAdmin } = ctx.repos;
  const record = createPersonAudit(ctx);
  const tokens = createApiTokens(ctx, record);

  function managed(actor: Actor, personId: number) {
    assertCanManagePeople(actor);
    const person = people.findById(personId);
    if (!person) throw Errors.notFound(`Person ${personId} does not exist.`);
    if (!canGiveRole(actor, person.role))
      throw Errors.forbidden('Only an admin sees and ends the sign-ins of an admin or the secretariat.');
    return person;
  }

  return {
    listSessions(actor: Actor, personId: number) {
      managed(actor, personId);
      const now = isoNow(ctx);
      return peopleAdmin.sessionsOf(personId).map((s) => ({ ...s, isExpired: s.expiresAt <= now }));
    },

    revokeSession(actor: Actor, personId: number, sessionId: number) {
      managed(actor, personId);
      const ended = ctx.transaction(() => {
        const changes = peopleAdmin.deleteSession(personId, sessionId);
        if (changes > 0) record(actor, PersonAction.sessionRevoked, { personId, detail: { sessionId } });
        return changes > 0;
      });
      if (!ended) throw Errors.notFound(`Person ${personId} has no session ${sessionId}.`);
    },

    listTokens(actor: Actor, personId: number) {
      managed(actor, personId);
      return tokens.list(personId);
    },

    revokeToken(actor: Actor, personId: number, tokenId: number) {
      managed(actor, personId);
      if (!tokens.revoke(actor, personId, tokenId))
        throw Errors.notFound(`Person ${personId} has no token ${tokenId}.`);
    },
  };
}
export type PersonCredentials = ReturnType<typeof createPersonCredentials>;
