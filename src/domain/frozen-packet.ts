import { markingAdmits, type Marking } from './audience.js';
import type { MeetingLineInput } from './meeting-line.js';

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
}

/** What one audience of a packet receives: the key its rendering is stored under, and what it may not read. */
export interface PacketAudience {
  /** `all` when nothing is withheld, else `without-i12-a34` (items and annexes withheld, by id). */
  key: string;
  withheldItems: ReadonlySet<number>;
  withheldAnnexes: ReadonlySet<number>;
}

/**
 * The audience of a reader in these groups: every published note and annex their groups admit.
 * Readers who are admitted the same things share one key, hence one rendering.
 */
export function audienceOf(frozen: Pick<FrozenPacket, 'items'>, groups: readonly string[]): PacketAudience {
  const withheldItems = new Set<number>();
  const withheldAnnexes = new Set<number>();
  const parts: string[] = [];
  for (const item of frozen.items) {
    if (item.versionId === null) continue;
    if (!markingAdmits(item, groups)) {
      withheldItems.add(item.itemId);
      parts.push(`i${item.itemId}`);
      continue;
    }
    for (const annex of item.annexes) {
      if (markingAdmits(annex, groups)) continue;
      withheldAnnexes.add(annex.fileId);
      parts.push(`a${annex.fileId}`);
    }
  }
  return { key: parts.length === 0 ? 'all' : `without-${parts.join('-')}`, withheldItems, withheldAnnexes };
}

/** The groups of one recipient of a frozen packet (none for someone who is not a recipient). */
export function groupsOf(frozen: Pick<FrozenPacket, 'recipients'>, personId: number): string[] {
  return frozen.recipients.find((r) => r.personId === personId)?.groups ?? [];
}
