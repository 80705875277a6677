import { readerGroupsOf } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { isDraftingCircle, noteAccess, NoteAccess, type NoteFacts } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import type { NoteRow, PublicationRow, VersionRow } from '../repositories/note-repository.js';
import type { ServiceContext } from './context.js';
import { presentNote, presentPublicNote, presentPublication } from './presenters.js';

/** A note with the facts the permission and workflow rules need. */
export interface LoadedNote {
  note: NoteRow;
  facts: NoteFacts;
  meetingId: number;
  /** The latest publication, if the note was ever released. */
  publication: PublicationRow | undefined;
  versionCount: number;
}

export function loadNote(ctx: ServiceContext, itemId: number): LoadedNote {
  const found = ctx.repos.noteReads.findWithFacts(itemId);
  if (!found) throw Errors.notFound(`Agenda item ${itemId} does not exist.`);
  const { note, item } = found;
  const publication = found.publication ?? undefined;
  const facts: NoteFacts = {
    itemId,
    state: note.state,
    rapporteurIds: found.rapporteurIds,
    marking: { audience: item.audience, audienceGroups: item.audienceGroups },
    published: publication !== undefined,
  };
  return { note, facts, meetingId: item.meetingId, publication, versionCount: found.versionCount };
}

/** The recipient groups of a signed-in person for one meeting (the lists they are on). */
export function readerGroups(ctx: ServiceContext, actor: Actor, meetingId: number): string[] {
  const { lists, meetingHasLists } = ctx.repos.noteReads.readerLists(meetingId, actor.id);
  return readerGroupsOf({ role: actor.role, isActive: true }, lists, meetingHasLists);
}

/**
 * A note as this reader may see it. The drafting circle sees the note itself; everyone else
 * sees its latest publication (also while a reopened note is being revised), or nothing: 404,
 * since they may not know the note exists.
 */
export type ReadableNote = LoadedNote &
  (
    | { access: typeof NoteAccess.drafts; publication: PublicationRow | undefined }
    | { access: typeof NoteAccess.published; publication: PublicationRow }
  );

export function readNote(ctx: ServiceContext, actor: Actor, itemId: number): ReadableNote {
  const loaded = loadNote(ctx, itemId);
  const { publication } = loaded;
  if (isDraftingCircle(actor, loaded.facts)) return { ...loaded, access: NoteAccess.drafts, publication };
  const access = noteAccess(actor, loaded.facts, readerGroups(ctx, actor, loaded.meetingId));
  if (access === NoteAccess.none || !publication)
    throw Errors.notFound(`No cover note is visible for agenda item ${itemId}.`);
  return { ...loaded, access, publication };
}

/** The version a reader asked for by number: any for the drafting circle, published ones for the rest. */
export function versionForReader(ctx: ServiceContext, readable: ReadableNote, number: number): VersionRow {
  const { note } = readable;
  const version = ctx.repos.notes.listVersions(note.id).find((v) => v.number === number);
  if (!version || (readable.access !== NoteAccess.drafts && !ctx.repos.notes.isPublished(note.id, version.id))) {
    throw Errors.notFound(`The note of item ${note.itemId} has no version ${number}.`);
  }
  return version;
}

/** The version this reader sees by default: the current one, or the latest published one. */
export function shownVersion(ctx: ServiceContext, readable: ReadableNote): VersionRow | undefined {
  if (readable.access === NoteAccess.published) return ctx.repos.notes.findVersion(readable.publication.versionId);
  return readable.note.currentVersionId ? ctx.repos.notes.findVersion(readable.note.currentVersionId) : undefined;
}

/** The note as its reader sees it: whole for the drafting circle, its latest publication for the rest. */
export function viewForReader(ctx: ServiceContext, readable: ReadableNote) {
  if (readable.access === NoteAccess.drafts) {
    return viewOfNote(ctx, readable.note, readable.publication, readable.versionCount);
  }
  return presentPublicNote(readable.note, readable.publication, shownVersion(ctx, readable)!);
}

export function viewOfNote(
  ctx: ServiceContext,
  note: NoteRow,
  publication: PublicationRow | undefined = ctx.repos.notes.latestPublication(note.id),
  versionCount = ctx.repos.notes.countVersions(note.id),
) {
  const { notes } = ctx.repos;
  const current = note.currentVersionId ? notes.findVersion(note.currentVersionId) : undefined;
  const published = publication
    ? presentPublication(publication, notes.findVersion(publication.versionId)!.number, note)
    : null;
  return presentNote(note, current, versionCount, published);
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
