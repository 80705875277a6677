import { Type } from 'typebox';
import { PERSON_LINK_PURPOSES, PERSON_LINK_STATES } from '../domain/person-links.js';
import { literalUnion } from './common.js';

export const Invitation = Type.Object({
  state: literalUnion(PERSON_LINK_STATES, {
    description:
      'mailing: waiting for the mail server; delivered: the server took it; then accepted, expired or revoked',
  }),
  sentAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  mailError: Type.Union([Type.String(), Type.Null()], { description: 'Why the message failed, if it did' }),
});

export const ResetRequestBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);

export const ResetRequested = Type.Object({ message: Type.String() });

/** The same words for every address: the answer never tells whether an account has it. */
export const RESET_ANSWER =
  'If an account has this address, a message with a link to choose a new password is on its way. The link works for one hour.';

const LinkToken = Type.String({ minLength: 10, maxLength: 300, pattern: '^[0-9]+\\.[A-Za-z0-9_-]+$' });
export const LinkParams = Type.Object({ token: LinkToken });

export const AccountLink = Type.Object({
  purpose: literalUnion(PERSON_LINK_PURPOSES),
  name: Type.String(),
  email: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

/** The new password is checked by the password rules (length, common passwords), which word the refusal. */
export const UseLinkBody = Type.Object(
  { token: LinkToken, newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const ChoosePasswordForm = Type.Object(
  { newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
