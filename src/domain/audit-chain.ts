import { createHash } from 'node:crypto';
import type { NoteEvent, NoteState } from './note-workflow.js';

/** The fields of an audit event that its hash covers, in a fixed order. */
export interface AuditFields {
  id: number;
  noteId: number;
  itemId: number;
  event: NoteEvent;
  fromState: NoteState;
  toState: NoteState;
  actorId: number;
  at: string;
  comment: string | null;
  versionHash: string | null;
}

export interface ChainedAuditEvent extends AuditFields {
  prevHash: string;
  hash: string;
}

/** The hash the first event chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the previous hash and the event's fields: changing either breaks every later link. */
export function hashAuditEvent(prevHash: string, e: AuditFields): string {
  const fields = [e.id, e.noteId, e.itemId, e.event, e.fromState, e.toState, e.actorId, e.at, e.comment, e.versionHash];
  return createHash('sha256')
    .update(JSON.stringify([prevHash, ...fields]))
    .digest('hex');
}

export type ChainVerdict =
  { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the events in id order and names the first one whose link does not hold. */
export function verifyAuditChain(events: Iterable<ChainedAuditEvent>): ChainVerdict {
  return verifyChain(events, hashAuditEvent);
}

/** Any hash chain: each link's prevHash is the hash before it, and its hash covers its fields. */
export function verifyChain<E extends { id: number; prevHash: string; hash: string }>(
  events: Iterable<E>,
  hashOf: (prevHash: string, event: E) => string,
): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const event of events) {
    checked += 1;
    if (event.prevHash !== prevHash) {
      return {
        ok: false,
        checked,
        brokenAt: event.id,
        reason: 'does not point at the event before it (a row was removed or reordered)',
      };
    }
    if (hashOf(prevHash, event) !== event.hash) {
      return {
        ok: false,
        checked,
        brokenAt: event.id,
        reason: 'its content does not match its hash (the row was edited)',
      };
    }
    prevHash = event.hash;
  }
  return { ok: true, checked };
}
