import { Errors } from '../domain/errors.js';
import { PersonAction, SignInMethod } from '../domain/person-audit.js';
import type { Actor, Role } from '../domain/roles.js';
import {
  mustHaveSecondFactor,
  normaliseRecoveryCode,
  readTotpCode,
  RECOVERY_CODE_COUNT,
  SecondFactorStep,
  type StaffSecondFactor,
} from '../domain/second-factor.js';
import type { PersonRow } from '../repositories/people-repository.js';
import type { AuthService } from './auth-service.js';
import { createCodeAttempts } from './code-attempts.js';
import { isoNow, type ServiceContext } from './context.js';
import { createPersonAudit } from './person-audit.js';
import { hashSecret, verifyPassword } from './secrets.js';
import { matchTotp, newRecoveryCode, newTotpSecret, qrCodeOf, totpUri } from './totp.js';

/** What a sign-in's second step sends: a code of the authenticator app, or one recovery code. */
export type SecondFactorProof = { code?: string; recoveryCode?: string };

const selfOf = (person: PersonRow): Actor => ({ id: person.id, name: person.name, role: person.role as Role });
const hashRecoveryCode = (code: string) => hashSecret(normaliseRecoveryCode(code));

/**
 * A person's second factor (TOTP, RFC 6238, with recovery codes): enrolment, the codes, its
 * removal, and the second step of a password sign-in, which turns a pending session into one
 * that opens the app (auth-service.ts opens it pending).
 */
