import { PersonLinkPurpose, PersonLinkState } from '../../domain/person-links.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const RESET_FIELDS: FormFields = { email: { label: 'Email', id: 'reset-email' } };
const CHOOSE_FIELDS: FormFields = { newPassword: { label: 'New password', id: 'new-password' } };

/** "Forgot your password?": the address (kept after a refusal) or, once sent, the same answer for all. */
export function forgotPasswordView(form: FormState = EMPTY_FORM, answer: string | null = null) {
  return { form: fieldViews(form, RESET_FIELDS), errorSummary: errorSummary(form, RESET_FIELDS), answer };
}

/** The page a mailed link opens: whose account, until when, and the password to choose (never kept). */
export function chooseLinkPasswordView(
  token: string,
  link: { purpose: string; name: string; email: string; expiresAt: string },
  form: FormState = EMPTY_FORM,
) {
  const shown: FormState = { ...form, values: { newPassword: '' } };
  return {
    token,
    link,
    invitation: link.purpose === PersonLinkPurpose.invitation,
    form: fieldViews(shown, CHOOSE_FIELDS),
    errorSummary: errorSummary(shown, CHOOSE_FIELDS),
  };
}

/** A link that no longer works: why, and the way on (a new reset link, or the secretariat). */
export const linkGoneView = (message: string) => ({ message });

const INVITATION_WORDS: Record<PersonLinkState, string> = {
  [PersonLinkState.mailing]: 'Sent; the message is waiting for the mail server',
  [PersonLinkState.delivered]: 'Delivered to the mail server',
  [PersonLinkState.accepted]: 'Accepted: the password is chosen',
  [PersonLinkState.expired]: 'Expired before it was used',
  [PersonLinkState.revoked]: 'Replaced or withdrawn',
};

/** A person's invitation in words, for their page. */
export function invitationLines(
  invitation: { state: PersonLinkState; sentAt: string; expiresAt: string; mailError: string | null } | null,
) {
  if (!invitation) return null;
  return {
    state: INVITATION_WORDS[invitation.state],
    sentAt: invitation.sentAt.slice(0, 16).replace('T', ' '),
    expiresAt: invitation.expiresAt.slice(0, 16).replace('T', ' '),
    mailError: invitation.mailError,
  };
}
