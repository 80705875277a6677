import { PACKET_FORMATS } from '../../domain/packet-content.js';
import { termOf } from '../../rendering/html/glossary.js';
import { TEXT } from '../../rendering/html/text.js';
import type { PersonView } from '../../services/presenters.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

/** An instant as people read it: day and minute, UTC said. */
export const shownInstant = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const PREFERENCE_FIELDS: FormFields = { packetFormat: { label: 'Packets come as', id: 'packet-format' } };
const PASSWORD_FIELDS: FormFields = {
  currentPassword: { label: 'Current password', id: 'current-password' },
  newPassword: { label: 'New password', id: 'new-password' },
};
const TOKEN_FIELDS: FormFields = {
  name: { label: 'Name of the token', id: 'token-name' },
  expiresInDays: { label: 'Days until it stops working', id: 'token-days' },
};

export interface TokenFacts {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  isExpired: boolean;
}

export function tokenLine(token: TokenFacts) {
  const state = token.revokedAt ? `Revoked ${shownInstant(token.revokedAt)}` : token.isExpired ? 'Expired' : 'Works';
  return {
    id: token.id,
    name: token.name,
    created: shownInstant(token.createdAt),
    expires: token.expiresAt ? shownInstant(token.expiresAt) : 'Never (until revoked)',
    lastUsed: token.lastUsedAt ? shownInstant(token.lastUsedAt) : 'Never',
    state,
    canRevoke: !token.revokedAt && !token.isExpired,
  };
}

/** Which form of the account page was refused, if any. */
export interface AccountForms {
  preference?: FormState;
  password?: FormState;
  token?: FormState;
}

/** My account: own name and email, the packet format preference, own API tokens. */
export function accountView(me: PersonView, tokens: TokenFacts[], forms: AccountForms = {}) {
  const preference = forms.preference ?? EMPTY_FORM;
  const token = forms.token ?? EMPTY_FORM;
  // A refused password form never shows what was typed: only the messages.
  const password = forms.password ? { ...forms.password, values: {} } : EMPTY_FORM;
  const format = fieldViews(preference, PREFERENCE_FIELDS, { packetFormat: me.packetFormat });
  return {
    me: { name: me.name, email: me.email, role: termOf('role', me.role).label },
    preference: format,
    formats: PACKET_FORMATS.map((value) => ({
      value,
      label: termOf('packetFormat', value).label,
      selected: value === format.packetFormat!.value,
    })),
    passwordForm: fieldViews(password, PASSWORD_FIELDS),
    tokenForm: fieldViews(token, TOKEN_FIELDS),
    tokens: tokens.map(tokenLine),
    errorSummary: [
      ...errorSummary(preference, PREFERENCE_FIELDS),
      ...errorSummary(password, PASSWORD_FIELDS),
      ...errorSummary(token, TOKEN_FIELDS),
    ],
    header: { title: TEXT.myAccount, meta: [me.email] },
  };
}

/** The page after a token is made: its secret, shown this once. */
export function newTokenView(token: { name: string; token: string; expiresAt: string | null }) {
  return {
    name: token.name,
    secret: token.token,
    expires: token.expiresAt ? shownInstant(token.expiresAt) : 'Never (until revoked)',
    header: { breadcrumbs: [{ label: TEXT.myAccount, href: '/account' }] },
  };
}