export function createSecondFactorService(
  ctx: ServiceContext,
  auth: Pick<AuthService, 'openSession'>,
  options: { staffSecondFactor: StaffSecondFactor },
) {
  const { people, secondFactor } = ctx.repos;
  const record = createPersonAudit(ctx);
  // The last time step whose code each person used: a code seen once is refused for good (RFC
  // 6238 section 5.2). Kept in this process's memory, as the schema has no column for it: a
  // restart (or a second process) forgets it, which reopens at most the 90 seconds a code lives.
  const lastStep = new Map<number, number>();
  const attempts = createCodeAttempts(ctx.now);

  function personOf(actor: Actor): PersonRow {
    const person = people.findById(actor.id);
    if (!person) throw Errors.unauthenticated('Your account no longer exists.');
    return person;
  }

  /** A session opened by a password and waiting for its second factor, or a 401 to start again. */
  function pendingPerson(pendingToken: string | undefined): PersonRow {
    const found = pendingToken ? people.findSession(hashSecret(pendingToken)) : undefined;
    if (
      !found ||
      !found.session.pendingSecondFactor ||
      !found.person.isActive ||
      found.session.expiresAt <= isoNow(ctx)
    ) {
      throw Errors.unauthenticated(
        'Your sign-in has expired or was not started: sign in with your email and password.',
      );
    }
    return found.person;
  }

  function checkCode(person: PersonRow, secret: string, typed: string): void {
    attempts.check(person.id);
    const code = readTotpCode(typed);
    if (!code) throw Errors.invalid.onField('code', 'The code is the six digits your authenticator app shows.');
    const step = matchTotp(secret, code, ctx.now(), lastStep.get(person.id));
    if (step === null) {
      attempts.failed(person.id);
      throw Errors.invalid.onField(
        'code',
        'This code is not right or was already used: type the code your authenticator app shows now.',
      );
    }
    lastStep.set(person.id, step);
    attempts.succeeded(person.id);
  }

  /** Ten new recovery codes, shown once: only their hashes are kept. */
  function newRecoveryCodes(person: PersonRow): string[] {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    secondFactor.replaceRecoveryCodes(person.id, codes.map(hashRecoveryCode), isoNow(ctx));
    return codes;
  }

  /** A new secret waiting for its first code; `keepPending` shows again the one already offered. */
  async function offerEnrolment(person: PersonRow, keepPending: boolean) {
    if (person.totpSecret) {
      throw Errors.conflict('You already have a second factor. Remove it first to set up another one.');
    }
    const secret = keepPending && person.totpPendingSecret ? person.totpPendingSecret : newTotpSecret();
    if (secret !== person.totpPendingSecret) secondFactor.setPendingSecret(person.id, secret);
    const uri = totpUri(secret, person.email);
    return { secret, uri, qrCode: await qrCodeOf(uri) };
  }

  /** A code from the offered secret makes it the second factor; the recovery codes are made with it. */
  function confirmEnrolment(person: PersonRow, typed: string): string[] {
    const secret = person.totpPendingSecret;
    if (person.totpSecret) throw Errors.conflict('You already have a second factor.');
    if (!secret) throw Errors.conflict('There is no key waiting for a code: start the setup first.');
    checkCode(person, secret, typed);
    return ctx.transaction(() => {
      if (secondFactor.enable(person.id, secret, isoNow(ctx)) !== 1) {
        throw Errors.conflict('The setup was started again meanwhile: use the newest key.');
      }
      const codes = newRecoveryCodes(person);
      record(selfOf(person), PersonAction.secondFactorEnrolled, { personId: person.id });
      return codes;
    });
  }

  function useRecoveryCode(person: PersonRow, typed: string): void {
    attempts.check(person.id);
    ctx.transaction(() => {
      if (secondFactor.useRecoveryCode(person.id, hashRecoveryCode(typed), isoNow(ctx)) !== 1) {
        attempts.failed(person.id);
        throw Errors.invalid.onField('recoveryCode', 'This recovery code is not right, or it was already used.');
      }
      const left = secondFactor.countUnusedRecoveryCodes(person.id);
      record(selfOf(person), PersonAction.recoveryCodeUsed, { personId: person.id, detail: { left } });
    });
  }

  return {
    /** Where a pending sign-in stands: a code to give, or enrolment first. */
    pendingStep(pendingToken: string | undefined) {
      const person = pendingPerson(pendingToken);
      return { step: person.totpSecret ? SecondFactorStep.code : SecondFactorStep.enrol, email: person.email };
    },

    /** Enrolment within a sign-in, for staff who must have a second factor and have none yet. */
    offerSignInEnrolment: (pendingToken: string | undefined, keepPending = false) =>
      offerEnrolment(pendingPerson(pendingToken), keepPending),

    /**
     * Completes a pending sign-in: a code of the enrolled factor, or a recovery code (each good
     * once); a person enrolling gives the first code of the new key and gets their recovery
     * codes. The pending session is replaced by a full one (rotation).
     */
    completeSignIn(pendingToken: string | undefined, proof: SecondFactorProof) {
      const person = pendingPerson(pendingToken);
      let recoveryCodes: string[] | undefined;
      if (proof.recoveryCode !== undefined) {
        if (!person.totpSecret) throw Errors.invalid.onField('recoveryCode', 'You have no recovery codes yet.');
        useRecoveryCode(person, proof.recoveryCode);
      } else if (person.totpSecret) checkCode(person, person.totpSecret, proof.code ?? '');
      else recoveryCodes = confirmEnrolment(person, proof.code ?? '');
      const session = auth.openSession(person, { previousSession: pendingToken, method: SignInMethod.password });
      return { ...session, ...(recoveryCodes ? { recoveryCodes } : {}) };
    },

    /** One's own second factor as the account page and GET /account/second-factor show it. */
    status(actor: Actor) {
      const person = personOf(actor);
      const required = mustHaveSecondFactor(person.role as Role, options.staffSecondFactor);
      return {
        enabled: person.totpSecret !== null,
        enabledAt: person.totpEnabledAt,
        recoveryCodesLeft: person.totpSecret ? secondFactor.countUnusedRecoveryCodes(person.id) : 0,
        required,
        canRemove: person.totpSecret !== null && !required,
      };
    },

    /** A new key to set up (`keepPending`: the one already offered, as a refused form shows it again). */
    startEnrolment: (actor: Actor, keepPending = false) => offerEnrolment(personOf(actor), keepPending),

    confirmEnrolment: (actor: Actor, code: string) => ({ recoveryCodes: confirmEnrolment(personOf(actor), code) }),

    /** New recovery codes (a current code required): the earlier ones stop working. */
    replaceRecoveryCodes(actor: Actor, code: string) {
      const person = personOf(actor);
      if (!person.totpSecret) throw Errors.conflict('You have no second factor: set one up first.');
      checkCode(person, person.totpSecret, code);
      const recoveryCodes = ctx.transaction(() => {
        const codes = newRecoveryCodes(person);
        record(actor, PersonAction.secondFactorEnrolled, { personId: person.id, detail: 'recovery codes made anew' });
        return codes;
      });
      return { recoveryCodes };
    },

    /** Removes one's second factor, proven by a current code or the password; staff keep theirs while it is required. */
    async remove(actor: Actor, proof: { code?: string; password?: string }) {
      const person = personOf(actor);
      if (mustHaveSecondFactor(person.role as Role, options.staffSecondFactor)) {
        throw Errors.conflict('The secretariat and admins must keep a second factor on this server.');
      }
      if (!person.totpSecret) throw Errors.conflict('You have no second factor to remove.');
      if (proof.password !== undefined) {
        attempts.check(person.id);
        if (!person.passwordHash || !(await verifyPassword(proof.password, person.passwordHash))) {
          attempts.failed(person.id);
          throw Errors.invalid.onField('password', 'Your password is not right.');
        }
      } else checkCode(person, person.totpSecret, proof.code ?? '');
      ctx.transaction(() => {
        secondFactor.disable(person.id);
        record(actor, PersonAction.secondFactorRemoved, { personId: person.id });
      });
    },
  };
}
export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
