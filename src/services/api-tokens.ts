import { PersonAction } from '../domain/person-audit.js';
import type { Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import type { PersonAudit } from './person-audit.js';

/**
 * A person's API tokens as their owner and the secretariat see them, and their revocation: one
 * shape and one rule for both doors (My account, a person's page).
 */
export function createApiTokens(ctx: ServiceContext, record: PersonAudit) {
  const { people } = ctx.repos;
  return {
    /** Never the secret (only its hash is stored); whether the token is out of date, now. */
    list(personId: number) {
      const now = isoNow(ctx);
      return people.listTokens(personId).map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt,
        lastUsedAt: t.lastUsedAt,
        revokedAt: t.revokedAt,
        expiresAt: t.expiresAt,
        isExpired: t.expiresAt !== null && t.expiresAt <= now,
      }));
    },

    /**
     * Revokes one of the person's tokens and records it. Revoking a revoked token again (a second
     * click, Back and again) is done, not an error: false only when the person has no such token.
     */
    revoke(actor: Actor, personId: number, tokenId: number): boolean {
      const revoked = ctx.transaction(() => {
        const changed = people.revokeToken(personId, tokenId, isoNow(ctx)) > 0;
        if (changed) record(actor, PersonAction.tokenRevoked, { personId, detail: { tokenId } });
        return changed;
      });
      return revoked || people.listTokens(personId).some((t) => t.id === tokenId);
    },
  };
}
