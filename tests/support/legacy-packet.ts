import type { FastifyInstance } from 'fastify';
import type { AudienceGroup } from '../../src/domain/audience.js';
import { reposOf } from '../helper.js';

/**
 * A packet as recorded before migration 0007 (frozen = null, combined, no invite) and one outbox
 * row per recipient: `queued` to be mailed now, or `sent` as if mailed then.
 */
export function insertLegacyPacket(
  app: FastifyInstance,
  packet: { meetingId: number; createdById: number; lists: AudienceGroup[]; itemIds: number[] },
  recipients: { id: number; email: string }[],
  status: 'queued' | 'sent',
) {
  const repos = reposOf(app);
  const createdAt = new Date().toISOString();
  const row = repos.mail.insertPacket({
    ...packet,
    subject: 'Documents of the meeting',
    message: 'Dear {{recipient.name}},\nthe documents.',
    content: 'combined',
    includeInvite: false,
    leftOut: [],
    inviteSequence: null,
    frozen: null,
    createdAt,
  });
  repos.mail.insertOutbox(
    recipients.map((person) => ({
      kind: 'packet' as const,
      packetId: row.id,
      personId: person.id,
      email: person.email,
      messageId: `<packet-${row.id}-${person.id}-legacy@agendum>`,
      status,
      nextAttemptAt: createdAt,
      sentAt: status === 'sent' ? createdAt : null,
      createdAt,
    })),
  );
  return row;
}
