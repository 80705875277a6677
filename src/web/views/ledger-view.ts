import { termOf } from '../../rendering/html/glossary.js';
import type { PacketService } from '../../services/packet-service.js';
import type { MeetingView } from '../../services/presenters.js';
import { underMeetingHeader } from './page-headers.js';
import { whenLine } from './packet-list-view.js';

export const LEDGER_TITLE = 'Who received what';

type Ledger = ReturnType<PacketService['ledger']>;

/**
 * The ledger page: by person, what they hold and each packet they were sent (when, how,
 * delivered or not); by note, who holds each revision; and who would get "send the latest".
 * `confirming`: the secretariat pressed the button, the page asks before sending.
 */
export function ledgerView(meeting: MeetingView, ledger: Ledger, confirming = false) {
  const noteOf = new Map(ledger.notes.map((n) => [n.itemId, n]));
  const noteLine = (itemId: number, publication: number) =>
    `${noteOf.get(itemId)?.number ?? '?'} ${noteOf.get(itemId)?.title ?? ''}, revision ${publication}`;
  const outdated = ledger.people.filter((p) => p.isOutdated);
  return {
    header: underMeetingHeader(meeting, LEDGER_TITLE),
    meeting,
    people: ledger.people.map((person) => ({
      name: person.name,
      email: person.email,
      isOutdated: person.isOutdated,
      holds: person.holds.map((h) => ({ line: noteLine(h.itemId, h.publication), isLatest: h.isLatest })),
      deliveries: person.deliveries.map((d) => ({
        packetId: d.packetId,
        subject: d.subject,
        when: whenLine(d.sentAt ?? d.createdAt),
        status: termOf('delivery', d.status).label,
        error: d.lastError,
        form: d.deliveredAs ? termOf('deliveryForm', d.deliveredAs).label : null,
        notes: d.notes.filter((n) => noteOf.has(n.itemId)).map((n) => noteLine(n.itemId, n.publication)),
      })),
    })),
    notes: ledger.notes.map((note) => ({
      number: note.number,
      title: note.title,
      publications: [...note.publications].reverse().map((p, i) => ({
        number: p.number,
        isLatest: i === 0,
        released: whenLine(p.releasedAt),
        reason: p.reason,
        holders: p.holders.map((h) => h.name).join(', '),
      })),
    })),
    outdated: outdated.map((p) => p.name),
    confirming: confirming && outdated.length > 0,
  };
}
