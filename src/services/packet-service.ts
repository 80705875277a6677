import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { OutboxKind, OutboxStatus, summariseOutbox } from '../domain/delivery.js';
import { Errors } from '../domain/errors.js';
import { buildInvite } from '../mail/calendar.js';
import { formatDateRange, formatMeetingLine } from '../domain/meeting-line.js';
import { procedureLabel } from '../domain/procedure.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { audienceOf, groupsOf, type FrozenPacket, type PacketAudience } from '../domain/frozen-packet.js';
import { AudienceGroup } from '../domain/audience.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { NoteState } from '../domain/note-workflow.js';
import { PacketContent, PacketFormat } from '../domain/packet-content.js';
import type { Config } from '../config/env.js';
import { composeMessage, encodeSharedParts, type Attachment } from '../mail/mime.js';
import type { PacketDocuments } from '../mail/packet-documents.js';
import type { OutboxRow, PacketRow } from '../repositories/mail-repository.js';
import { compileMessage, renderPacketHtml, renderPacketText } from '../rendering/email/email-templates.js';
import type { MailQueueHealth } from '../mail/mail-worker.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { PacketFiles } from './packet-files.js';
import { freezePacket } from './packet-freeze.js';
import { createPacketLinks } from './packet-links.js';

export type RecipientList = AudienceGroup;
export interface NewPacketInput {
  subject: string;
  message: string;
  lists?: RecipientList[];
  content?: PacketContent;
  includeInvite?: boolean;
}

export interface MailSettings {
  mail: Config['mail'];
  publicUrl: string;
  linkSecret: Buffer;
}

