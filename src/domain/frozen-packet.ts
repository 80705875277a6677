import { markingAdmits, type Marking } from './audience.js';
import type { MeetingLineInput } from './meeting-line.js';
import type { PacketChange } from './packet-changes.js';

/**
 * What a packet carries, fixed when it is created: the meeting as it stood, every agenda item
 * (its line, its marking), for items whose note was published the published version and the
 * annexes by content hash, and the recipient groups of every recipient. Rendering this again
 * gives the same document whatever was released since.
 */
export interface FrozenPacketAnnex extends Marking {
  fileId: number;
  sha256: string;
  title: string;
}

export interface FrozenPacketItem extends Marking {
  itemId: number;
  number: string;
  title: string;
  rapporteurs: string[];
  // Null: the agenda line is printed, the note was not published when the packet was made.
  versionId: number | null;
  publicationNumber: number | null;
  procedure: string | null;
  annexes: FrozenPacketAnnex[];
}

export interface FrozenRecipient {
  personId: number;
  /** The recipient lists of this packet the person is on: what decides what they may read. */
  groups: string[];
}

export interface FrozenPacket {
  createdAt: string;
  meeting: MeetingLineInput & { headerLines: string[] };
  items: FrozenPacketItem[];
  recipients: FrozenRecipient[];
  /**
   * Set (when) on a packet made before packets were frozen: it was frozen on its first use after,
   * from what was released then. Its old links name no recipient and serve commonAudienceOf.
   */
  frozenOnFirstUse?: string;
  /** Set on an addendum: what changed since the packet it follows, and who holds that packet. */
  addendum?: FrozenAddendum;
}

/**
 * What an addendum packet adds to its frozen content: the changes since packet `to` (the full
 * list; each reader gets what their audience admits), and the recipients that hold packet `to`
 * and so receive only the changes. Every other recipient receives the packet whole.
 */
export interface FrozenAddendum {
  to: number;
  /** When packet `to` was made. */
  toCreatedAt: string;
  changes: PacketChange[];
  holders: number[];
}

/** Whether this recipient of the packet receives only what changed (they hold the packet it follows). */
export const receivesAddendum = (frozen: Pick<FrozenPacket, 'addendum'>, personId: number): boolean =>
  frozen.addendum?.holders.includes(personId) ?? false;

/** What one audience of a packet receives: the key its rendering is stored under, and what it may not read. */
export interface PacketAudience {
  /** `all` when nothing is withheld, else `without-i12-a34` (items and annexes withheld, by id). */
  key: string;
  withheldItems: ReadonlySet<number>;
  withheldAnnexes: ReadonlySet<number>;
}

/** The audience admitted what `admits` lets through of the packet's published notes and annexes. */
function audienceWhere(frozen: Pick<FrozenPacket, 'items'>, admits: (marking: Marking) => boolean): PacketAudience {
  const withheldItems = new Set<number>();
  const withheldAnnexes = new Set<number>();
  const parts: string[] = [];
  for (const item of frozen.items) {
    if (item.versionId === null) continue;
    if (!admits(item)) {
      withheldItems.add(item.itemId);
      parts.push(`i${item.itemId}`);
      continue;
    }
    for (const annex of item.annexes) {
      if (admits(annex)) continue;
      withheldAnnexes.add(annex.fileId);
      parts.push(`a${annex.fileId}`);
    }
  }
  return { key: parts.length === 0 ? 'all' : `without-${parts.join('-')}`, withheldItems, withheldAnnexes };
}

/**
 * The audience of a reader in these groups: every published note and annex their groups admit.
 * Readers who are admitted the same things share one key, hence one rendering.
 */
export function audienceOf(frozen: Pick<FrozenPacket, 'items'>, groups: readonly string[]): PacketAudience {
  return audienceWhere(frozen, (marking) => markingAdmits(marking, groups));
}

/**
 * What every recipient of the packet may read (with no recipients, what a reader in no group
 * may): the audience of a link that names no recipient, since any of them may hold it.
 */
export function commonAudienceOf(frozen: Pick<FrozenPacket, 'items' | 'recipients'>): PacketAudience {
  const readers = frozen.recipients.length > 0 ? frozen.recipients : [{ groups: [] }];
  return audienceWhere(frozen, (marking) => readers.every((r) => markingAdmits(marking, r.groups)));
}

/** The groups of one recipient of a frozen packet (none for someone who is not a recipient). */
export function groupsOf(frozen: Pick<FrozenPacket, 'recipients'>, personId: number): string[] {
  return frozen.recipients.find((r) => r.personId === personId)?.groups ?? [];
}
