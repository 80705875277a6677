import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agendaItems, coverNotes, notePublications } from '../db/schema/index.js';
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
 * Every read of a note asks for the same five things. Asked as one statement they cost one
 * read transaction instead of five: on this storage each one takes file locks, which cost
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
  return {
    findWithFacts(itemId: number): NoteWithFacts | undefined {
      const row = withFacts.get({ itemId });
      return row && { ...row, rapporteurIds: JSON.parse(row.rapporteurIds) as number[] };
    },
  };
}
export type NoteReadRepository = ReturnType<typeof createNoteReadRepository>;
