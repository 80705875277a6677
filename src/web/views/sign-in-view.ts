import { TEXT } from '../../rendering/html/text.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const SIGN_IN_FORM: FormFields = {
  email: { label: TEXT.email, id: 'email' },
  password: { label: TEXT.password, id: 'password' },
};

/**
 * The sign-in page; after a refused form, the email typed (never the password) and the
 * messages; `error` for wrong credentials, which name no field: it heads the error summary
 * (an ECL error notification that takes the focus). `next` is where the page goes afterwards
 * (checked when it is used). `hasSso`: single sign-on is set up, and offered beside the form.
 */
export function signInView(next: string, form: FormState = EMPTY_FORM, error: string | null = null, hasSso = false) {
  const errors = error ? { ...form.errors, _form: error } : form.errors;
  const shown: FormState = { errors, values: { email: form.values.email ?? '' } };
  return {
    form: fieldViews(shown, SIGN_IN_FORM),
    errorSummary: errorSummary(shown, SIGN_IN_FORM),
    next,
    // The SSO link carries `next` too, so that the provider's answer lands where the person was going.
    sso: hasSso ? { href: next ? `/sign-in/sso?next=${encodeURIComponent(next)}` : '/sign-in/sso' } : null,
  };
}
