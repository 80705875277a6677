import { AudienceGroup } from '../domain/audience.js';
import { NoteState } from '../domain/note-workflow.js';
import { procedureLabel } from '../domain/procedure.js';
import { audienceOf, groupsOf, type FrozenPacket, type PacketAudience } from '../domain/frozen-packet.js';
import type { ServiceContext } from './context.js';

export type RecipientList = AudienceGroup;

/** An agenda line of a packet's mail: the note's number, title and procedure as readers see it. */
export interface PacketLine {
  itemId: number;
  number: string;
  title: string;
  procedure: string;
}

/**
 * The recipients of a packet and their groups: the packet's lists each person is on. Without
 * any list rows for the meeting, the delegates list is every active delegate.
 */
export function recipientsFor(ctx: ServiceContext, meetingId: number, lists: RecipientList[]) {
  const { mail } = ctx.repos;
  const listed = mail.recipientsOf(meetingId, lists);
  const fallback =
    lists.includes(AudienceGroup.delegates) && !mail.hasRecipientRows(meetingId)
      ? mail.activeDelegates().map((person) => ({ person, list: AudienceGroup.delegates }))
      : [];
  const byEmail = new Map<string, { person: (typeof listed)[number]['person']; groups: string[] }>();
  for (const { person, list } of [...listed, ...fallback]) {
    if (!person.isActive) continue;
    const key = person.email.toLowerCase();
    const found = byEmail.get(key) ?? { person, groups: [] };
    if (!found.groups.includes(list)) found.groups.push(list);
    byEmail.set(key, found);
  }
  return [...byEmail.values()].map(({ person, groups }) => ({ person, groups: groups.sort() }));
}

/** Released notes in agenda order, and the notes with work in them that are not released. */
export function contentOf(ctx: ServiceContext, meetingId: number) {
  const { agenda, notes: noteRows } = ctx.repos;
  const items = agenda.listItems(meetingId).sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  const notes = noteRows.findByItems(items.map((i) => i.id));
  const released: PacketLine[] = [];
  const leftOut: { itemId: number; number: string; title: string; state: NoteState }[] = [];
  for (const item of items) {
    const note = notes.find((n) => n.itemId === item.id)!;
    const line = { itemId: item.id, number: item.number, title: item.title };
    if (note.state === NoteState.released) released.push({ ...line, procedure: procedureLabel(note.procedure ?? '') });
    else if (note.currentVersionId !== null) leftOut.push({ ...line, state: note.state });
  }
  return { released, leftOut };
}

/** Published notes of a frozen packet, in agenda order. */
export const publishedOf = (frozen: FrozenPacket): PacketLine[] =>
  frozen.items
    .filter((item) => item.versionId !== null)
    .map((item) => ({
      itemId: item.itemId,
      number: item.number,
      title: item.title,
      procedure: procedureLabel(item.procedure ?? ''),
    }));

/** The audience of one recipient of a frozen packet. */
export const audienceOfRecipient = (frozen: FrozenPacket, personId: number) =>
  audienceOf(frozen, groupsOf(frozen, personId));

/** The notes a recipient's mail lists: every published one, those their lists may not read said so. */
export const mailItems = (frozen: FrozenPacket, audience: PacketAudience) =>
  publishedOf(frozen).map((item) => ({ ...item, withheld: audience.withheldItems.has(item.itemId) }));
