import type { FrozenPacketAnnex, FrozenPacketItem, PacketAudience } from './frozen-packet.js';
import { named } from './words.js';

/** What can have changed on a meeting's agenda and notes since a packet was sent. */
export const PACKET_CHANGE_KINDS = [
  'item-added',
  'item-removed',
  'item-renumbered',
  'item-retitled',
  'note-added',
  'note-revised',
  'note-withdrawn',
  'item-postponed',
  'annex-added',
  'annex-replaced',
  'annex-removed',
] as const;
export type PacketChangeKind = (typeof PACKET_CHANGE_KINDS)[number];
export const PacketChangeKind = named(PACKET_CHANGE_KINDS);

/**
 * One agenda item as it stands now, in the shape a packet freezes it, with what a packet does
 * not record: whether its note is withdrawn or its item postponed, and the reason given with its
 * latest publication.
 */
export interface CurrentPacketItem extends FrozenPacketItem {
  isWithdrawn: boolean;
  isPostponed: boolean;
  reason: string | null;
}

export interface PacketChange {
  kind: PacketChangeKind;
  itemId: number;
  /** The item's number now (for an item removed from the agenda, its number in the packet). */
  number: string;
  title: string;
  /** What changed, in plain words. */
  summary: string;
  /** Why, as given with the release that made the change (none for agenda changes). */
  reason: string | null;
  /** The publication the change brought (revised or added notes and their annexes). */
  publicationNumber: number | null;
  /** The publication the packet carried, for a revised note (its redline compares from it). */
  fromPublicationNumber: number | null;
  /** The annex concerned, for annex changes. */
  annexTitle: string | null;
  /** Its file: the one on the note now (added, replaced), or the one the packet carried (removed). */
  annexId: number | null;
}

type Described = { kind: PacketChangeKind; summary: string } & Partial<PacketChange>;

/** The annexes added, replaced (same title, other content) and removed between two publications. */
function annexChanges(before: FrozenPacketAnnex[], after: FrozenPacketAnnex[], number: string): Described[] {
  const changes: Described[] = [];
  const old = new Map(before.map((a) => [a.title, a]));
  const kept = new Set<string>();
  for (const annex of after) {
    const earlier = old.get(annex.title);
    kept.add(annex.title);
    if (!earlier) {
      changes.push({
        kind: PacketChangeKind.annexAdded,
        annexTitle: annex.title,
        annexId: annex.fileId,
        summary: `Item ${number}: annex "${annex.title}" added.`,
      });
    } else if (earlier.sha256 !== annex.sha256) {
      changes.push({
        kind: PacketChangeKind.annexReplaced,
        annexTitle: annex.title,
        annexId: annex.fileId,
        summary: `Item ${number}: annex "${annex.title}" replaced by a new file.`,
      });
    }
  }
  for (const annex of before) {
    if (kept.has(annex.title)) continue;
    changes.push({
      kind: PacketChangeKind.annexRemoved,
      annexTitle: annex.title,
      annexId: annex.fileId,
      summary: `Item ${number}: annex "${annex.title}" removed.`,
    });
  }
  return changes;
}

/** The changes of one item that was in the packet and is still on the agenda. */
function itemChanges(was: FrozenPacketItem, now: CurrentPacketItem): Described[] {
  const changes: Described[] = [];
  if (was.number !== now.number) {
    changes.push({ kind: PacketChangeKind.itemRenumbered, summary: `Item ${was.number} is now item ${now.number}.` });
  }
  if (was.title !== now.title) {
    changes.push({
      kind: PacketChangeKind.itemRetitled,
      summary: `Item ${now.number} is now called "${now.title}" (was "${was.title}").`,
    });
  }
  if (now.isPostponed) {
    changes.push({ kind: PacketChangeKind.itemPostponed, summary: `Item ${now.number} is postponed.` });
  }
  if (was.versionId !== null && now.isWithdrawn) {
    changes.push({ kind: PacketChangeKind.noteWithdrawn, summary: `Item ${now.number}: the note is withdrawn.` });
    return changes;
  }
  if (now.versionId === null) return changes;
  if (was.versionId === null) {
    changes.push({
      kind: PacketChangeKind.noteAdded,
      summary: `Item ${now.number}: the note is now released.`,
      reason: now.reason,
      publicationNumber: now.publicationNumber,
    });
    return [
      ...changes,
      ...annexChanges([], now.annexes, now.number).map((c) => ({
        ...c,
        reason: now.reason,
        publicationNumber: now.publicationNumber,
      })),
    ];
  }
  if (was.versionId !== now.versionId) {
    changes.push({
      kind: PacketChangeKind.noteRevised,
      summary: `Item ${now.number}: the note is revised (revision ${now.publicationNumber}, was revision ${was.publicationNumber}).`,
      reason: now.reason,
      publicationNumber: now.publicationNumber,
      fromPublicationNumber: was.publicationNumber,
    });
  }
  const annexes = annexChanges(was.annexes, now.annexes, now.number);
  return [...changes, ...annexes.map((c) => ({ ...c, reason: now.reason, publicationNumber: now.publicationNumber }))];
}

