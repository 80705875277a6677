import { verifyAuditChain, verifyChain } from '../domain/audit-chain.js';
import { hashPersonAuditEvent } from '../domain/person-audit.js';
import { Errors } from '../domain/errors.js';
import { NoteState, transition, type NoteEvent, type Outcome } from '../domain/note-workflow.js';
import {
  assertCanReadNoteContent,
  assertInDraftingCircle,
  isDraftingCircle,
  isRapporteurOf,
} from '../domain/permissions.js';
import { normaliseProcedure } from '../domain/procedure.js';
import { isStaff, Role, type Actor } from '../domain/roles.js';
import { NotificationKind } from '../domain/notification-kind.js';
import { isoNow, type ServiceContext } from './context.js';
import { assertFresh, loadNote, noteEtag, viewOfNote } from './note-access.js';
import type { NotificationService } from './notification-service.js';

export interface TransitionInput {
  event: NoteEvent;
  comment?: string;
  procedure?: string;
  /** Why a note released before is released again: printed with its publication. */
  reason?: string;
}

const PAST_TENSE: Record<NoteEvent, string> = {
  submit: 'submitted for review',
  return: 'returned to drafting',
  release: 'released',
  reopen: 'reopened',
  withdraw: 'withdrawn',
  restore: 'restored to drafting',
};

