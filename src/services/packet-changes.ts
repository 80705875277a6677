import { Errors } from '../domain/errors.js';
import { NoteState, Outcome } from '../domain/note-workflow.js';
import type { FrozenPacket } from '../domain/frozen-packet.js';
import { packetChanges, type CurrentPacketItem } from '../domain/packet-changes.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { freezePacket } from './packet-freeze.js';

/**
 * What changed since a packet was sent: its frozen content against the meeting as a packet made
 * now would carry it. Staff only: the list names every item, whatever its marking.
 */
export function createPacketChanges(ctx: ServiceContext) {
  const { repos } = ctx;

  /** The meeting's items as a packet made now carries them (`now`, when one is being made). */
  function currentItems(meetingId: number, now = freezePacket(ctx, meetingId, [], isoNow(ctx))): CurrentPacketItem[] {
    const notes = new Map(repos.notes.findByItems(now.items.map((i) => i.itemId)).map((n) => [n.itemId, n]));
    const published = repos.notes.latestPublications([...notes.values()].map((n) => n.id));
    return now.items.map((item) => {
      const note = notes.get(item.itemId);
      return {
        ...item,
        isWithdrawn: note?.state === NoteState.withdrawn,
        isPostponed: note?.outcome === Outcome.postponed,
        reason: (note && published.get(note.id)?.reason) ?? null,
      };
    });
  }

  /** The changes since packet `packetId` of meeting `meetingId`, in agenda order. */
  function changesSince(actor: Actor, meetingId: number, packetId: number) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat follows packets.');
    const row = repos.mail.findPacket(packetId);
    if (!row || row.meetingId !== meetingId) throw Errors.notFound(`Meeting ${meetingId} has no packet ${packetId}.`);
    const facts = { packetId: row.id, meetingId: row.meetingId, sentAt: row.createdAt };
    // A packet from before packets were frozen does not say what it carried: frozen now, from
    // what is released now, it would claim that nothing changed. Reading does not freeze it.
    if (!row.frozen) return { ...facts, isRecorded: false, changes: [] };
    return { ...facts, isRecorded: true, changes: packetChanges(row.frozen.items, currentItems(meetingId)) };
  }

  /** What changed between a packet's frozen items and `now`, the content of a packet being made. */
  const changesBetween = (sent: FrozenPacket, meetingId: number, now: FrozenPacket) =>
    packetChanges(sent.items, currentItems(meetingId, now));

  return { changesSince, changesBetween };
}
