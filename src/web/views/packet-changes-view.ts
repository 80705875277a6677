import type { PacketService } from '../../services/packet-service.js';

type Changes = ReturnType<PacketService['changesSince']>;

/** The packet page's "What changed since this packet": one line per change, with its reason. */
export function packetChangesView(data: Changes) {
  return {
    isRecorded: data.isRecorded,
    count: data.changes.length,
    changes: data.changes.map((change) => ({ summary: change.summary, reason: change.reason })),
  };
}
