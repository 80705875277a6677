import { isStaff, type Role } from './roles.js';
import { SignInMethod } from './person-audit.js';
import { named } from './words.js';

/**
 * What a password sign-in still needs before its session opens anything: the `code` of an
 * enrolled second factor, or, for staff who must have one and have none yet, `enrol`ment first.
 */
export const SECOND_FACTOR_STEPS = ['code', 'enrol'] as const;
export type SecondFactorStep = (typeof SECOND_FACTOR_STEPS)[number];
export const SecondFactorStep = named(SECOND_FACTOR_STEPS);

/** AGENDUM_STAFF_2FA: whether secretariat and admin accounts must have a second factor. */
export type StaffSecondFactor = 'optional' | 'required';

/** How long a password alone keeps a pending session: time to open the app and type a code. */
export const PENDING_SECOND_FACTOR_MINUTES = 10;
/** Recovery codes made at enrolment (and each time they are made anew), each good once. */
export const RECOVERY_CODE_COUNT = 10;
/**
 * Codes of the time step before and after the server's are accepted too (RFC 6238 section 5.2):
 * a phone's clock a little off, or a code typed as it changed.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_TOLERANCE_STEPS = 1;

/** Must a person with this role have a second factor to sign in with a password? */
export const mustHaveSecondFactor = (role: Role, policy: StaffSecondFactor) => policy === 'required' && isStaff(role);

/**
 * The step a sign-in still owes, or null when the session may open at once. SSO is trusted to
 * have asked its own second factor; a password is not enough for a person who has enrolled one,
 * nor for staff while the policy requires it.
 */
export function secondFactorDue(
  person: { role: Role; hasSecondFactor: boolean },
  method: SignInMethod,
  policy: StaffSecondFactor,
): SecondFactorStep | null {
  if (method !== SignInMethod.password) return null;
  if (person.hasSecondFactor) return SecondFactorStep.code;
  return mustHaveSecondFactor(person.role, policy) ? SecondFactorStep.enrol : null;
}

/** A TOTP code as people type it: six digits, spaces allowed ("123 456"); null if it is not one. */
export function readTotpCode(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** A recovery code as stored (hashed): letters and digits only, in lower case ("ABcd-efgh" -> "abcdefgh"). */
export const normaliseRecoveryCode = (typed: string) => typed.toLowerCase().replace(/[^a-z0-9]/g, '');
