import { AgendumError, Errors } from '../domain/errors.js';
import { isParagraph } from '../domain/note-blocks.js';
import { hashNoteContent, normaliseNoteContent, paragraphText, type NoteContentInput } from '../domain/note-content.js';
import { assertCanWriteVersion, NoteAccess } from '../domain/permissions.js';
import { procedureKind } from '../domain/procedure.js';
import type { Actor } from '../domain/roles.js';
import { NoteState } from '../domain/note-workflow.js';
import { isoNow, type ServiceContext } from './context.js';
import { assertFresh, loadNote, readNote, versionForReader, viewForReader } from './note-access.js';
import { presentPublication, presentVersion } from './presenters.js';

export function createNoteService(ctx: ServiceContext) {
  const { notes } = ctx.repos;

  return {
    get: (actor: Actor, itemId: number) => viewForReader(ctx, readNote(ctx, actor, itemId)),

    /** What this reader sees of the note: drafts (the drafting circle), published versions, or nothing. */
    accessOf(actor: Actor, itemId: number): NoteAccess {
      try {
        return readNote(ctx, actor, itemId).access;
      } catch (error) {
        if (error instanceof AgendumError && error.status === 404) return NoteAccess.none;
        throw error;
      }
    },

    /** Every version for the drafting circle; the published ones for everyone else. */
    listVersions(actor: Actor, itemId: number) {
      const readable = readNote(ctx, actor, itemId);
      const all = notes.listVersions(readable.note.id);
      if (readable.access === NoteAccess.drafts) return all.map(presentVersion);
      const published = new Set(notes.listPublications(readable.note.id).map((p) => p.versionId));
      return all.filter((v) => published.has(v.id)).map(presentVersion);
    },

    getVersion(actor: Actor, itemId: number, number: number) {
      return presentVersion(versionForReader(ctx, readNote(ctx, actor, itemId), number));
    },

    /** The stored version rows behind two version numbers (for diffs): both must be visible to the reader. */
    versionPair(actor: Actor, itemId: number, a: number, b: number) {
      const readable = readNote(ctx, actor, itemId);
      return [versionForReader(ctx, readable, a), versionForReader(ctx, readable, b)] as const;
    },

    /** Which version was released when, with which procedure and why: the note's publication history. */
    publications(actor: Actor, itemId: number) {
      const { note } = readNote(ctx, actor, itemId);
      const numbers = new Map(notes.listVersions(note.id).map((v) => [v.id, v.number]));
      return notes.listPublications(note.id).map((p) => presentPublication(p, numbers.get(p.versionId)!, note));
    },

    /** One publication with the text it released: a reader outside the drafting circle reaches no other text. */
    getPublication(actor: Actor, itemId: number, number: number) {
      const { note } = readNote(ctx, actor, itemId);
      const publication = notes.listPublications(note.id).find((p) => p.number === number);
      if (!publication) throw Errors.notFound(`The note of item ${itemId} has no publication ${number}.`);
      const version = notes.findVersion(publication.versionId)!;
      return { ...presentPublication(publication, version.number, note), text: presentVersion(version) };
    },

    /**
     * Writes a new immutable version and makes it current; only while drafting. The first
     * version that opens its procedure section with a procedure sentence also sets the note's
     * procedure when none is set.
     */
    createVersion(actor: Actor, itemId: number, input: NoteContentInput, ifMatch?: string) {
      assertCanWriteVersion(actor, loadNote(ctx, itemId).facts);
      const content = normaliseNoteContent(input);
      const contentHash = hashNoteContent(content);
      return ctx.transaction(() => {
        // Re-read inside the transaction: the state and revision decide whether writing is allowed.
        const note = notes.findByItem(itemId)!;
        assertFresh(ctx, note, ifMatch);
        if (note.state !== NoteState.drafting) {
          throw Errors.conflict(
            `The note of item ${itemId} is in ${note.state}; versions are written only while drafting.`,
            { state: note.state },
          );
        }
        const now = isoNow(ctx);
        const version = notes.insertVersion({
          noteId: note.id,
          number: notes.countVersions(note.id) + 1,
          content,
          contentHash,
          authorId: actor.id,
          createdAt: now,
        });
        const opening = content.sections.procedure[0];
        const derived = opening && isParagraph(opening) ? paragraphText(opening) : '';
        const procedure = note.procedure ?? (procedureKind(derived) ? derived : null);
        notes.update(note.id, { currentVersionId: version.id, procedure, updatedAt: now });
        return presentVersion(version);
      });
    },
  };
}
export type NoteService = ReturnType<typeof createNoteService>;
