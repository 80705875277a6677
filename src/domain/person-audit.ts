import { createHash } from 'node:crypto';
import { named } from './words.js';

/**
 * What the people audit records: every change to a person, a role, a group or a credential,
 * hash-chained like the workflow audit (domain/audit-chain.ts) in a chain of its own.
 */
export const PERSON_ACTIONS = [
  'created',
  'changed',
  'role-changed',
  'deactivated',
  'reactivated',
  'invited',
  'invitation-accepted',
  'reset-requested',
  'reset-completed',
  'password-changed',
  'second-factor-enrolled',
  'second-factor-removed',
  'recovery-code-used',
  'session-revoked',
  'token-revoked',
  'group-created',
  'group-changed',
  'group-deleted',
  'group-member-added',
  'group-member-removed',
  'imported',
  'signed-in-sso',
] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];
export const PersonAction = named(PERSON_ACTIONS);

/** How a session was opened: SSO is trusted to ask its own second factor. */
export const SIGN_IN_METHODS = ['password', 'sso'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];
export const SignInMethod = named(SIGN_IN_METHODS);

/** The fields of a people audit event that its hash covers, in a fixed order. */
export interface PersonAuditFields {
  id: number;
  actorId: number | null;
  personId: number | null;
  groupId: number | null;
  action: PersonAction;
  /** What changed, in words or as JSON (a JSON object such as `{"fields":["name"]}`); never a secret. */
  detail: string | null;
  at: string;
}

export function hashPersonAuditEvent(prevHash: string, e: PersonAuditFields): string {
  const fields = [e.id, e.actorId, e.personId, e.groupId, e.action, e.detail, e.at];
  return createHash('sha256')
    .update(JSON.stringify(['person', prevHash, ...fields]))
    .digest('hex');
}
