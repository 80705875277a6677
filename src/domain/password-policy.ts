import { Errors } from './errors.js';

/** NIST SP 800-63B: at least this long, checked against known passwords, no composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * A new password as the rules take it: long enough (counted in characters, so `é` is one),
 * and not one of the commonly used passwords (compared without case). Refused on `field`.
 */
export function checkNewPassword(password: string, common: ReadonlySet<string>, field = 'password'): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    throw Errors.invalid.onField(
      field,
      `A password has at least ${MIN_PASSWORD_LENGTH} characters; this one has ${length}. A few words in a row make a long one that is easy to remember.`,
    );
  if (length > MAX_PASSWORD_LENGTH)
    throw Errors.invalid.onField(field, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`);
  if (common.has(password.toLowerCase()))
    throw Errors.invalid.onField(field, 'This password is on the list of commonly used passwords: choose another.');
}
