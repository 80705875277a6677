import { Type } from 'typebox';
import { PACKET_FORMATS } from '../domain/packet-content.js';
import { ROLES } from '../domain/roles.js';
import { Id, Line, literalUnion } from './common.js';

export const RoleSchema = literalUnion(ROLES);
const MemberState = Type.Union([
  Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  Type.Null(),
]);
const Email = Type.String({ format: 'email', maxLength: 254 });

export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  organisation: Type.Union([Type.String(), Type.Null()]),
  memberState: MemberState,
  isActive: Type.Boolean(),
  canSignIn: Type.Boolean(),
  packetFormat: literalUnion(PACKET_FORMATS, {
    description: 'How packets come to this person: combined (one PDF) or separate (one PDF per note)',
  }),
});

export const NewPersonBody = Type.Object(
  {
    name: Line(200),
    email: Email,
    role: RoleSchema,
    organisation: Type.Optional(Type.Union([Line(200), Type.Null()])),
    memberState: Type.Optional(MemberState),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 200 })),
    invite: Type.Optional(
      Type.Boolean({ description: 'Mail an invitation link to choose a password (for an account made without one)' }),
    ),
  },
  { additionalProperties: false },
);

export const PersonChangesBody = Type.Object(
  {
    name: Type.Optional(Line(200)),
    role: Type.Optional(RoleSchema),
    organisation: Type.Optional(Type.Union([Line(200), Type.Null()])),
    memberState: Type.Optional(MemberState),
    isActive: Type.Optional(Type.Boolean()),
    packetFormat: Type.Optional(
      literalUnion(PACKET_FORMATS, { description: 'Anybody may change their own; the secretariat anyone else' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PersonParams = Type.Object({ personId: Id });

export const SignInBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const Session = Type.Object({ person: Person, expiresAt: Type.String({ format: 'date-time' }) });

export const NewTokenBody = Type.Object(
  {
    name: Line(100),
    expiresInDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 365,
        description: 'Days until the token stops working; none: until revoked',
      }),
    ),
  },
  { additionalProperties: false },
);
const TokenExpiry = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
export const TokenInfo = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  expiresAt: TokenExpiry,
  isExpired: Type.Boolean(),
});
export const NewToken = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: TokenExpiry,
  token: Type.String({ description: 'Shown once; send as `Authorization: Bearer <token>`' }),
});
export const TokenParams = Type.Object({ tokenId: Id });

/** A new password is checked by the password rules (length, common passwords), which word the refusal. */
export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/**
 * A sign-on provider's answer as it comes back to agendum (OpenID Connect, RFC 9207's `iss`);
 * openid-client reads and checks it. Other parameters a provider adds are let through.
 */
export const SsoCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2000 })),
    state: Type.Optional(Type.String({ maxLength: 500 })),
    iss: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: true },
);

/** Off to the sign-on provider: its address is in the Location header. */
export const SsoRedirect = Type.Null({ description: 'Redirect to the sign-on provider (Location header)' });