export function createWorkflowService(ctx: ServiceContext, notifications: NotificationService) {
  const { notes, audit, agenda } = ctx.repos;

  function itemLabel(itemId: number) {
    const item = agenda.findItem(itemId)!;
    return { item, label: `${item.number} ${item.title}` };
  }

  /** Sets the procedure while the note is not released (staff, or the item's rapporteur). */
  function setProcedure(actor: Actor, itemId: number, procedure: string, ifMatch?: string) {
    return ctx.transaction(() => {
      const { note, facts } = loadNote(ctx, itemId);
      assertCanReadNoteContent(actor, facts);
      if (!isDraftingCircle(actor, facts)) {
        throw Errors.forbidden('Only the secretariat or the rapporteurs of this item set its procedure.');
      }
      assertFresh(ctx, note, ifMatch);
      if (note.state === NoteState.released) {
        throw Errors.conflict('A released note keeps its procedure; reopen it to change the procedure.');
      }
      notes.update(note.id, { procedure: normaliseProcedure(procedure), updatedAt: isoNow(ctx) });
      return viewOfNote(ctx, notes.findByItem(itemId)!);
    });
  }

  /** Records what the meeting did with a released note. */
  function setOutcome(actor: Actor, itemId: number, outcome: Outcome, ifMatch?: string) {
    if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat records outcomes.');
    return ctx.transaction(() => {
      const { note } = loadNote(ctx, itemId);
      assertFresh(ctx, note, ifMatch);
      if (note.state !== NoteState.released)
        throw Errors.conflict(`Only a released note has an outcome; this one is in ${note.state}.`);
      notes.update(note.id, { outcome, updatedAt: isoNow(ctx) });
      return viewOfNote(ctx, notes.findByItem(itemId)!);
    });
  }

  return {
    /**
     * Performs one workflow event: compare-and-set on the note's state and revision plus an audit
     * event and notifications, in one synchronous transaction. Exactly one of two racing
     * requests wins; the other sees 412 (or 409 when the state no longer allows the event).
     */
    perform(actor: Actor, itemId: number, input: TransitionInput, ifMatch?: string) {
      return ctx.transaction(() => {
        const loaded = loadNote(ctx, itemId);
        const { note, facts } = loaded;
        assertCanReadNoteContent(actor, facts);
        assertFresh(ctx, note, ifMatch);
        const procedure = input.procedure ? normaliseProcedure(input.procedure) : note.procedure;
        const to = transition(note.state as NoteState, input.event, {
          actor,
          isRapporteurOfItem: isRapporteurOf(actor, facts),
          comment: input.comment,
          procedure,
          hasVersion: note.currentVersionId !== null,
        });
        const reason = input.reason?.trim() || null;
        if (to === NoteState.released && loaded.publication && !reason) {
          throw Errors.invalid.onField(
            'reason',
            `The note was released before: say in one line why it is released again (revision ${loaded.publication.number + 1}), e.g. "Corrected the date in paragraph 3".`,
          );
        }
        const at = isoNow(ctx);
        const moved = notes.moveNote(note.id, note, {
          state: to,
          procedure,
          updatedAt: at,
          ...(to !== NoteState.released ? { outcome: null } : {}),
        });
        if (!moved) throw Errors.staleWrite('The note changed while you acted on it; reload it and try again.');
        const version = note.currentVersionId ? notes.findVersion(note.currentVersionId) : undefined;
        if (to === NoteState.released && version) {
          notes.insertPublication({
            noteId: note.id,
            versionId: version.id,
            procedure,
            reason,
            releasedById: actor.id,
            releasedAt: at,
          });
        }
        audit.append({
          noteId: note.id,
          itemId,
          event: input.event,
          fromState: note.state,
          toState: to,
          actorId: actor.id,
          at,
          comment: input.comment?.trim() || null,
          versionHash: version?.contentHash ?? null,
        });
        const { item, label } = itemLabel(itemId);
        const why = input.comment?.trim() ? `: ${input.comment.trim()}` : '';
        notifications.notify(
          notifications.concernedBy(facts.rapporteurIds),
          {
            kind: NotificationKind.of(input.event),
            itemId,
            meetingId: item.meetingId,
            message: `${actor.name} ${PAST_TENSE[input.event]} the note of item ${label}${why}`,
          },
          actor.id,
        );
        return viewOfNote(ctx, notes.findByItem(itemId)!);
      });
    },

    setProcedure,
    setOutcome,

    /** PATCH of a note: procedure and/or outcome, all or nothing. */
    changeNote(actor: Actor, itemId: number, changes: { procedure?: string; outcome?: Outcome }, ifMatch?: string) {
      return ctx.transaction(() => {
        let note =
          changes.procedure === undefined ? undefined : setProcedure(actor, itemId, changes.procedure, ifMatch);
        if (changes.outcome !== undefined) {
          // The second change chains on the revision the first one produced.
          note = setOutcome(actor, itemId, changes.outcome, note ? noteEtag(note) : ifMatch);
        }
        return note!;
      });
    },

    history(actor: Actor, itemId: number) {
      const { note, facts } = loadNote(ctx, itemId);
      assertInDraftingCircle(actor, facts, 'history');
      return audit.ofNote(note.id).map(({ event: e, actorName }) => ({
        id: e.id,
        event: e.event,
        fromState: e.fromState,
        toState: e.toState,
        actor: { id: e.actorId, name: actorName ?? 'unknown' },
        at: e.at,
        comment: e.comment,
        versionHash: e.versionHash,
      }));
    },

    /**
     * Why each returned note came back, by item: the items as the agenda service showed them to
     * this person (only the drafting circle sees a note returned). One query.
     */
    returnReasons(items: readonly { id: number; note: { returned: boolean } | null }[]): Map<number, string | null> {
      return audit.returnedOf(items.filter((i) => i.note?.returned).map((i) => i.id));
    },

    verifyAudit(actor: Actor) {
      if (actor.role !== Role.admin) throw Errors.forbidden('Only an admin verifies the audit trail.');
      // Both chains: the notes' workflow (the top-level figures, as before) and the people audit.
      const notes = verifyAuditChain(audit.iterate());
      const people = verifyChain(ctx.repos.personAudit.iterate(), hashPersonAuditEvent);
      return { ...notes, ok: notes.ok && people.ok, people };
    },
  };
}
export type WorkflowService = ReturnType<typeof createWorkflowService>;
