import { PacketContent, type PacketFormat } from '../domain/packet-content.js';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config/env.js';
import { DeliveryForm } from '../domain/delivery.js';
import { receivesAddendum, type PacketAudience } from '../domain/frozen-packet.js';
import { formatDateRange, formatMeetingLine } from '../domain/meeting-line.js';
import { composeMessage, encodeSharedParts, type Attachment } from '../mail/mime.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { compileMessage, renderPacketHtml, renderPacketText } from '../rendering/email/email-templates.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { audienceOfRecipient, mailItems } from './packet-audiences.js';
import type { AddendumFilesOf } from './packet-addendum-files.js';
import type { PacketFilesOf } from './packet-documents.js';
import { inviteOf } from './packet-invite.js';
import type { FrozenRow } from './packet-files.js';
import { frozenOnFirstUse } from './packet-legacy.js';
import type { PacketLinks } from './packet-links.js';

/** The meeting's fields a packet message's placeholders read ({{meeting.dates}} ...). */
export function messageMeetingFields(
  meeting: ReturnType<typeof meetingOrThrow>['meeting'],
  network: ReturnType<typeof meetingOrThrow>['network'],
) {
  return {
    displayLine: formatMeetingLine({ ...meeting, networkName: network.name }),
    dates: formatDateRange(meeting.startDate, meeting.endDate),
    ordinal: meeting.ordinal,
    city: meeting.city,
    country: meeting.country,
    network: network.name,
  };
}

/**
 * The mail of one packet recipient: their personal text around the parts every recipient of the
 * same audience shares (attachments encoded once, or a signed link when they are too big).
 */
export function createPacketMessages(
  ctx: ServiceContext,
  deps: {
    filesOf: PacketFilesOf;
    addendumOf: AddendumFilesOf;
    links: Pick<PacketLinks, 'downloadLink'>;
    mail: Config['mail'];
  },
) {
  const { repos } = ctx;
  const { filesOf, addendumOf, links, mail } = deps;
  // What every recipient's message of a packet shares (encoded attachments per variant; the
  // packet, meeting, template and item list) is built once per send. Bounded, and dropped
  // after ten idle minutes, so a long-running service does not keep old packets in memory.
  const cacheOptions = { max: 16, ttl: 10 * 60_000, updateAgeOnGet: true };
  const sharedCache = new LRUCache<string, Promise<{ parts: Buffer[]; names: string[]; size: number }>>(cacheOptions);
  const contextCache = new LRUCache<number, ReturnType<typeof packetContext>>(cacheOptions);

  function packetContext(packetId: number) {
    const packet = frozenOnFirstUse(ctx, repos.mail.findPacket(packetId)!);
    const { meeting, network } = meetingOrThrow(ctx, packet.meetingId);
    return {
      packet,
      network,
      meeting: messageMeetingFields(meeting, network),
      message: compileMessage(packet.message),
    };
  }

  /** The packet's files for this audience, with its calendar entry. */
  function sharedParts(packet: FrozenRow, format: PacketFormat, audience: PacketAudience) {
    return shared(`${packet.id}:${format}:${audience.key}`, async () => {
      const files = await filesOf(packet, format, audience);
      return packet.includeInvite ? { files, invite: inviteOf(ctx, packet, mail.fromAddress) } : { files };
    });
  }

  /** The parts under `key`, encoded once: the files attached when they fit, the invitation always. */
  async function shared(key: string, read: () => Promise<{ files: Attachment[]; invite?: Attachment }>) {
    let cached = sharedCache.get(key);
    if (!cached) {
      cached = (async () => {
        const { files, invite } = await read();
        const size = files.reduce((sum, f) => sum + f.content.length, 0);
        const attach = size <= mail.maxAttachmentBytes ? files : [];
        const withInvite = invite ? [...attach, invite] : attach;
        return { parts: encodeSharedParts(withInvite), names: attach.map((f) => f.filename), size };
      })();
      sharedCache.set(key, cached);
      // A failed build stays a minute, so that the packet's other recipients fail with the same
      // reason instead of each rebuilding it; a resend after that tries again.
      cached.catch(() => sharedCache.set(key, cached!, { ttl: 60_000 }));
    }
    return cached;
  }

  /**
   * What one recipient's mail carries: what changed, to a holder of the packet an addendum
   * follows; else the packet's notes in their format, with the calendar entry.
   */
  async function contentFor(packet: FrozenRow, personId: number, preferred: PacketFormat) {
    if (receivesAddendum(packet.frozen, personId)) {
      const addendum = addendumOf(packet, personId);
      // The stored file is read only when this audience's parts are not encoded yet.
      const parts = await shared(`${packet.id}:addendum:${addendum.key}`, async () => ({
        files: [await addendum.file()],
      }));
      return {
        shared: parts,
        items: [],
        changes: addendum.changes.map(({ summary, reason }) => ({ summary, reason })),
      };
    }
    const format = packet.content === PacketContent.personal ? preferred : packet.content;
    const audience = audienceOfRecipient(packet.frozen, personId);
    return {
      shared: await sharedParts(packet, format, audience),
      items: mailItems(packet.frozen, audience),
      changes: null,
    };
  }

  /** The message of one outbox row: the personal part around the packet's shared parts. */
  async function buildMessage(row: OutboxRow) {
    let context = contextCache.get(row.packetId!);
    if (!context) contextCache.set(row.packetId!, (context = packetContext(row.packetId!)));
    const { packet, network, meeting, message } = context;
    const person = repos.people.findById(row.personId)!;
    const { shared, items, changes } = await contentFor(packet, row.personId, person.packetFormat);
    const fields = { meeting, recipient: { name: person.name } };
    const overLimit = shared.names.length === 0;
    repos.mail.setDeliveredAs(row.id, overLimit ? DeliveryForm.linked : DeliveryForm.attached);
    const expiresAt = new Date(Date.parse(packet.createdAt) + mail.linkDays * 86_400_000);
    // The link names the recipient (this outbox row): it serves their audience's file.
    const link = overLimit ? links.downloadLink(packet.id, expiresAt, row.id) : null;
    const view = {
      subject: packet.subject,
      message: message.text(fields),
      messageHtml: message.html(fields),
      meeting,
      items,
      changes,
      addendumTo: changes ? packet.frozen.addendum!.to : null,
      attachments: shared.names,
      link: link?.url ?? null,
      linkExpires: link ? link.expiresAt.toISOString().slice(0, 10) : null,
      sizeMb: (shared.size / 1024 / 1024).toFixed(1),
      invite: packet.includeInvite && !changes,
      from: mail.from,
    };
    const raw = await composeMessage(
      {
        from: mail.from,
        to: { name: person.name, address: row.email },
        replyTo: mail.replyTo,
        subject: packet.subject,
        messageId: row.messageId,
        headers: {
          'List-Id': `${network.name} meeting packets <meetings.${network.id}.agendum>`,
          'Auto-Submitted': 'auto-generated',
        },
        text: renderPacketText(view),
        html: renderPacketHtml(view),
      },
      shared.parts,
    );
    return { envelope: { from: mail.fromAddress, to: row.email }, raw };
  }

  return { buildMessage };
}
