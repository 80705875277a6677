import type { Marking } from './audience.js';

/**
 * What a packet carries, fixed when it is created: for every agenda item its line, and for
 * released ones the published version and the annexes by content hash. Rendering this again
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
  // Null: the agenda line is printed, the note was not released when the packet was made.
  versionId: number | null;
  publicationNumber: number | null;
  procedure: string | null;
  annexes: FrozenPacketAnnex[];
}

export interface FrozenPacket {
  createdAt: string;
  items: FrozenPacketItem[];
}
