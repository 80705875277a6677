import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agendaItems, coverNotes, meetings, notePublications } from '../db/schema/index.js';
import type { NoteRow, PublicationRow } from './note-repository.js';

/** A note with what every read of it needs: its item's meeting and marking, rapporteurs, latest release. */
export interface NoteWithFacts {
  note: NoteRow;
  item: { meetingId: number; audience: (typeof agendaItems.$inferSelect)['audience']; audienceGroups: string[] };
  publication: PublicationRow | null;
  /** The item's rapporteurs, by name (the order their notifications go out in). */
  rapporteurIds: number[];
  versionCount: number;
}

/**
 * Every read of a note asks for the same five things (and, for readers outside the drafting
 * circle, two more). Asked as one statement they cost one read transaction instead of five: on this storage each one takes file locks, which cost
 * more than the query itself.
 */
export function createNoteReadRepository(db: Db) {
  const withFacts = db
    .select({
      note: coverNotes,
      item: {
        meetingId: agendaItems.meetingId,
        audience: agendaItems.audience,
        audienceGroups: agendaItems.audienceGroups,
      },
      publication: notePublications,
      rapporteurIds: sql<string>`(select json_group_array(id) from (select p.id from item_rapporteurs r
        join people p on p.id = r.person_id where r.item_id = ${coverNotes.itemId} order by p.name))`,
      versionCount: sql<number>`(select count(*) from note_versions v where v.note_id = ${coverNotes.id})`,
    })
    .from(coverNotes)
    .innerJoin(agendaItems, eq(agendaItems.id, coverNotes.itemId))
    .leftJoin(
      notePublications,
      and(
        eq(notePublications.noteId, coverNotes.id),
        eq(
          notePublications.number,
          sql`(select max(l.number) from note_publications l where l.note_id = ${coverNotes.id})`,
        ),
      ),
    )
    .where(eq(coverNotes.itemId, sql.placeholder('itemId')))
    .prepare();
  // A reader outside the drafting circle: which recipient lists of the meeting they are on,
  // and whether the meeting has any (without lists, every delegate reads network notes).
  const readerLists = db
    .select({
      lists: sql<string>`(select json_group_array(r.list) from meeting_recipients r
        where r.meeting_id = ${meetings.id} and r.person_id = ${sql.placeholder('personId')})`,
      meetingHasLists: sql<number>`exists(select 1 from meeting_recipients r where r.meeting_id = ${meetings.id})`,
    })
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder('meetingId')))
    .prepare();
  return {
    findWithFacts(itemId: number): NoteWithFacts | undefined {
      const row = withFacts.get({ itemId });
      return row && { ...row, rapporteurIds: JSON.parse(row.rapporteurIds) as number[] };
    },
    readerLists(meetingId: number, personId: number): { lists: string[]; meetingHasLists: boolean } {
      const row = readerLists.get({ meetingId, personId });
      if (!row) return { lists: [], meetingHasLists: false };
      return { lists: JSON.parse(row.lists) as string[], meetingHasLists: row.meetingHasLists === 1 };
    },
  };
}
export type NoteReadRepository = ReturnType<typeof createNoteReadRepository>;