/** Packets: who gets what, fixed at creation in one transaction with one outbox row per recipient. */
export function createPacketService(
  ctx: ServiceContext,
  documents: { legacy: PacketDocuments; frozen: PacketFiles },
  settings: MailSettings,
  queue: { kick: () => void; health: () => MailQueueHealth },
) {
  const { kick } = queue;
  const { repos } = ctx;
  const { mail } = settings;
  // What every recipient's message of a packet shares (encoded attachments per variant; the
  // packet, meeting, template and item list) is built once per send. Bounded, and dropped
  // after ten idle minutes, so a long-running service does not keep old packets in memory.
  const cacheOptions = { max: 16, ttl: 10 * 60_000, updateAgeOnGet: true };
  const sharedCache = new LRUCache<string, Promise<{ parts: Buffer[]; names: string[]; size: number }>>(cacheOptions);
  const contextCache = new LRUCache<number, ReturnType<typeof packetContext>>(cacheOptions);

  function packetContext(packetId: number) {
    const packet = repos.mail.findPacket(packetId)!;
    const { meeting, network } = meetingOrThrow(ctx, packet.meetingId);
    return {
      packet,
      network,
      meeting: {
        displayLine: formatMeetingLine({ ...meeting, networkName: network.name }),
        dates: formatDateRange(meeting.startDate, meeting.endDate),
        ordinal: meeting.ordinal,
        city: meeting.city,
        country: meeting.country,
        network: network.name,
      },
      message: compileMessage(packet.message),
      items: contentOf(packet.meetingId).released.filter((r) => packet.itemIds.includes(r.itemId)),
    };
  }

  const publishedOf = (frozen: FrozenPacket) =>
    frozen.items
      .filter((item) => item.versionId !== null)
      .map((item) => ({
        itemId: item.itemId,
        number: item.number,
        title: item.title,
        procedure: procedureLabel(item.procedure ?? ''),
      }));

  /** The notes a recipient's mail lists: every published one, those their lists may not read said so. */
  function mailItems(
    packet: PacketRow,
    audience: PacketAudience | null,
    legacy: { itemId: number; number: string; title: string; procedure: string }[],
  ) {
    if (!packet.frozen || !audience) return legacy.map((item) => ({ ...item, withheld: false }));
    return publishedOf(packet.frozen).map((item) => ({ ...item, withheld: audience.withheldItems.has(item.itemId) }));
  }

  /**
   * Released notes in agenda order, and the notes with work in them that are not released. Packets
   * made before they were frozen (frozen = null) keep listing what is released now.
   */
  function contentOf(meetingId: number) {
    const items = repos.agenda
      .listItems(meetingId)
      .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
    const notes = repos.notes.findByItems(items.map((i) => i.id));
    const released: { itemId: number; number: string; title: string; procedure: string }[] = [];
    const leftOut: { itemId: number; number: string; title: string; state: NoteState }[] = [];
    for (const item of items) {
      const note = notes.find((n) => n.itemId === item.id)!;
      if (note.state === NoteState.released)
        released.push({
          itemId: item.id,
          number: item.number,
          title: item.title,
          procedure: procedureLabel(note.procedure ?? ''),
        });
      else if (note.currentVersionId !== null)
        leftOut.push({ itemId: item.id, number: item.number, title: item.title, state: note.state });
    }
    return { released, leftOut };
  }

  /**
   * The recipients of a packet and their groups: the packet's lists each person is on. Without
   * any list rows for the meeting, the delegates list is every active delegate.
   */
  function recipientsFor(meetingId: number, lists: RecipientList[]) {
    const listed = repos.mail.recipientsOf(meetingId, lists);
    const fallback =
      lists.includes(AudienceGroup.delegates) && !repos.mail.hasRecipientRows(meetingId)
        ? repos.mail.activeDelegates().map((person) => ({ person, list: AudienceGroup.delegates }))
        : [];
    const byEmail = new Map<string, { person: (typeof listed)[number]['person']; groups: string[] }>();
    for (const { person, list } of [...listed, ...fallback]) {
      if (!person.isActive) continue;
      const key = person.email.toLowerCase();
      const found = byEmail.get(key) ?? { person, groups: [] };
      if (!found.groups.includes(list)) found.groups.push(list);
      byEmail.set(key, found);
    }
    return [...byEmail.values()].map(({ person, groups }) => ({ person, groups: groups.sort() }));
  }

  /** Published notes of the meeting in agenda order, as a frozen packet carries them. */

  /** The meeting's calendar entry: same UID forever, SEQUENCE raised when dates or place change. */
  function inviteSequence(meetingId: number): number {
    const { meeting } = meetingOrThrow(ctx, meetingId);
    const fingerprint = [meeting.startDate, meeting.endDate, meeting.city, meeting.country].join('|');
    const saved = repos.mail.findInvite(meetingId);
    const sequence = !saved ? 0 : saved.fingerprint === fingerprint ? saved.sequence : saved.sequence + 1;
    repos.mail.saveInvite({ meetingId, sequence, fingerprint });
    return sequence;
  }

  function inviteOf(packet: PacketRow): Attachment {
    const { meeting, network } = meetingOrThrow(ctx, packet.meetingId);
    const ics = buildInvite({
      uid: `meeting-${meeting.id}@agendum`,
      sequence: packet.inviteSequence ?? 0,
      startDate: meeting.startDate,
      endDate: meeting.endDate,
      summary: `${formatMeetingLine({ ...meeting, networkName: network.name })}`,
      location: `${meeting.city}, ${meeting.country}`,
      organizer: { name: network.name, email: mail.fromAddress },
      stamp: new Date(packet.createdAt),
      method: meeting.status === MeetingStatus.cancelled ? 'CANCEL' : 'REQUEST',
    });
    return {
      filename: 'meeting.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      content: Buffer.from(ics),
    };
  }

  /** The files of a packet for one audience: stored renderings of a frozen packet, else today's. */
  async function filesOf(packet: PacketRow, format: PacketFormat, audience: PacketAudience | null) {
    if (packet.frozen && audience) {
      const frozen = { ...packet, frozen: packet.frozen };
      return format === PacketFormat.combined
        ? [await documents.frozen.combined(frozen, audience)]
        : documents.frozen.separate(frozen, audience);
    }
    return format === PacketFormat.combined
      ? [await documents.legacy.combined(packet.meetingId)]
      : documents.legacy.separate(packet.meetingId);
  }

  async function sharedParts(packet: PacketRow, format: PacketFormat, audience: PacketAudience | null) {
    const key = `${packet.id}:${format}:${audience?.key ?? 'legacy'}`;
    let cached = sharedCache.get(key);
    if (!cached) {
      cached = (async () => {
        const files = await filesOf(packet, format, audience);
        const size = files.reduce((sum, f) => sum + f.content.length, 0);
        const attach = size <= mail.maxAttachmentBytes ? files : [];
        const withInvite = packet.includeInvite ? [...attach, inviteOf(packet)] : attach;
        return { parts: encodeSharedParts(withInvite), names: attach.map((f) => f.filename), size };
      })();
      sharedCache.set(key, cached);
      // A failed build stays a minute, so that the packet's other recipients fail with the same
      // reason instead of each rebuilding it; a resend after that tries again.
      cached.catch(() => sharedCache.set(key, cached!, { ttl: 60_000 }));
    }
    return cached;
  }

  /** The audience of one recipient of a frozen packet; null for packets made before. */
  const audienceOfRecipient = (packet: PacketRow, personId: number) =>
    packet.frozen ? audienceOf(packet.frozen, groupsOf(packet.frozen, personId)) : null;

  const links = createPacketLinks(ctx, settings, {
    file: async (packet, personId) =>
      (await filesOf(packet, PacketFormat.combined, audienceOfRecipient(packet, personId)))[0]!,
  });

  return {
    ...links,

    create(actor: Actor, meetingId: number, input: NewPacketInput) {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat sends packets.');
      meetingOrThrow(ctx, meetingId);
      compileMessage(input.message);
      const lists = input.lists?.length ? [...new Set(input.lists)] : [AudienceGroup.delegates];
      const recipients = recipientsFor(meetingId, lists);
      if (recipients.length === 0)
        throw Errors.invalid(`Nobody is on the list(s) ${lists.join(', ')} of this meeting.`);
      // What is sent is read and fixed in the same transaction that records the packet.
      const { packet, released, leftOut } = ctx.transaction(() => {
        const createdAt = isoNow(ctx);
        const frozen = freezePacket(
          ctx,
          meetingId,
          recipients.map(({ person, groups }) => ({ personId: person.id, groups })),
          createdAt,
        );
        const released = publishedOf(frozen);
        const sent = new Set(released.map((r) => r.itemId));
        const leftOut = contentOf(meetingId).leftOut.filter((l) => !sent.has(l.itemId));
        if (released.length === 0)
          throw Errors.conflict('No note of this meeting is released yet: there is nothing to send.', { leftOut });
        const row = repos.mail.insertPacket({
          meetingId,
          subject: input.subject.trim(),
          message: input.message,
          lists,
          content: input.content ?? PacketContent.personal,
          includeInvite: input.includeInvite ?? true,
          itemIds: released.map((r) => r.itemId),
          leftOut,
          inviteSequence: input.includeInvite === false ? null : inviteSequence(meetingId),
          frozen,
          createdById: actor.id,
          createdAt,
        });
        repos.mail.insertOutbox(
          recipients.map(({ person }) => ({
            kind: OutboxKind.packet,
            packetId: row.id,
            personId: person.id,
            email: person.email,
            messageId: `<packet-${row.id}-${person.id}-${randomBytes(6).toString('hex')}@agendum>`,
            status: OutboxStatus.queued,
            nextAttemptAt: createdAt,
            createdAt,
          })),
        );
        return { packet: row, released, leftOut };
      });
      kick();
      return { id: packet.id, recipients: recipients.length, items: released, leftOut };
    },

    view(actor: Actor, packetId: number) {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat follows packets.');
      const packet = repos.mail.findPacket(packetId);
      if (!packet) throw Errors.notFound(`Packet ${packetId} does not exist.`);
      const rows = repos.mail.outboxOfPacket(packetId);
      const summary = summariseOutbox(
        rows.map((r) => r.row),
        ctx.now(),
      );
      return {
        id: packet.id,
        meetingId: packet.meetingId,
        subject: packet.subject,
        content: packet.content,
        createdAt: packet.createdAt,
        leftOut: packet.leftOut,
        linksRevokedAt: packet.linksRevokedAt,
        linksRevokedReason: packet.linksRevokedReason,
        ...summary,
        // The whole queue, not just this packet: a stuck worker shows where people look.
        worker: queue.health(),
        recipients: rows.map(({ row, name }) => ({
          personId: row.personId,
          name,
          email: row.email,
          status: row.status,
          attempts: row.attempts,
          lastError: row.lastError,
          serverResponse: row.serverResponse,
          sentAt: row.sentAt,
          linkRevokedAt: row.linkRevokedAt,
          linkRevokedReason: row.linkRevokedReason,
          // The lists that decided what this recipient was sent (none recorded for older packets).
          lists: packet.frozen ? groupsOf(packet.frozen, row.personId) : [],
        })),
      };
    },

    /** Sends again, as a new attempt: to one recipient, or to every recipient that failed. */
    resend(actor: Actor, packetId: number, target: { personId?: number }) {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat resends packets.');
      const rows = repos.mail.outboxOfPacket(packetId).map((r) => r.row);
      if (rows.length === 0) throw Errors.notFound(`Packet ${packetId} does not exist.`);
      const chosen =
        target.personId === undefined
          ? rows.filter((r) => r.status === OutboxStatus.failed)
          : rows.filter((r) => r.personId === target.personId);
      if (target.personId !== undefined && chosen.length === 0)
        throw Errors.notFound(`Person ${target.personId} is not a recipient of packet ${packetId}.`);
      if (chosen.some((r) => r.status === OutboxStatus.sending || r.status === OutboxStatus.queued))
        throw Errors.conflict('That message is still on its way.');
      const count = repos.mail.requeue(
        chosen.map((r) => r.id),
        isoNow(ctx),
      );
      kick();
      return { requeued: count };
    },

    /** The message of one outbox row: the personal part around the packet's shared parts. */
    async buildMessage(row: OutboxRow) {
      let context = contextCache.get(row.packetId!);
      if (!context) contextCache.set(row.packetId!, (context = packetContext(row.packetId!)));
      const { packet, network, meeting, message, items } = context;
      const person = repos.people.findById(row.personId)!;
      const format = packet.content === PacketContent.personal ? person.packetFormat : packet.content;
      const audience = audienceOfRecipient(packet, row.personId);
      const shared = await sharedParts(packet, format, audience);
      const fields = { meeting, recipient: { name: person.name } };
      const overLimit = shared.names.length === 0;
      const expiresAt = new Date(Date.parse(packet.createdAt) + mail.linkDays * 86_400_000);
      // A frozen packet's link names the recipient (this outbox row): it serves their audience's file.
      const link = overLimit ? links.downloadLink(packet.id, expiresAt, packet.frozen ? row.id : undefined) : null;
      const view = {
        subject: packet.subject,
        message: message.text(fields),
        messageHtml: message.html(fields),
        meeting,
        items: mailItems(packet, audience, items),
        attachments: shared.names,
        link: link?.url ?? null,
        linkExpires: link ? link.expiresAt.toISOString().slice(0, 10) : null,
        sizeMb: (shared.size / 1024 / 1024).toFixed(1),
        invite: packet.includeInvite,
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
    },
  };
}
export type PacketService = ReturnType<typeof createPacketService>;
