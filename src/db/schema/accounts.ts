import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { PERSON_ACTIONS } from '../../domain/person-audit.js';
import { PERSON_LINK_PURPOSES } from '../../domain/person-links.js';
import { createdAt, id, instant } from './columns.js';
import { people } from './people.js';

/**
 * An invitation or reset link. The token is an HMAC of the row under the link secret, which
 * lives outside the database; only its SHA-256 is stored, for the lookup. So a copy of the
 * database lets nobody into a pending account, and the mail worker can still rebuild the link
 * when it sends (or resends) the message.
 */
export const personLinks = sqliteTable(
  'person_links',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: PERSON_LINK_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdById: integer('created_by_id').references(() => people.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('person_links_token_hash_unique').on(t.tokenHash),
    index('person_links_person_idx').on(t.personId),
  ],
);

/** One-time recovery codes of a person's second factor, hashed; a used one stays, marked. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_person_idx').on(t.personId)],
);

/**
 * A distribution group reused across meetings ("Member State delegates", "Observers", one per
 * delegation): a meeting's recipient list is filled from it.
 */
export const distributionGroups = sqliteTable(
  'distribution_groups',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('distribution_groups_name_unique').on(sql`lower(${t.name})`)],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => distributionGroups.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('group_members_person_idx').on(t.personId)],
);

/**
 * Every change to a person, a role, a group or a credential: append-only and hash-chained
 * (a trigger refuses updates and deletes). People and groups are referenced without foreign
 * keys: the trail outlives them.
 */
export const personAuditEvents = sqliteTable(
  'person_audit_events',
  {
    id: id(),
    // Null: the system itself (the CLI, an import run by the server, a person acting on themself unsigned).
    actorId: integer('actor_id'),
    personId: integer('person_id'),
    groupId: integer('group_id'),
    action: text('action', { enum: PERSON_ACTIONS }).notNull(),
    detail: text('detail'),
    at: instant('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('person_audit_events_person_idx').on(t.personId)],
);
