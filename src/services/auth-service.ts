import { Errors } from '../domain/errors.js';
import { checkNewPassword } from '../domain/password-policy.js';
import { commonPasswords } from './common-passwords.js';
import type { Actor, Role } from '../domain/roles.js';
import { PersonAction, SignInMethod } from '../domain/person-audit.js';
import { createPersonAudit } from './person-audit.js';
import { createApiTokens } from './api-tokens.js';
import type { PersonRow } from '../repositories/people-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { presentPerson } from './presenters.js';
import { PENDING_SECOND_FACTOR_MINUTES, secondFactorDue, type StaffSecondFactor } from '../domain/second-factor.js';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.js';

/** A bearer token looked up: its actor and id, or none (and whether it was only out of date). */
export type TokenCheck =
  { actor: Actor; tokenId: number; expired: false } | { actor: null; tokenId: null; expired: boolean };

const toActor = (p: Pick<PersonRow, 'id' | 'name' | 'role'>): Actor => ({
  id: p.id,
  name: p.name,
  role: p.role as Role,
});

export function createAuthService(ctx: ServiceContext, options: { staffSecondFactor?: StaffSecondFactor } = {}) {
  const staffSecondFactor = options.staffSecondFactor ?? 'optional';
  const { people } = ctx.repos;
  // Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
  let decoyHash: Promise<string> | undefined;
  const record = createPersonAudit(ctx);
  const tokens = createApiTokens(ctx, record);

  /**
   * Opens a session for a person whose identity is proven (a password, an SSO answer, a link):
   * the session the browser already had is ended first (rotation). `pendingSecondFactor`: the
   * session opens nothing until the second factor is given (services/second-factor-service.ts).
   */
  function openSession(
    person: PersonRow,
    options: { previousSession?: string; method?: SignInMethod; pendingSecondFactor?: boolean } = {},
  ) {
    if (options.previousSession) people.deleteSession(hashSecret(options.previousSession));
    const token = newSecret();
    // A session waiting for its second factor lasts only the minutes it takes to type the code.
    const lifetime = options.pendingSecondFactor ? PENDING_SECOND_FACTOR_MINUTES * 60_000 : ctx.sessionHours * 3600_000;
    const expiresAt = new Date(ctx.now().getTime() + lifetime);
    people.insertSession({
      personId: person.id,
      tokenHash: hashSecret(token),
      createdAt: isoNow(ctx),
      expiresAt: expiresAt.toISOString(),
      lastSeenAt: isoNow(ctx),
      method: options.method ?? SignInMethod.password,
      pendingSecondFactor: options.pendingSecondFactor ?? false,
    });
    return { token, expiresAt, person: presentPerson(person) };
  }

  return {
    openSession,

    /**
     * Signs in with a password; a session the browser already had is ended first (session
     * rotation). When a second factor is due (`secondFactor`: its code, or enrolment first), the
     * session opened is pending: it opens nothing until the second factor service completes it.
     */
    async signIn(email: string, password: string, previousSession?: string) {
      const person = people.findByEmail(email);
      if (!person?.passwordHash || !person.isActive) {
        decoyHash ??= hashPassword('decoy password', ctx.scryptLogN);
        await verifyPassword(password, await decoyHash);
        throw Errors.badCredentials('The email or the password is not right.');
      }
      if (!(await verifyPassword(password, person.passwordHash))) {
        throw Errors.badCredentials('The email or the password is not right.');
      }
      const due = secondFactorDue(
        { role: person.role as Role, hasSecondFactor: person.totpSecret !== null },
        SignInMethod.password,
        staffSecondFactor,
      );
      const session = openSession(person, { previousSession, pendingSecondFactor: due !== null });
      return { ...session, secondFactor: due };
    },

    signOut(sessionToken: string) {
      people.deleteSession(hashSecret(sessionToken));
    },

    /**
     * The actor behind a session cookie, or null when it is unknown, deactivated, past its
     * absolute expiry, or idle for longer than the idle limit (then it is ended for good).
     */
    actorForSession(sessionToken: string): Actor | null {
      const found = people.findSession(hashSecret(sessionToken));
      if (!found || !found.person.isActive || found.session.pendingSecondFactor) return null;
      const now = ctx.now();
      const lastSeen = Date.parse(found.session.lastSeenAt ?? found.session.createdAt);
      if (found.session.expiresAt <= now.toISOString() || now.getTime() - lastSeen > ctx.sessionIdleMinutes * 60_000) {
        people.deleteSession(found.session.tokenHash);
        return null;
      }
      // Recorded at most once a minute: enough for an idle limit counted in minutes.
      if (now.getTime() - lastSeen > 60_000) people.touchSession(found.session.id, now.toISOString());
      return toActor(found.person);
    },

    /**
     * Who a bearer token speaks for, and the token's id (per-token limits count by it, never by
     * the header's spelling). Unknown, revoked, expired, or of a deactivated person: no actor;
     * an expired one says so, so that the refusal can tell its holder why.
     */
    checkToken(token: string): TokenCheck {
      const found = people.findToken(hashSecret(token));
      if (!found || !found.person.isActive) return { actor: null, tokenId: null, expired: false };
      const now = ctx.now();
      if (found.token.expiresAt && found.token.expiresAt <= now.toISOString()) {
        return { actor: null, tokenId: null, expired: true };
      }
      // Recorded at most once a minute: a write per API call would cost more than it tells.
      if (!found.token.lastUsedAt || now.getTime() - Date.parse(found.token.lastUsedAt) > 60_000) {
        people.touchToken(found.token.id, now.toISOString());
      }
      return { actor: toActor(found.person), tokenId: found.token.id, expired: false };
    },

    /**
     * Changes one's own password: the current one proves it is them (a wrong one is refused on
     * its field, not as a failed sign-in), the new one follows the password rules. Every other
     * session of the person ends; the one making the change (`currentSession`) stays.
     */
    async changePassword(
      actor: Actor,
      input: { currentPassword: string; newPassword: string },
      currentSession: string | null,
    ) {
      const person = people.findById(actor.id);
      if (!person?.passwordHash)
        throw Errors.invalid.onField('currentPassword', 'Your account has no password to change.');
      if (!(await verifyPassword(input.currentPassword, person.passwordHash)))
        throw Errors.invalid.onField('currentPassword', 'Your current password is not right.');
      checkNewPassword(input.newPassword, commonPasswords(), 'newPassword');
      const passwordHash = await hashPassword(input.newPassword, ctx.scryptLogN);
      ctx.transaction(() => {
        people.update(actor.id, { passwordHash });
        people.deleteOtherSessions(actor.id, currentSession === null ? null : hashSecret(currentSession));
        record(actor, PersonAction.passwordChanged, { personId: actor.id });
      });
    },

    currentPerson(actor: Actor) {
      const person = people.findById(actor.id);
      if (!person) throw Errors.unauthenticated('Your account no longer exists.');
      return presentPerson(person);
    },

    /** A new token, shown once; with `expiresInDays` it stops working that many days from now. */
    createToken(actor: Actor, name: string, expiresInDays?: number) {
      const token = newSecret('agd_');
      const expiresAt =
        expiresInDays === undefined ? null : new Date(ctx.now().getTime() + expiresInDays * 86_400_000).toISOString();
      const row = people.insertToken({
        personId: actor.id,
        name,
        tokenHash: hashSecret(token),
        createdAt: isoNow(ctx),
        expiresAt,
      });
      return { id: row.id, name: row.name, createdAt: row.createdAt, expiresAt: row.expiresAt, token };
    },

    listTokens: (actor: Actor) => tokens.list(actor.id),

    revokeToken(actor: Actor, tokenId: number) {
      if (!tokens.revoke(actor, actor.id, tokenId)) throw Errors.notFound(`You have no token ${tokenId}.`);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
