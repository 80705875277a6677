import type { Marking } from '../domain/audience.js';
import type { FrozenPacket, FrozenPacketItem, FrozenRecipient } from '../domain/frozen-packet.js';
import { NoteState } from '../domain/note-workflow.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';

const markingOf = (row: { audience: Marking['audience']; audienceGroups: readonly string[] }): Marking => ({
  audience: row.audience,
  audienceGroups: [...row.audienceGroups],
});

/**
 * What a packet carries, read in the transaction that creates it: every agenda item in agenda
 * order with its marking; for a note with a publication (a note reopened after its release
 * still has one: readers keep its last published version) that version, its number and
 * procedure, and the annexes it was published with, by content hash.
 */
export function freezePacket(
  ctx: ServiceContext,
  meetingId: number,
  recipients: FrozenRecipient[],
  createdAt: string,
): FrozenPacket {
  const { repos } = ctx;
  const { meeting, network } = meetingOrThrow(ctx, meetingId);
  const items = repos.agenda
    .listItems(meetingId)
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  const ids = items.map((i) => i.id);
  const notes = new Map(repos.notes.findByItems(ids).map((n) => [n.itemId, n]));
  const published = repos.notes.latestPublications([...notes.values()].map((n) => n.id));
  const rapporteurs = repos.agenda.rapporteursOf(ids);
  const frozenItems = items.map((item): FrozenPacketItem => {
    const note = notes.get(item.id);
    const publication = note && note.state !== NoteState.withdrawn ? published.get(note.id) : undefined;
    // Annexes change only while a note is drafting: those uploaded by its release went with it.
    const annexes = publication
      ? repos.files
          .annexesOf(note!.id)
          .filter((row) => row.createdAt <= publication.releasedAt)
          .map((row) => ({
            fileId: row.id,
            sha256: row.sha256,
            title: row.title ?? row.originalName,
            ...markingOf(row),
          }))
      : [];
    return {
      itemId: item.id,
      number: item.number,
      title: item.title,
      ...markingOf(item),
      rapporteurs: rapporteurs.filter((r) => r.itemId === item.id).map((r) => r.name),
      versionId: publication?.versionId ?? null,
      publicationNumber: publication?.number ?? null,
      procedure: publication?.procedure ?? null,
      annexes,
    };
  });
  return {
    createdAt,
    meeting: {
      ordinal: meeting.ordinal,
      networkName: network.name,
      startDate: meeting.startDate,
      endDate: meeting.endDate,
      city: meeting.city,
      country: meeting.country,
      headerLines: [...network.headerLines],
    },
    items: frozenItems,
    recipients,
  };
}
