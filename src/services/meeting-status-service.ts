import { calendarDay, daysUntil, isLate, REMINDER_DAYS } from '../domain/deadlines.js';
import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { NoteState } from '../domain/note-workflow.js';
import { NotificationKind } from '../domain/notification-kind.js';
import type { ServiceContext } from './context.js';
import type { NotificationService } from './notification-service.js';
import { meetingOrThrow } from './lookups.js';

/** The secretariat's overview of a meeting, and the deadline reminders. */
export function createMeetingStatusService(ctx: ServiceContext, notifications: NotificationService) {
  const { meetings, agenda, notes } = ctx.repos;

  function rows(meetingId: number) {
    const found = meetingOrThrow(ctx, meetingId);
    const items = agenda.listItems(meetingId);
    const ids = items.map((i) => i.id);
    const rapporteurs = agenda.rapporteursOf(ids);
    const noteRows = notes.findByItems(ids);
    const today = calendarDay(ctx.now());
    const deadline = found.meeting.draftingDeadline;
    const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    return {
      meeting: found.meeting,
      items: items
        .sort((a, b) => byNumber(a.number, b.number))
        .map((item) => {
          const own = rapporteurs.filter((r) => r.itemId === item.id).map((r) => ({ id: r.id, name: r.name }));
          const note = noteRows.find((n) => n.itemId === item.id)!;
          return {
            itemId: item.id,
            number: item.number,
            title: item.title,
            state: note.state,
            procedure: note.procedure,
            outcome: note.outcome,
            rapporteurs: own,
            deadline,
            isLate: isLate({ deadline, today, state: note.state, hasRapporteurs: own.length > 0 }),
          };
        }),
    };
  }

  return {
    status(actor: Actor, meetingId: number) {
      if (!isStaff(actor.role)) throw Errors.forbidden("The status overview is the secretariat's.");
      return rows(meetingId).items;
    },

    /**
     * Tells rapporteurs of notes still in drafting that the deadline is near (and, once it has
     * passed, them and the secretariat that the note is late). Idempotent: each reminder is
     * recorded once per item and deadline, however often this runs.
     */
    remindDeadlines(): number {
      const today = calendarDay(ctx.now());
      let sent = 0;
      for (const { meeting } of meetings.list()) {
        if (meeting.status !== MeetingStatus.planned || !meeting.draftingDeadline) continue;
        const days = daysUntil(today, meeting.draftingDeadline);
        if (days > REMINDER_DAYS) continue;
        ctx.transaction(() => {
          for (const item of rows(meeting.id).items) {
            if (item.state !== NoteState.drafting || item.rapporteurs.length === 0) continue;
            const late = days < 0;
            const ids = item.rapporteurs.map((r) => r.id);
            sent += notifications.notify(late ? notifications.concernedBy(ids) : ids, {
              kind: late ? NotificationKind.deadlineMissed : NotificationKind.deadlineReminder,
              itemId: item.itemId,
              meetingId: meeting.id,
              message: late
                ? `The note of item ${item.number} ${item.title} missed its drafting deadline (${meeting.draftingDeadline}).`
                : `The note of item ${item.number} ${item.title} is due for review by ${meeting.draftingDeadline}.`,
              dedupeKey: `${late ? 'late' : 'due'}:${item.itemId}:${meeting.draftingDeadline}`,
            });
          }
        });
      }
      return sent;
    },
  };
}
export type MeetingStatusService = ReturnType<typeof createMeetingStatusService>;
