import { Errors } from '../domain/errors.js';
import { hashNoteContent, normaliseNoteContent, paragraphText, type NoteContentInput } from '../domain/note-content.js';
import { assertCanReadNoteContent, assertCanWriteVersion } from '../domain/permissions.js';
import { procedureKind } from '../domain/procedure.js';
import type { Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { assertFresh, loadNote, viewOfNote } from './note-access.js';
import { presentVersion } from './presenters.js';

export function createNoteService(ctx: ServiceContext) {
  const { notes } = ctx.repos;

  function readable(actor: Actor, itemId: number) {
    const loaded = loadNote(ctx, itemId);
    assertCanReadNoteContent(actor, loaded.facts);
    return loaded.note;
  }

  function versionOrThrow(noteId: number, itemId: number, number: number) {
    const version = notes.listVersions(noteId).find((v) => v.number === number);
    if (!version) throw Errors.notFound(`The note of item ${itemId} has no version ${number}.`);
    return version;
  }

  return {
    get: (actor: Actor, itemId: number) => viewOfNote(ctx, readable(actor, itemId)),

    listVersions: (actor: Actor, itemId: number) => notes.listVersions(readable(actor, itemId).id).map(presentVersion),

    getVersion(actor: Actor, itemId: number, number: number) {
      return presentVersion(versionOrThrow(readable(actor, itemId).id, itemId, number));
    },

    /** The stored version rows behind two version numbers (for diffs). */
    versionPair(actor: Actor, itemId: number, a: number, b: number) {
      const note = readable(actor, itemId);
      return [versionOrThrow(note.id, itemId, a), versionOrThrow(note.id, itemId, b)] as const;
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
        if (note.state !== 'drafting') {
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
        const derived = opening ? paragraphText(opening) : '';
        const procedure = note.procedure ?? (procedureKind(derived) ? derived : null);
        notes.update(note.id, { currentVersionId: version.id, procedure, updatedAt: now });
        return presentVersion(version);
      });
    },
  };
}
export type NoteService = ReturnType<typeof createNoteService>;
