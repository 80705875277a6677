import { Errors } from '../domain/errors.js';
import { assertCanManageAgenda } from '../domain/permissions.js';
import { Role, type Actor } from '../domain/roles.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { Outcome } from '../domain/note-workflow.js';
import type { AgendaService } from './agenda-service.js';
import { isoNow, type ServiceContext } from './context.js';
import type { NoteService } from './note-service.js';
import { itemOrThrow, meetingOrThrow } from './lookups.js';

/**
 * A postponed item goes on the agenda of a later meeting: same title, rapporteurs, procedure and
 * text (as version 1 of a new draft), pointing back at the item it continues.
 */
export function createCarryOverService(ctx: ServiceContext, agenda: AgendaService, notes: NoteService) {
  const { repos } = ctx;

  return {
    carryOver(actor: Actor, itemId: number, target: { meetingId: number; parentId?: number | null }) {
      assertCanManageAgenda(actor);
      const item = itemOrThrow(ctx, itemId);
      const note = repos.notes.findByItem(itemId)!;
      if (note.outcome !== Outcome.postponed) {
        throw Errors.conflict(
          `Only a postponed item is carried over; item ${item.number} is ${note.outcome ?? 'without outcome'}.`,
        );
      }
      const from = repos.meetings.find(item.meetingId)!.meeting;
      const to = meetingOrThrow(ctx, target.meetingId).meeting;
      if (to.startDate <= from.startDate) throw Errors.invalid('A postponed item moves to a later meeting.');
      if (to.status === MeetingStatus.cancelled)
        throw Errors.conflict(`Meeting ${to.ordinal} is cancelled; carry the item to another.`);
      const earlier = repos.agenda.listItems(to.id).find((i) => i.copiedFromItemId === itemId);
      if (earlier)
        throw Errors.conflict(
          `Item ${item.number} was carried over already: it is item ${earlier.number} of that meeting.`,
          {
            itemId: earlier.id,
          },
        );
      const rapporteurIds = repos.agenda
        .rapporteursOf([itemId])
        .map((r) => repos.people.findById(r.id)!)
        .filter((p) => p.isActive && p.role === Role.rapporteur)
        .map((p) => p.id);
      const version = note.currentVersionId ? repos.notes.findVersion(note.currentVersionId) : undefined;
      return ctx.transaction(() => {
        const copy = agenda.create(actor, to.id, {
          title: item.title,
          parentId: target.parentId ?? null,
          rapporteurIds,
        });
        repos.agenda.setCopiedFrom(copy.id, itemId);
        if (version) notes.createVersion(actor, copy.id, version.content);
        const copyNote = repos.notes.findByItem(copy.id)!;
        repos.notes.update(copyNote.id, { procedure: note.procedure, updatedAt: isoNow(ctx) });
        return agenda.get(actor, copy.id);
      });
    },
  };
}
export type CarryOverService = ReturnType<typeof createCarryOverService>;
