import { Errors } from '../domain/errors.js';

/** Wrong codes a person may give in a window before being made to wait. */
const MAX_WRONG = 5;
const WINDOW_MS = 5 * 60_000;

/**
 * Wrong second-factor codes counted per person, in this process's memory: the sign-in limit
 * counts requests per address, this one counts guesses per account, so that spreading the
 * guesses of a six-digit code over many addresses, or making them from a stolen session (to
 * remove the factor or renew the codes), gains nothing. A right code clears the count.
 */
export function createCodeAttempts(now: () => Date) {
  const wrong = new Map<number, { count: number; since: number }>();

  const current = (personId: number) => {
    const entry = wrong.get(personId);
    if (entry && now().getTime() - entry.since > WINDOW_MS) {
      wrong.delete(personId);
      return undefined;
    }
    return entry;
  };

  return {
    /** Refuses (429) while the person has given too many wrong codes lately. */
    check(personId: number) {
      const entry = current(personId);
      if (!entry || entry.count < MAX_WRONG) return;
      const seconds = Math.ceil((entry.since + WINDOW_MS - now().getTime()) / 1000);
      throw Errors.rateLimited(`Too many wrong codes for this account; try again in ${seconds} s.`);
    },
    failed(personId: number) {
      const entry = current(personId);
      if (entry) entry.count += 1;
      else wrong.set(personId, { count: 1, since: now().getTime() });
    },
    succeeded: (personId: number) => wrong.delete(personId),
  };
}
