import { stringify } from 'csv-stringify/sync';
import type { DeliveryForm, OutboxStatus } from '../../domain/delivery.js';

/** What the CSV export reads of the ledger: people, their deliveries and the notes' numbers. */
export interface LedgerCsvInput {
  notes: { itemId: number; number: string; title: string }[];
  people: {
    name: string;
    email: string;
    holds: { itemId: number; publication: number; isLatest: boolean }[];
    deliveries: {
      packetId: number;
      subject: string;
      createdAt: string;
      status: OutboxStatus;
      sentAt: string | null;
      deliveredAs: DeliveryForm | null;
      lastError: string | null;
      notes: { itemId: number; publication: number }[];
    }[];
  }[];
}

const HEADER = [
  'Person',
  'Email',
  'Packet',
  'Packet subject',
  'Packet made',
  'Delivery',
  'Sent at',
  'Documents',
  'Error',
  'Item',
  'Note',
  'Publication',
  'Holds publication',
  'Latest',
];

/**
 * A spreadsheet opens a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: a name or a subject written that way would run. A leading apostrophe keeps it text.
 */
export function safeCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One line per person, packet and note delivered (a person sent nothing has one line of their
 * own): who received which publication of which note, when, how, and what they hold now.
 */
export function renderLedgerCsv(ledger: LedgerCsvInput, words: { status: (s: OutboxStatus) => string }): string {
  const lines: (string | number | null)[][] = [];
  const noteOf = new Map(ledger.notes.map((n) => [n.itemId, n]));
  for (const person of ledger.people) {
    if (person.deliveries.length === 0) lines.push([person.name, person.email, ...HEADER.slice(2).map(() => null)]);
    for (const d of person.deliveries) {
      const packet = [d.packetId, d.subject, d.createdAt, words.status(d.status), d.sentAt, d.deliveredAs, d.lastError];
      const notes = d.notes.filter((n) => noteOf.has(n.itemId));
      if (notes.length === 0) lines.push([person.name, person.email, ...packet, null, null, null, null, null]);
      for (const n of notes) {
        const note = noteOf.get(n.itemId)!;
        const holding = person.holds.find((h) => h.itemId === n.itemId);
        lines.push([
          person.name,
          person.email,
          ...packet,
          note.number,
          note.title,
          n.publication,
          holding?.publication ?? null,
          holding ? (holding.isLatest ? 'yes' : 'no') : null,
        ]);
      }
    }
  }
  return stringify([HEADER, ...lines.map((line) => line.map(safeCell))], { record_delimiter: '\r\n', bom: true });
}
