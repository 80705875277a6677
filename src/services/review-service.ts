import { Errors } from '../domain/errors.js';
import type { SectionKey } from '../domain/note-content.js';
import { assertInDraftingCircle } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import { diffVersions } from '../domain/version-diff.js';
import { NotificationKind } from '../domain/notification-kind.js';
import { isoNow, type ServiceContext } from './context.js';
import { loadNote } from './note-access.js';
import type { NoteService } from './note-service.js';
import type { NotificationService } from './notification-service.js';

export interface CommentInput {
  body: string;
  /** The version commented on; the current one when absent. */
  version?: number;
  section?: SectionKey;
  /** 1-based block (paragraph, list or table) within the section. */
  paragraph?: number;
}

/** Review comments on versions, and the word-level diff between versions. */
export function createReviewService(ctx: ServiceContext, notes: NoteService, notifications: NotificationService) {
  const { comments, agenda } = ctx.repos;

  /** Review is between the secretariat and the item's rapporteurs; anybody else sees no comment. */
  function reviewable(actor: Actor, itemId: number) {
    const loaded = loadNote(ctx, itemId);
    assertInDraftingCircle(actor, loaded.facts, 'review');
    return loaded;
  }

  /** Comments as the API shows them, with the number of the version each one is about. */
  function present(noteId: number, rows: ReturnType<typeof comments.listOfNote>) {
    const versions = new Map(ctx.repos.notes.listVersions(noteId).map((v) => [v.id, v.number]));
    return rows.map(({ comment: c, authorName }) => ({
      id: c.id,
      version: versions.get(c.versionId)!,
      section: c.section,
      paragraph: c.paragraph,
      body: c.body,
      author: { id: c.authorId, name: authorName },
      createdAt: c.createdAt,
      resolvedAt: c.resolvedAt,
      resolvedById: c.resolvedById,
    }));
  }

  const presentOne = (noteId: number, commentId: number) => present(noteId, comments.withAuthor(commentId))[0]!;

  return {
    list(actor: Actor, itemId: number) {
      const { note } = reviewable(actor, itemId);
      return present(note.id, comments.listOfNote(note.id));
    },

    add(actor: Actor, itemId: number, input: CommentInput) {
      const { note, facts } = reviewable(actor, itemId);
      const all = ctx.repos.notes.listVersions(note.id);
      const version =
        input.version === undefined
          ? all.find((v) => v.id === note.currentVersionId)
          : all.find((v) => v.number === input.version);
      if (!version)
        throw Errors.invalid(
          input.version === undefined
            ? 'The note has no version to comment on yet.'
            : `The note has no version ${input.version}.`,
        );
      // The API's schema refuses a blank body; the web form reaches here with whatever was typed.
      if (input.body.trim() === '') throw Errors.invalid('A comment needs some text.');
      if (input.paragraph !== undefined && !input.section)
        throw Errors.invalid('A paragraph anchor needs its section.');
      if (input.section && input.paragraph !== undefined) {
        const count = version.content.sections[input.section].length;
        if (input.paragraph > count) {
          throw Errors.invalid(
            `Section ${input.section} of version ${version.number} has ${count} block(s) (paragraphs, lists, tables), not ${input.paragraph}.`,
          );
        }
      }
      const id = ctx.transaction(() => {
        const row = comments.insert({
          noteId: note.id,
          versionId: version.id,
          authorId: actor.id,
          section: input.section ?? null,
          paragraph: input.paragraph ?? null,
          body: input.body.trim(),
          createdAt: isoNow(ctx),
        });
        const item = agenda.findItem(itemId)!;
        notifications.notify(
          notifications.concernedBy(facts.rapporteurIds),
          {
            kind: NotificationKind.reviewComment,
            itemId,
            meetingId: item.meetingId,
            message: `${actor.name} commented on the note of item ${item.number} ${item.title}`,
          },
          actor.id,
        );
        return row.id;
      });
      return presentOne(note.id, id);
    },

    resolve(actor: Actor, itemId: number, commentId: number) {
      const { note } = reviewable(actor, itemId);
      const comment = comments.find(commentId);
      if (!comment || comment.noteId !== note.id) throw Errors.notFound(`Item ${itemId} has no comment ${commentId}.`);
      if (comment.resolvedAt) throw Errors.conflict(`Comment ${commentId} is resolved already.`);
      comments.resolve(commentId, actor.id, isoNow(ctx));
      return presentOne(note.id, commentId);
    },

    diff(actor: Actor, itemId: number, a: number, b: number) {
      const [before, after] = notes.versionPair(actor, itemId, a, b);
      return { from: a, to: b, ...diffVersions(before.content, after.content) };
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
