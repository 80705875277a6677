import { Type } from 'typebox';
import { SECOND_FACTOR_STEPS } from '../domain/second-factor.js';
import { literalUnion } from './common.js';
import { Person } from './people.js';

// Codes are read loosely here (spaces, dashes) and checked by the service, which names the field it refuses.
const TotpCode = Type.String({
  minLength: 1,
  maxLength: 20,
  description: 'The six digits the authenticator app shows',
});
const RecoveryCode = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'One of the recovery codes, each good once',
});

/** POST /session when a second factor is due: the session cookie set is pending until it is given. */
export const SecondFactorDue = Type.Object({
  secondFactor: literalUnion(SECOND_FACTOR_STEPS, {
    description: 'code: give a code (POST /session/second-factor); enrol: set one up first (POST /session/enrolment)',
  }),
  expiresAt: Type.String({ format: 'date-time', description: 'When the pending sign-in lapses' }),
});

export const SecondFactorBody = Type.Object(
  { code: Type.Optional(TotpCode), recoveryCode: Type.Optional(RecoveryCode) },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

export const CodeBody = Type.Object({ code: TotpCode }, { additionalProperties: false });

export const RemovalBody = Type.Object(
  { code: Type.Optional(TotpCode), password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

const RecoveryCodeList = Type.Array(Type.String(), { description: 'Shown this once; only their hashes are kept' });

/** A sign-in completed; a person who enrolled on the way also gets their recovery codes. */
export const CompletedSession = Type.Object({
  person: Person,
  expiresAt: Type.String({ format: 'date-time' }),
  recoveryCodes: Type.Optional(RecoveryCodeList),
});

export const Enrolment = Type.Object({
  secret: Type.String({ description: 'The key in base32, to type into the app by hand' }),
  uri: Type.String({ description: 'The otpauth:// address the QR code holds' }),
  qrCode: Type.String({ description: 'The QR code as a PNG data URL' }),
});

export const RecoveryCodes = Type.Object({ recoveryCodes: RecoveryCodeList });

export const SecondFactorStatus = Type.Object({
  enabled: Type.Boolean(),
  enabledAt: Type.Union([Type.String(), Type.Null()]),
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
  required: Type.Boolean({ description: 'Staff on a server with AGENDUM_STAFF_2FA=required' }),
  canRemove: Type.Boolean(),
});
