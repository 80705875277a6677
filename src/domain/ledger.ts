import { OutboxStatus, type DeliveryForm } from './delivery.js';

/**
 * The ledger of a meeting: who was sent which publication of which note, and who holds which.
 * A person holds a publication of a note when a packet carrying it (and not withholding it from
 * them) was delivered to them; they hold the highest one so delivered. Pure: the service reads
 * the packets, their outbox rows and the publications, and this says what follows.
 */
export interface LedgerPublication {
  number: number;
  releasedAt: string;
  reason: string | null;
}

export interface LedgerNote {
  itemId: number;
  number: string;
  title: string;
  /** In order, the latest last; empty for a note never released. */
  publications: LedgerPublication[];
}

export interface LedgerDelivery {
  packetId: number;
  subject: string;
  createdAt: string;
  personId: number;
  status: OutboxStatus;
  sentAt: string | null;
  deliveredAs: DeliveryForm | null;
  lastError: string | null;
  /** The publications this packet carried for this person (what their lists admit). */
  notes: { itemId: number; publication: number }[];
}

export interface LedgerPerson {
  personId: number;
  name: string;
  email: string;
}

export interface Holding {
  itemId: number;
  publication: number;
  isLatest: boolean;
}

/** The highest publication of each note delivered to one person. */
export function holdingsOf(deliveries: readonly LedgerDelivery[], notes: readonly LedgerNote[]): Holding[] {
  const held = new Map<number, number>();
  for (const delivery of deliveries) {
    if (delivery.status !== OutboxStatus.sent) continue;
    for (const { itemId, publication } of delivery.notes)
      if (publication > (held.get(itemId) ?? 0)) held.set(itemId, publication);
  }
  return notes.flatMap((note) => {
    const publication = held.get(note.itemId);
    if (publication === undefined) return [];
    const latest = note.publications.at(-1)?.number ?? 0;
    return [{ itemId: note.itemId, publication, isLatest: publication >= latest }];
  });
}

/** The ledger, by person and by publication; `isOutdated`: they hold an older publication of some note. */
export function buildLedger(input: {
  notes: readonly LedgerNote[];
  people: readonly LedgerPerson[];
  deliveries: readonly LedgerDelivery[];
}) {
  const people = input.people.map((person) => {
    const deliveries = input.deliveries.filter((d) => d.personId === person.personId);
    const holds = holdingsOf(deliveries, input.notes);
    return { ...person, holds, isOutdated: holds.some((h) => !h.isLatest), deliveries };
  });
  const notes = input.notes.map((note) => ({
    ...note,
    publications: note.publications.map((publication) => ({
      ...publication,
      holders: people
        .filter((p) => p.holds.some((h) => h.itemId === note.itemId && h.publication === publication.number))
        .map((p) => ({ personId: p.personId, name: p.name })),
    })),
  }));
  return { people, notes };
}
