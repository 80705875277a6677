import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from './columns.js';
import { meetings } from './meetings.js';
import type { FrozenPacket } from '../../domain/frozen-packet.js';
import { AUDIENCE_GROUPS, type AudienceGroup } from '../../domain/audience.js';
import { DELIVERY_FORMS, OUTBOX_KINDS, OUTBOX_STATUSES } from '../../domain/delivery.js';
import type { NoteState } from '../../domain/note-workflow.js';
import { PACKET_CONTENTS, PACKET_KINDS, PacketKind } from '../../domain/packet-content.js';
import { people } from './people.js';

/** Who receives a meeting's packets, by list; without rows, the meeting's list is every active delegate. */
export const meetingRecipients = sqliteTable(
  'meeting_recipients',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    list: text('list', { enum: AUDIENCE_GROUPS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId, t.list] })],
);

/** One packet sent (or being sent) for a meeting: what it carries is fixed when it is created. */
export const packets = sqliteTable('packets', {
  id: id(),
  meetingId: integer('meeting_id')
    .notNull()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  message: text('message').notNull(),
  lists: text('lists', { mode: 'json' }).$type<AudienceGroup[]>().notNull(),
  content: text('content', { enum: PACKET_CONTENTS }).notNull(),
  includeInvite: integer('include_invite', { mode: 'boolean' }).notNull(),
  itemIds: text('item_ids', { mode: 'json' }).$type<number[]>().notNull(),
  leftOut: text('left_out', { mode: 'json' })
    .$type<{ itemId: number; number: string; title: string; state: NoteState }[]>()
    .notNull(),
  inviteSequence: integer('invite_sequence'),
  kind: text('kind', { enum: PACKET_KINDS }).notNull().default(PacketKind.consolidated),
  // An addendum's earlier packet: its recipients get what changed since it.
  addendumTo: integer('addendum_to').references((): AnySQLiteColumn => packets.id),
  // What the packet carries, fixed at creation: per item the published version and annex hashes,
  // so what a link serves never changes after a later release. Null for packets made before,
  // until their first use freezes them (services/packet-legacy.ts).
  frozen: text('frozen', { mode: 'json' }).$type<FrozenPacket>(),
  // Every download link of the packet stops working (410 with the reason).
  linksRevokedAt: instant('links_revoked_at'),
  linksRevokedReason: text('links_revoked_reason'),
  createdById: integer('created_by_id')
    .notNull()
    .references(() => people.id),
  createdAt: createdAt(),
});

/**
 * One row per message to send: written with the packet in one transaction, worked off by the
 * mail worker. The Message-ID is fixed here, before the first attempt, so a resend after a
 * crash carries the same one and mail clients fold the duplicate.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    packetId: integer('packet_id').references(() => packets.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    email: text('email').notNull(),
    messageId: text('message_id').notNull(),
    // A digest's text is fixed when it is queued (packets build theirs from the packet row).
    subject: text('subject'),
    body: text('body'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    serverResponse: text('server_response'),
    sentAt: instant('sent_at'),
    // How a packet message carries its documents (the ledger says so); null before it is built.
    deliveredAs: text('delivered_as', { enum: DELIVERY_FORMS }),
    // This recipient's download link stops working (410 with the reason).
    linkRevokedAt: instant('link_revoked_at'),
    linkRevokedReason: text('link_revoked_reason'),
    // The invitation or reset link an account mail carries (its token is made when the mail is built).
    personLinkId: integer('person_link_id'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_packet_idx').on(t.packetId)],
);

/** The calendar entry of a meeting: SEQUENCE goes up whenever its dates or place change. */
export const meetingInvites = sqliteTable('meeting_invites', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  sequence: integer('sequence').notNull(),
  fingerprint: text('fingerprint').notNull(),
});

/** One rendered PDF of a frozen packet, per audience (what one group of recipients may read). */
export const packetFiles = sqliteTable(
  'packet_files',
  {
    id: id(),
    packetId: integer('packet_id')
      .notNull()
      .references(() => packets.id, { onDelete: 'cascade' }),
    // Which rendering: the audience key plus the variant (combined, or one note of a separate packet).
    key: text('key').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    storedName: text('stored_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('packet_files_key_unique').on(t.packetId, t.key)],
);
