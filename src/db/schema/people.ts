import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PACKET_FORMATS, PacketFormat } from '../../domain/packet-content.js';
import { ROLES } from '../../domain/roles.js';
import { SIGN_IN_METHODS, SignInMethod } from '../../domain/person-audit.js';
import { createdAt, id, instant } from './columns.js';

export const people = sqliteTable(
  'people',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    organisation: text('organisation'),
    memberState: text('member_state'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    passwordHash: text('password_hash'),
    // How this person wants packets: one combined PDF, or one PDF per note.
    packetFormat: text('packet_format', { enum: PACKET_FORMATS }).notNull().default(PacketFormat.combined),
    // The TOTP shared secret (base32) once enrolment is confirmed; pending until then.
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: instant('totp_enabled_at'),
    deactivatedAt: instant('deactivated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // Email addresses are compared case-insensitively: Ana@x.eu and ana@x.eu are one person.
    uniqueIndex('people_email_unique').on(sql`lower(${t.email})`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    // Only a SHA-256 of the cookie value is stored: a copy of the database opens no session.
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    // Idle expiry: a session unused for AGENDUM_SESSION_IDLE_MINUTES ends.
    lastSeenAt: instant('last_seen_at'),
    method: text('method', { enum: SIGN_IN_METHODS }).notNull().default(SignInMethod.password),
    // A password was right but the second factor is still to come: the session opens nothing yet.
    pendingSecondFactor: integer('pending_second_factor', { mode: 'boolean' }).notNull().default(false),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_person_idx').on(t.personId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
    // Optional end of life (expiresInDays at creation); null: valid until revoked.
    expiresAt: instant('expires_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash), index('api_tokens_person_idx').on(t.personId)],
);
