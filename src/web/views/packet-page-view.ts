import { OutboxStatus } from '../../domain/delivery.js';
import { PacketKind } from '../../domain/packet-content.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { PacketService } from '../../services/packet-service.js';
import { failureInWords } from './delivery-words.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';
import { progressLine, whenLine } from './packet-list-view.js';

const PACKET_PAGE_FORM: FormFields = {
  reason: { label: 'Reason', id: 'revoke-reason' },
  personId: { label: 'Recipient', id: 'packet-recipients' },
  subject: { label: 'Subject', id: 'addendum-subject' },
  message: { label: 'Message', id: 'addendum-message' },
};

/** The addendum form's first text: the meeting's fields fill in per recipient when it is sent. */
const ADDENDUM_DEFAULTS = {
  subject: 'Addendum: {{meeting.displayLine}}',
  message:
    'Dear {{recipient.name}},\n\nSome documents of the {{meeting.displayLine}} changed since the packet you received. ' +
    'The attached addendum lists each change with its reason, followed by the revised notes (changes marked) and the new documents.\n\n' +
    'The secretariat',
};

type PacketData = ReturnType<PacketService['view']>;

/** A message can be sent again once it is delivered or given up on; not while it is on its way. */
const canResend = (status: string) => status === OutboxStatus.sent || status === OutboxStatus.failed;

/** One recipient's delivery in words: the glossary's state and, if it failed, why. */
function delivery(r: PacketData['recipients'][number]) {
  const term = termOf('delivery', r.status as OutboxStatus);
  return {
    personId: r.personId,
    label: term.label,
    variant: term.variant,
    reason: r.status === OutboxStatus.failed ? failureInWords(r.lastError) : '',
    canResend: canResend(r.status),
  };
}

/**
 * How far a packet is, as the packet page shows it and as its script reads it every few
 * seconds (GET /packets/:id/progress): one line for the live region, one state per recipient.
 */
export function packetProgressView(packet: PacketData) {
  const line = progressLine(packet);
  return {
    done: packet.done,
    failed: packet.counts.failed,
    text: packet.done ? `Done: ${line}.` : `Sending… ${line}.`,
    stuck: packet.worker.stuck,
    recipients: packet.recipients.map(delivery),
  };
}

/** A packet followed recipient by recipient (the page's script keeps it current), with its forms. */
export function packetPageView(packet: PacketData, form: FormState = EMPTY_FORM) {
  const progress = packetProgressView(packet);
  return {
    packet: { ...packet, when: whenLine(packet.createdAt), isAddendum: packet.kind === PacketKind.addendum },
    wholeCount: packet.recipients.filter((r) => !r.changesOnly).length,
    progress,
    recipients: packet.recipients.map((r, i) => ({
      ...r,
      listLabels: r.lists.map((l) => termOf('group', l).label).join(', '),
      delivery: progress.recipients[i]!,
    })),
    form: fieldViews(form, PACKET_PAGE_FORM, ADDENDUM_DEFAULTS),
    errorSummary: errorSummary(form, PACKET_PAGE_FORM),
  };
}
