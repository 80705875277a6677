import { TEXT } from '../../rendering/html/text.js';
import { shownInstant } from './account-view.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const CODE_FIELDS: FormFields = { code: { label: 'Code', id: 'code' } };
const RECOVERY_FIELDS: FormFields = { recoveryCode: { label: 'Recovery code', id: 'recovery-code' } };
const RENEW_FIELDS: FormFields = { code: { label: 'Code', id: 'renew-code' } };
const REMOVAL_FIELDS: FormFields = {
  code: { label: 'Code', id: 'removal-code' },
  password: { label: 'Or your password', id: 'removal-password' },
};

/** A code typed is kept on refusal (it is worth nothing once refused); a password never is. */
const withoutPassword = (form: FormState): FormState => ({ ...form, values: { code: form.values.code ?? '' } });

/** The second step of a sign-in: the app's code, or one recovery code (the refused one's field named). */
export function signInCodeView(next: string, form: FormState = EMPTY_FORM) {
  const usedRecovery = Object.hasOwn(form.values, 'recoveryCode') || Object.hasOwn(form.errors, 'recoveryCode');
  const code = usedRecovery ? EMPTY_FORM : form;
  const recovery = usedRecovery ? form : EMPTY_FORM;
  return {
    next,
    codeForm: fieldViews(code, CODE_FIELDS),
    recoveryForm: fieldViews(recovery, RECOVERY_FIELDS),
    openRecovery: usedRecovery,
    errorSummary: [...errorSummary(code, CODE_FIELDS), ...errorSummary(recovery, RECOVERY_FIELDS)],
  };
}

/** Where enrolment's confirming code goes: the sign-in's second step, or the account page. */
export interface EnrolTarget {
  action: string;
  next: string;
  duringSignIn: boolean;
}

/** Enrolment: the QR code (made on the server), the key as text, and the first code to confirm it. */
export function enrolView(
  offer: { secret: string; qrCode: string },
  target: EnrolTarget,
  email: string,
  form: FormState = EMPTY_FORM,
) {
  return {
    ...target,
    qrCode: offer.qrCode,
    qrLabel: `QR code of the key for ${email}`,
    // In groups of four, as authenticator apps show keys and as people copy them.
    secretGroups: offer.secret.match(/.{1,4}/g)!.join(' '),
    codeForm: fieldViews(form, CODE_FIELDS),
    errorSummary: errorSummary(form, CODE_FIELDS),
    header: target.duringSignIn ? {} : { breadcrumbs: [{ label: TEXT.myAccount, href: '/account' }] },
  };
}

/** The recovery codes, shown this once; then on to where the person was going. */
export const recoveryCodesView = (codes: string[], continueHref: string) => ({ codes, continueHref });

/** Which second factor form of the account page was refused, if any. */
export interface SecondFactorForms {
  renew?: FormState;
  removal?: FormState;
}

interface SecondFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
  canRemove: boolean;
}

/** The account page's second factor section: set one up, or renew the recovery codes and remove it. */
export function secondFactorSection(status: SecondFactorStatus, forms: SecondFactorForms = {}) {
  const renew = forms.renew ? withoutPassword(forms.renew) : EMPTY_FORM;
  const removal = forms.removal ? withoutPassword(forms.removal) : EMPTY_FORM;
  return {
    section: {
      ...status,
      since: status.enabledAt ? shownInstant(status.enabledAt) : null,
      renewForm: fieldViews(renew, RENEW_FIELDS),
      removalForm: fieldViews(removal, REMOVAL_FIELDS),
    },
    summary: [...errorSummary(renew, RENEW_FIELDS), ...errorSummary(removal, REMOVAL_FIELDS)],
  };
}
