import { randomUUID } from 'node:crypto';
import { OutboxKind, OutboxStatus } from '../domain/delivery.js';
import { Errors } from '../domain/errors.js';
import { PersonAction } from '../domain/person-audit.js';
import { PersonLinkPurpose, personLinkState, personLinkToken, RESET_LINK_MINUTES } from '../domain/person-links.js';
import { assertCanManagePeople, canGiveRole } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import type { PersonRow } from '../repositories/people-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { createPersonAudit } from './person-audit.js';
import { hashSecret } from './secrets.js';

export interface PersonLinkSettings {
  linkSecret: Buffer;
  publicUrl: string;
  inviteDays: number;
}

/** Where a link is opened: the page that asks for the new password. */
export const accountLinkPath = (token: string) => `/account/link/${token}`;

/**
 * Invitations and password resets: a single-use, expiring link mailed through the outbox. A new
 * link of the same purpose revokes the older ones. The reset request answers the same whatever
 * the address: its work is done after the answer has gone (see requestReset).
 */
export function createPersonLinkService(
  ctx: ServiceContext,
  settings: PersonLinkSettings,
  mail: { kick: () => void; onError: (error: unknown) => void },
) {
  const { people, personLinks } = ctx.repos;
  const record = createPersonAudit(ctx);

  /** Makes a link and queues its message, inside the caller's transaction. */
  function issue(person: PersonRow, purpose: PersonLinkPurpose, expiresAt: Date, actor: Actor | null) {
    const at = isoNow(ctx);
    personLinks.revokeOpen(person.id, at, purpose);
    // The token is an HMAC of the row, so the row comes first; its hash replaces the placeholder.
    const link = personLinks.insert({
      personId: person.id,
      purpose,
      tokenHash: `pending:${randomUUID()}`,
      createdById: actor?.id ?? null,
      createdAt: at,
      expiresAt: expiresAt.toISOString(),
    });
    personLinks.setTokenHash(link.id, hashSecret(personLinkToken(settings.linkSecret, link)));
    ctx.repos.mail.insertOutbox([
      {
        kind: OutboxKind.accountLink,
        personId: person.id,
        personLinkId: link.id,
        email: person.email,
        messageId: `<account-${link.id}-${randomUUID()}@agendum>`,
        subject:
          purpose === PersonLinkPurpose.invitation
            ? 'Your agendum account: choose your password'
            : 'agendum: reset your password',
        status: OutboxStatus.queued,
        nextAttemptAt: at,
        createdAt: at,
      },
    ]);
    return link;
  }

  function invitationView(personId: number) {
    const latest = personLinks.latest(personId, PersonLinkPurpose.invitation);
    if (!latest) return null;
    const { link, mail: message } = latest;
    return {
      state: personLinkState({ ...link, mailSent: latest.mailSent }, ctx.now()),
      sentAt: link.createdAt,
      expiresAt: link.expiresAt,
      acceptedAt: link.usedAt,
      mailError: message?.status === OutboxStatus.failed ? message.lastError : null,
    };
  }

  return {
    /**
     * Invites a person to choose their first password. Inviting again revokes the earlier link.
     * Refused for a deactivated account, and for one that can already sign in (it has a
     * password: "Forgot your password?" is its way back).
     */
    invite(actor: Actor | 'system', personId: number) {
      const person = people.findById(personId);
      if (!person) throw Errors.notFound(`Person ${personId} does not exist.`);
      const by = actor === 'system' ? null : actor;
      if (by) {
        assertCanManagePeople(by);
        if (!canGiveRole(by, person.role)) throw Errors.forbidden('Only an admin invites an admin or the secretariat.');
      }
      if (!person.isActive) throw Errors.conflict(`${person.name}'s account is deactivated: reactivate it first.`);
      if (person.passwordHash)
        throw Errors.conflict(`${person.name} can already sign in; "Forgot your password?" sends them a new link.`);
      const expiresAt = new Date(ctx.now().getTime() + settings.inviteDays * 86_400_000);
      ctx.transaction(() => {
        const link = issue(person, PersonLinkPurpose.invitation, expiresAt, by);
        record(by, PersonAction.invited, { personId, detail: { link: link.id, expiresAt: link.expiresAt } });
      });
      mail.kick();
      return invitationView(personId)!;
    },

    /** The person's latest invitation and where it stands, for the secretariat. */
    invitationOf(actor: Actor, personId: number) {
      assertCanManagePeople(actor);
      if (!people.findById(personId)) throw Errors.notFound(`Person ${personId} does not exist.`);
      return invitationView(personId);
    },

    /**
     * "Forgot password": answers at once and the same for every address; the lookup, the link
     * and the message are made afterwards, so neither the answer nor its timing tells whether
     * the address has an account. Returns the deferred work, for tests to wait on.
     */
    requestReset(email: string): Promise<void> {
      return new Promise((resolve) => {
        setImmediate(() => {
          try {
            const person = people.findByEmail(email.trim());
            if (person?.isActive) {
              const expiresAt = new Date(ctx.now().getTime() + RESET_LINK_MINUTES * 60_000);
              ctx.transaction(() => {
                const link = issue(person, PersonLinkPurpose.passwordReset, expiresAt, null);
                record(null, PersonAction.resetRequested, { personId: person.id, detail: { link: link.id } });
              });
              mail.kick();
            }
          } catch (error) {
            mail.onError(error);
          }
          resolve();
        });
      });
    },

    /** The address a link's message carries. */
    linkUrl: (link: { id: number; createdAt: string }) =>
      `${settings.publicUrl}${accountLinkPath(personLinkToken(settings.linkSecret, link))}`,
  };
}
export type PersonLinkService = ReturnType<typeof createPersonLinkService>;
