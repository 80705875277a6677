import { Type } from 'typebox';
import { IMPORT_OUTCOMES } from '../domain/people-import.js';
import { SIGN_IN_METHODS } from '../domain/person-audit.js';
import { Id, LINE_CHARS_PATTERN, literalUnion } from './common.js';
import { RoleSchema } from './people.js';

/** The people list's filters; each left out (or empty on the page) filters nothing. */
export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 200, pattern: LINE_CHARS_PATTERN, description: 'Part of a name or an email address' }),
    ),
    role: Type.Optional(RoleSchema),
    memberState: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    active: Type.Optional(Type.Boolean({ description: 'true: active accounts only; false: deactivated only' })),
  },
  { additionalProperties: false },
);

export const PersonSessionParams = Type.Object({ personId: Id, sessionId: Id });
export const PersonTokenParams = Type.Object({ personId: Id, tokenId: Id });

const Instant = Type.String({ format: 'date-time' });
const MaybeInstant = Type.Union([Type.String(), Type.Null()]);

/** A sign-in session as the secretariat sees it: never its secret. */
export const SessionInfo = Type.Object({
  id: Id,
  createdAt: Type.String(),
  expiresAt: Instant,
  lastSeenAt: MaybeInstant,
  method: literalUnion(SIGN_IN_METHODS),
  pendingSecondFactor: Type.Boolean({ description: 'The password was right; the second factor is still to come' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  isExpired: Type.Boolean(),
});

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({
      default: true,
      description: 'true (the default): only report what would change; false: import, all or nothing',
    }),
  },
  { additionalProperties: false },
);

const LineError = Type.Object({
  line: Type.Integer({ description: 'The line in the file; the header is line 1' }),
  field: Type.String({ description: 'The column, or `file`' }),
  message: Type.String(),
});

export const ImportReport = Type.Object({
  applied: Type.Boolean(),
  lines: Type.Array(
    Type.Object({
      line: Type.Integer(),
      name: Type.String(),
      email: Type.String(),
      outcome: literalUnion(IMPORT_OUTCOMES),
      changes: Type.Array(Type.String(), { description: 'The fields an update changes' }),
      groupsJoined: Type.Array(Type.String()),
    }),
  ),
  errors: Type.Array(LineError),
  groupsCreated: Type.Array(Type.String()),
  counts: Type.Object(Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, Type.Integer()]))),
});

/** The page's form: the file's text, carried from the dry run to the confirmation unchanged. */
export const ImportTextBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 2 * 1024 * 1024 }) },
  { additionalProperties: false },
);
