import { AUDIENCE_GROUPS } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { audienceOf, groupsOf } from '../domain/frozen-packet.js';
import { formatMeetingLine } from '../domain/meeting-line.js';
import { buildLedger, type LedgerDelivery, type LedgerNote, type LedgerPerson } from '../domain/ledger.js';
import { NoteState } from '../domain/note-workflow.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { renderLedgerCsv } from '../rendering/csv/ledger-csv.js';
import { termOf } from '../rendering/html/glossary.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { recipientsFor } from './packet-audiences.js';
import { frozenOnFirstUse } from './packet-legacy.js';
import type { createPacketSending } from './packet-sending.js';

/** What "send the latest" writes when the secretariat gives no text of its own (the subject names the meeting). */
export const LATEST_MESSAGE =
  'Dear {{recipient.name}},\n\nsome notes of the meeting of {{meeting.dates}} were revised since you received them. This packet carries the latest publication of each note.';

type Send = ReturnType<typeof createPacketSending>['create'];

/**
 * The ledger of a meeting (who was sent and who holds which publication of each note), read
 * from the frozen packets and their outbox rows, and the one action it offers: a packet of
 * the latest publications to exactly the people who hold an older one, sent by the packet
 * service like any packet (same lists, same per-audience rules).
 */
export function createPacketLedger(ctx: ServiceContext, send: Send) {
  const { repos } = ctx;

  function staffOnly(actor: Actor) {
    if (!isStaff(actor.role)) throw Errors.forbidden("The ledger of who received what is the secretariat's.");
  }

  /** Every released note of the meeting (withdrawn ones are off the packets), in agenda order. */
  function notesOf(meetingId: number): LedgerNote[] {
    const items = repos.agenda
      .listItems(meetingId)
      .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
    const notes = new Map(repos.notes.findByItems(items.map((i) => i.id)).map((n) => [n.itemId, n]));
    const published = repos.notes.publicationsOf([...notes.values()].map((n) => n.id));
    return items.flatMap((item) => {
      const note = notes.get(item.id);
      if (!note || note.state === NoteState.withdrawn) return [];
      const publications = (published.get(note.id) ?? []).map((p) => ({
        number: p.number,
        releasedAt: p.releasedAt,
        reason: p.reason,
      }));
      return publications.length ? [{ itemId: item.id, number: item.number, title: item.title, publications }] : [];
    });
  }

  function read(meetingId: number) {
    meetingOrThrow(ctx, meetingId);
    const people = new Map<number, LedgerPerson>();
    const deliveries: LedgerDelivery[] = [];
    // Oldest packet first: each person's deliveries read in the order they were sent.
    for (const row of repos.mail.packetsOfMeeting(meetingId).reverse()) {
      const packet = frozenOnFirstUse(ctx, row);
      for (const { row: message, name } of repos.mail.outboxOfPacket(packet.id)) {
        if (!people.has(message.personId))
          people.set(message.personId, { personId: message.personId, name, email: message.email });
        const audience = audienceOf(packet.frozen, groupsOf(packet.frozen, message.personId));
        deliveries.push({
          packetId: packet.id,
          subject: packet.subject,
          createdAt: packet.createdAt,
          personId: message.personId,
          status: message.status,
          sentAt: message.sentAt,
          deliveredAs: message.deliveredAs,
          lastError: message.lastError,
          notes: packet.frozen.items
            .filter((item) => item.publicationNumber !== null && !audience.withheldItems.has(item.itemId))
            .map((item) => ({ itemId: item.itemId, publication: item.publicationNumber! })),
        });
      }
    }
    // Who is on the lists now and was sent nothing holds nothing: the ledger says so too.
    for (const { person } of recipientsFor(ctx, meetingId, [...AUDIENCE_GROUPS]))
      if (!people.has(person.id))
        people.set(person.id, { personId: person.id, name: person.name, email: person.email });
    const byName = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    return buildLedger({ notes: notesOf(meetingId), people: byName, deliveries });
  }

  /** The ledger, by person and by note publication (staff only). */
  function ledger(actor: Actor, meetingId: number) {
    staffOnly(actor);
    return { meetingId, ...read(meetingId) };
  }

  /** The ledger as a spreadsheet: one line per person, packet and note delivered. */
  function ledgerCsv(actor: Actor, meetingId: number) {
    staffOnly(actor);
    const { meeting } = meetingOrThrow(ctx, meetingId);
    const content = renderLedgerCsv(read(meetingId), { status: (s) => termOf('delivery', s).label });
    return { filename: `ledger-meeting-${meeting.ordinal}.csv`, content };
  }

  /** A packet of what is published now to exactly those who hold an older publication of some note. */
  function sendLatest(actor: Actor, meetingId: number, input: { subject?: string; message?: string } = {}) {
    staffOnly(actor);
    const outdated = read(meetingId).people.filter((p) => p.isOutdated);
    if (outdated.length === 0)
      throw Errors.conflict('Everyone who was sent a note holds its latest publication: there is nothing to send.');
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    return send(actor, meetingId, {
      subject: input.subject ?? `Revised documents: ${formatMeetingLine({ ...meeting, networkName: network.name })}`,
      message: input.message ?? LATEST_MESSAGE,
      lists: [...AUDIENCE_GROUPS],
      personIds: outdated.map((p) => p.personId),
    });
  }

  return { ledger, ledgerCsv, sendLatest };
}