/**
 * What changed since a packet: its frozen items against the agenda as it stands, in agenda
 * order (items removed from the agenda last). A note counts as revised when another version is
 * published, not when it is only released again (a reopen for an annex keeps the version).
 */
export function packetChanges(
  sent: readonly FrozenPacketItem[],
  current: readonly CurrentPacketItem[],
): PacketChange[] {
  const before = new Map(sent.map((item) => [item.itemId, item]));
  const changes: PacketChange[] = [];
  const add = (item: FrozenPacketItem, change: Described) =>
    changes.push({
      itemId: item.itemId,
      number: item.number,
      title: item.title,
      reason: null,
      publicationNumber: null,
      fromPublicationNumber: null,
      annexTitle: null,
      annexId: null,
      ...change,
    });
  for (const now of current) {
    const was = before.get(now.itemId);
    if (!was) {
      const released = now.versionId !== null && !now.isWithdrawn;
      add(now, {
        kind: PacketChangeKind.itemAdded,
        summary: `Item ${now.number} "${now.title}" added${released ? ', with its note' : ''}.`,
        reason: released ? now.reason : null,
        publicationNumber: released ? now.publicationNumber : null,
      });
      if (released) annexChanges([], now.annexes, now.number).forEach((c) => add(now, c));
      continue;
    }
    itemChanges(was, now).forEach((c) => add(now, c));
  }
  const still = new Set(current.map((item) => item.itemId));
  for (const was of sent) {
    if (still.has(was.itemId)) continue;
    add(was, {
      kind: PacketChangeKind.itemRemoved,
      summary: `Item ${was.number} "${was.title}" is no longer on the agenda.`,
    });
  }
  return changes;
}

const NOTE_CHANGES: ReadonlySet<PacketChangeKind> = new Set([PacketChangeKind.noteAdded, PacketChangeKind.noteRevised]);
const NEW_ANNEX_CHANGES: ReadonlySet<PacketChangeKind> = new Set([
  PacketChangeKind.annexAdded,
  PacketChangeKind.annexReplaced,
]);

/**
 * The changes one reader is told of: agenda changes always (every recipient reads the agenda);
 * a note's or annex's change only when they may read it: now for what was added or revised, in
 * the earlier packet for what was withdrawn or removed. An item added with a note they may not
 * read is listed as an agenda change, without the note.
 */
export function changesFor(
  changes: readonly PacketChange[],
  now: PacketAudience,
  before: PacketAudience,
): PacketChange[] {
  const readsNow = (c: PacketChange) => !now.withheldItems.has(c.itemId);
  const readBefore = (c: PacketChange) => !before.withheldItems.has(c.itemId);
  const kept: PacketChange[] = [];
  for (const change of changes) {
    const { kind, annexId } = change;
    if (NOTE_CHANGES.has(kind) && !readsNow(change)) continue;
    if (NEW_ANNEX_CHANGES.has(kind) && (!readsNow(change) || now.withheldAnnexes.has(annexId!))) continue;
    if (kind === PacketChangeKind.annexRemoved && (!readBefore(change) || before.withheldAnnexes.has(annexId!)))
      continue;
    if (kind === PacketChangeKind.noteWithdrawn && !readBefore(change)) continue;
    if (kind === PacketChangeKind.itemAdded && !readsNow(change)) {
      kept.push({
        ...change,
        summary: `Item ${change.number} "${change.title}" added.`,
        reason: null,
        publicationNumber: null,
      });
      continue;
    }
    kept.push(change);
  }
  return kept;
}
