import { Audience } from '../domain/audience.js';
import { NoteState } from '../domain/note-workflow.js';
import type { ItemRow, Rapporteur } from '../repositories/agenda-repository.js';
import type { StoredFileRow } from '../repositories/file-repository.js';
import type { MeetingWithNetwork } from '../repositories/meeting-repository.js';
import type { PublicationRow, VersionRow } from '../repositories/note-repository.js';
import type { ServiceContext } from './context.js';

/** A note that may go to the public folder: its latest publication, the version released then, its public annexes. */
export interface PublicNote {
  version: VersionRow;
  publication: PublicationRow;
  annexes: StoredFileRow[];
}

/** What of one meeting may be published: its `public` items in agenda order, and their published notes. */
export interface PublicMeeting {
  found: MeetingWithNetwork;
  /** When the meeting was (last) published. */
  publishedAt: string;
  items: { item: ItemRow; rapporteurs: Rapporteur[]; note: PublicNote | null }[];
}

const isPublic = (row: { audience: string }) => row.audience === Audience.public;

/**
 * The public part of a meeting, read the way a packet is frozen (packet-freeze.ts): only items
 * marked `public`, each note's latest publication (a note reopened since keeps it: readers keep
 * its last published version; a withdrawn note has none), and of its annexes those marked
 * `public` that went out with that release. Never a draft, never a `network` or `limited` item.
 */
export function readPublicMeeting(ctx: ServiceContext, found: MeetingWithNetwork): PublicMeeting {
  const { repos } = ctx;
  const items = repos.agenda
    .listItems(found.meeting.id)
    .filter(isPublic)
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  const ids = items.map((i) => i.id);
  const notes = new Map(repos.notes.findByItems(ids).map((n) => [n.itemId, n]));
  const published = repos.notes.latestPublications([...notes.values()].map((n) => n.id));
  const rapporteurs = repos.agenda.rapporteursOf(ids);
  return {
    found,
    publishedAt: found.meeting.publishedAt!,
    items: items.map((item) => {
      const note = notes.get(item.id);
      const publication = note && note.state !== NoteState.withdrawn ? published.get(note.id) : undefined;
      const version = publication ? repos.notes.findVersion(publication.versionId) : undefined;
      return {
        item,
        rapporteurs: rapporteurs.filter((r) => r.itemId === item.id),
        note:
          publication && version
            ? {
                version,
                publication,
                // Annexes change only while a note is drafting: those uploaded by its release went with it.
                annexes: repos.files
                  .annexesOf(note!.id)
                  .filter((row) => isPublic(row) && row.createdAt <= publication.releasedAt),
              }
            : null,
      };
    }),
  };
}

/** Every meeting marked published, latest first, with what of each may be published. */
export function readPublishedMeetings(ctx: ServiceContext): PublicMeeting[] {
  return ctx.repos.meetings
    .list()
    .filter(({ meeting }) => meeting.publishedAt !== null)
    .map((found) => readPublicMeeting(ctx, found));
}
