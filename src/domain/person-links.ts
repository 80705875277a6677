import { createHmac } from 'node:crypto';
import { named } from './words.js';

/**
 * A link mailed to a person that lets them set a password without knowing one: an invitation
 * (the first password of an account the secretariat added) or a password reset. Single use,
 * expiring; a newer link of the same purpose revokes the older ones.
 */
export const PERSON_LINK_PURPOSES = ['invitation', 'password-reset'] as const;
export type PersonLinkPurpose = (typeof PERSON_LINK_PURPOSES)[number];
export const PersonLinkPurpose = named(PERSON_LINK_PURPOSES);

/**
 * Where a link stands, as its person's page shows it: `mailing` while its message waits for the
 * mail server, `delivered` once the server took it.
 */
export const PERSON_LINK_STATES = ['mailing', 'delivered', 'accepted', 'expired', 'revoked'] as const;
export type PersonLinkState = (typeof PERSON_LINK_STATES)[number];
export const PersonLinkState = named(PERSON_LINK_STATES);

export interface PersonLinkFacts {
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  /** Whether the mail server accepted the message that carries the link. */
  mailSent: boolean;
}

/** Used beats revoked beats expired: what happened to the link is told before what could not. */
export function personLinkState(link: PersonLinkFacts, now: Date): PersonLinkState {
  if (link.usedAt) return PersonLinkState.accepted;
  if (link.revokedAt) return PersonLinkState.revoked;
  if (link.expiresAt <= now.toISOString()) return PersonLinkState.expired;
  return link.mailSent ? PersonLinkState.delivered : PersonLinkState.mailing;
}

/** An invitation lasts AGENDUM_INVITE_DAYS (7 by default); a reset one hour, per NIST SP 800-63B's advice for recovery. */
export const RESET_LINK_MINUTES = 60;

/**
 * The token of a link: an HMAC of the link's row under the link secret. The database holds only
 * its SHA-256, so the mail worker can rebuild the link from the row and the secret, and a copy of
 * the database alone opens nothing.
 */
export function personLinkToken(secret: Buffer, link: { id: number; createdAt: string }): string {
  const mac = createHmac('sha256', secret).update(`person-link:${link.id}:${link.createdAt}`).digest('base64url');
  return `${link.id}.${mac}`;
}
