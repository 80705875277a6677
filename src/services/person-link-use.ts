import { Errors } from '../domain/errors.js';
import { PersonAction } from '../domain/person-audit.js';
import { PersonLinkPurpose, PersonLinkState, personLinkState } from '../domain/person-links.js';
import { checkNewPassword } from '../domain/password-policy.js';
import type { AuthService } from './auth-service.js';
import { commonPasswords } from './common-passwords.js';
import { isoNow, type ServiceContext } from './context.js';
import { createPersonAudit } from './person-audit.js';
import { hashPassword, hashSecret } from './secrets.js';

/** Why a link no longer works, in the words its page shows. */
const GONE: Partial<Record<PersonLinkState, string>> = {
  [PersonLinkState.accepted]: 'This link was used already: each link works once.',
  [PersonLinkState.revoked]: 'A newer link replaced this one: use the latest message you received.',
  [PersonLinkState.expired]: 'This link has expired.',
};

/**
 * Opening and using an invitation or reset link: the person chooses a password, every session
 * they had ends, and a new one opens (they land signed in). Nobody is signed in to do this.
 */
export function createPersonLinkUse(ctx: ServiceContext, auth: Pick<AuthService, 'openSession'>) {
  const { people, personLinks } = ctx.repos;
  const record = createPersonAudit(ctx);

  /** The link behind a token, if it still works; otherwise a 404 or a 410 that says why. */
  function usable(token: string) {
    const link = token.length > 300 ? undefined : personLinks.findByTokenHash(hashSecret(token));
    const person = link ? people.findById(link.personId) : undefined;
    if (!link || !person)
      throw Errors.notFound('This link is not known. Check that the whole address was copied from the message.');
    const state = personLinkState({ ...link, mailSent: true }, ctx.now());
    const gone = GONE[state];
    if (gone) throw Errors.gone(gone);
    if (!person.isActive) throw Errors.gone('This account is deactivated. The secretariat can tell you more.');
    return { link, person };
  }

  return {
    /** What a link's page shows before the password is chosen. */
    inspect(token: string) {
      const { link, person } = usable(token);
      return { purpose: link.purpose, name: person.name, email: person.email, expiresAt: link.expiresAt };
    },

    async use(token: string, newPassword: string, previousSession?: string) {
      const { person } = usable(token);
      checkNewPassword(newPassword, commonPasswords(), 'newPassword');
      const passwordHash = await hashPassword(newPassword, ctx.scryptLogN);
      return ctx.transaction(() => {
        // Checked again after the await: the same link may have been used meanwhile.
        const { link } = usable(token);
        if (!personLinks.markUsed(link.id, isoNow(ctx))) throw Errors.gone(GONE.accepted!);
        const row = people.update(person.id, { passwordHash })!;
        // Whoever held a session of this person (maybe the reason for the reset) is out.
        people.deleteSessionsOf(person.id);
        const accepted = link.purpose === PersonLinkPurpose.invitation;
        record(null, accepted ? PersonAction.invitationAccepted : PersonAction.resetCompleted, {
          personId: person.id,
          detail: { link: link.id },
        });
        return auth.openSession(row, { previousSession });
      });
    },
  };
}
export type PersonLinkUse = ReturnType<typeof createPersonLinkUse>;
