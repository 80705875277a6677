import { Errors } from '../domain/errors.js';
import { hashNoteContent, normaliseNoteContent, paragraphText, type NoteContentInput } from '../domain/note-content.js';
import { assertCanReadNoteContent, assertCanWriteVersion, type NoteFacts } from '../domain/permissions.js';
import { procedureKind } from '../domain/procedure.js';
import type { Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { presentNote, presentVersion } from './presenters.js';

export function createNoteService(ctx: ServiceContext) {
  const { agenda, notes } = ctx.repos;

  /** The note of an item with the facts the permission rules need. */
  function load(itemId: number) {
    const note = notes.findByItem(itemId);
    if (!note) throw Errors.notFound(`Agenda item ${itemId} does not exist.`);
    const facts: NoteFacts = {
      itemId,
      state: note.state,
      rapporteurIds: agenda.rapporteursOf([itemId]).map((r) => r.id),
    };
    return { note, facts };
  }

  function versionOrThrow(noteId: number, itemId: number, number: number) {
    const version = notes.listVersions(noteId).find((v) => v.number === number);
    if (!version) throw Errors.notFound(`The note of item ${itemId} has no version ${number}.`);
    return version;
  }

  return {
    get(actor: Actor, itemId: number) {
      const { note, facts } = load(itemId);
      assertCanReadNoteContent(actor, facts);
      const current = note.currentVersionId ? notes.findVersion(note.currentVersionId) : undefined;
      return presentNote(note, current, notes.countVersions(note.id));
    },

    listVersions(actor: Actor, itemId: number) {
      const { note, facts } = load(itemId);
      assertCanReadNoteContent(actor, facts);
      return notes.listVersions(note.id).map(presentVersion);
    },

    getVersion(actor: Actor, itemId: number, number: number) {
      const { note, facts } = load(itemId);
      assertCanReadNoteContent(actor, facts);
      return presentVersion(versionOrThrow(note.id, itemId, number));
    },

    /**
     * Writes a new immutable version and makes it current. The first version that opens its
     * procedure section with a procedure sentence also sets the note's procedure when none is set.
     */
    createVersion(actor: Actor, itemId: number, input: NoteContentInput) {
      const { facts } = load(itemId);
      assertCanWriteVersion(actor, facts);
      const content = normaliseNoteContent(input);
      const contentHash = hashNoteContent(content);
      return ctx.transaction(() => {
        // Re-read inside the transaction: the state decides whether writing is allowed.
        const note = notes.findByItem(itemId)!;
        if (note.state !== 'drafting') {
          throw Errors.conflict(`The note of item ${itemId} is in ${note.state}; versions are written only while drafting.`);
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
