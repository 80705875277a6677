import { PacketContent, PacketFormat } from '../domain/packet-content.js';
import type { Config } from '../config/env.js';
import { Errors } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { audienceOf } from '../domain/frozen-packet.js';
import { meetingFileStem } from '../domain/meeting-line.js';
import { renderPacketText } from '../rendering/email/email-templates.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { checkedPacketInput } from './packet-input.js';
import { contentOf, mailItems, publishedOf, recipientsFor } from './packet-audiences.js';
import { freezePacket } from './packet-freeze.js';
import { messageMeetingFields } from './packet-message.js';
import type { NewPacketInput } from './packet-sending.js';

/**
 * A packet before it is sent: who is on which list, what each recipient would receive, and
 * the mail of the first of them as they would read it. Checked as sending checks it; nothing
 * is recorded.
 */
export function createPacketPreview(ctx: ServiceContext, mail: Config['mail']) {
  function preview(actor: Actor, meetingId: number, input: NewPacketInput) {
    const { lists, message } = checkedPacketInput(ctx, actor, meetingId, input);
    const recipients = recipientsFor(ctx, meetingId, lists);
    if (recipients.length === 0)
      throw Errors.invalid.onField('lists', 'Nobody is on the chosen list(s) of this meeting.');
    const frozen = freezePacket(
      ctx,
      meetingId,
      recipients.map(({ person, groups }) => ({ personId: person.id, groups })),
      isoNow(ctx),
    );
    const released = publishedOf(frozen);
    if (released.length === 0)
      throw Errors.invalid('No note of this meeting is released yet: there is nothing to send.');
    const sent = new Set(released.map((r) => r.itemId));
    const leftOut = contentOf(ctx, meetingId).leftOut.filter((l) => !sent.has(l.itemId));
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    const meetingFields = messageMeetingFields(meeting, network);
    const stem = meetingFileStem(meeting.ordinal, network.name);
    const content = input.content ?? PacketContent.personal;
    const people = recipients.map(({ person, groups }) => {
      const format: PacketFormat = content === PacketContent.personal ? person.packetFormat : content;
      const items = mailItems(frozen, audienceOf(frozen, groups));
      const readable = items.filter((i) => !i.withheld);
      const files =
        format === PacketFormat.combined
          ? [`${stem}-packet.pdf`]
          : [`${stem}-agenda.pdf`, ...readable.map((i) => `${stem}-item-${i.number}.pdf`)];
      return { personId: person.id, name: person.name, email: person.email, groups, format, items, files };
    });
    const first = people[0]!;
    const fields = { meeting: meetingFields, recipient: { name: first.name } };
    const invite = input.includeInvite ?? true;
    const sample = renderPacketText({
      subject: input.subject.trim(),
      message: message.text(fields),
      messageHtml: '',
      meeting: meetingFields,
      items: first.items,
      changes: null,
      addendumTo: null,
      attachments: first.files,
      link: null,
      linkExpires: null,
      sizeMb: '0',
      invite,
      from: mail.from,
    });
    return {
      subject: input.subject.trim(),
      lists,
      content,
      invite,
      released,
      leftOut,
      recipients: people,
      sample: { name: first.name, email: first.email, text: sample },
      maxAttachmentMb: Math.round(mail.maxAttachmentBytes / 1024 / 1024),
      linkDays: mail.linkDays,
    };
  }

  return { preview };
}
