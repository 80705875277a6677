import { Errors } from '../domain/errors.js';
import type { NoteFacts } from '../domain/permissions.js';
import type { NoteRow } from '../repositories/note-repository.js';
import type { ServiceContext } from './context.js';
import { presentNote } from './presenters.js';

/** A note with the facts the permission and workflow rules need. */
export interface LoadedNote {
  note: NoteRow;
  facts: NoteFacts;
}

export function loadNote(ctx: ServiceContext, itemId: number): LoadedNote {
  const note = ctx.repos.notes.findByItem(itemId);
  if (!note) throw Errors.notFound(`Agenda item ${itemId} does not exist.`);
  const facts: NoteFacts = {
    itemId,
    state: note.state,
    rapporteurIds: ctx.repos.agenda.rapporteursOfItem(itemId).map((r) => r.id),
  };
  return { note, facts };
}

export function viewOfNote(ctx: ServiceContext, note: NoteRow) {
  const current = note.currentVersionId ? ctx.repos.notes.findVersion(note.currentVersionId) : undefined;
  return presentNote(note, current, ctx.repos.notes.countVersions(note.id));
}

/** The entity tag of a note: changes whenever the note row changes (state, version, procedure). */
export const noteEtag = (note: { id: number; revision: number }) => `"note-${note.id}-${note.revision}"`;

/** The revision an If-Match entry names for this note; -1 when it names another note or nothing. */
function revisionFromEtag(noteId: number, etag: string): number {
  const match = /^"note-(\d+)-(\d+)"$/.exec(etag.trim());
  return match && Number(match[1]) === noteId ? Number(match[2]) : -1;
}

/**
 * Optimistic concurrency: a writer sends back the ETag it read (If-Match); if the note moved on
 * since, the write is refused with 412 and the current note, so nobody overwrites unseen work.
 * `undefined` (an internal caller) and `*` skip the check.
 */
export function assertFresh(ctx: ServiceContext, note: NoteRow, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const listed = ifMatch.split(',').map((tag) => revisionFromEtag(note.id, tag));
  if (listed.includes(note.revision)) return;
  throw Errors.staleWrite(
    `The note of item ${note.itemId} changed since you read it (it is now at revision ${note.revision}, ${note.state}); reload it and try again.`,
    { current: viewOfNote(ctx, note), etag: noteEtag(note) },
  );
}
