import { calendarDay, daysUntil, REMINDER_DAYS } from '../domain/deadlines.js';
import { Errors } from '../domain/errors.js';
import { formatDateRange, formatOrdinal } from '../domain/meeting-line.js';
import { ActionPointState, checkOwner } from '../domain/meeting-record.js';
import { isLaterMeeting } from '../domain/meeting-status.js';
import { NotificationKind } from '../domain/notification-kind.js';
import { AudienceGroup, markingAdmits } from '../domain/audience.js';
import { isStaff, type Actor, type Role } from '../domain/roles.js';
import type { ItemRow } from '../repositories/agenda-repository.js';
import type { PersonRow } from '../repositories/people-repository.js';
import type { ActionPointRow } from '../repositories/record-repository.js';
import type { AgendaService } from './agenda-service.js';
import { isoNow, type ServiceContext } from './context.js';
import { itemOrThrow, meetingOrThrow } from './lookups.js';
import { readerGroups } from './note-access.js';
import type { NotificationService } from './notification-service.js';
import { recipientsFor } from './packet-audiences.js';
import { delegationOf, presentActionPoint } from './record-presenters.js';

/** The title of the item that follows up a network's open action points at its next meeting. */
export const FOLLOW_UP_TITLE = 'Follow-up of action points';

export interface ActionPointInput {
  what: string;
  ownerPersonId?: number | null;
  ownerDelegation?: string | null;
  dueDate?: string | null;
}

function assertStaff(actor: Actor) {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat records action points.');
}

/**
 * Action points: decided under an item, owned by a person or a delegation, open until done. The
 * open ones are followed up at the network's next meeting; their owners hear of them in their digest.
 */
export function createActionPointService(
  ctx: ServiceContext,
  agenda: AgendaService,
  notifications: NotificationService,
) {
  const { repos } = ctx;

  function present(point: ActionPointRow) {
    const item = itemOrThrow(ctx, point.itemId);
    const owner = point.ownerPersonId ? repos.people.findById(point.ownerPersonId) : undefined;
    return presentActionPoint(point, item, owner);
  }

  /** Whether the person may read the item the point was decided under: its marking decides, as for its note. */
  function mayRead(person: Pick<PersonRow, 'id' | 'name' | 'role'>, item: ItemRow) {
    if (isStaff(person.role as Role)) return true;
    const reader = { id: person.id, name: person.name, role: person.role as Role };
    return markingAdmits(item, readerGroups(ctx, reader, item.meetingId));
  }

  /** The owner in fields: a person (who must exist and may read the item) or a delegation's name, never both. */
  function ownerOf(input: Pick<ActionPointInput, 'ownerPersonId' | 'ownerDelegation'>, item: ItemRow) {
    checkOwner(input);
    if (input.ownerPersonId) {
      const person = repos.people.findById(input.ownerPersonId);
      if (!person) throw Errors.invalid.onField('ownerPersonId', `No person ${input.ownerPersonId}.`);
      if (!mayRead(person, item))
        throw Errors.invalid.onField(
          'ownerPersonId',
          `${person.name} may not read item ${item.number} (its distribution leaves them out): choose an owner who may.`,
        );
    }
    return { ownerPersonId: input.ownerPersonId ?? null, ownerDelegation: input.ownerDelegation?.trim() || null };
  }

  /**
   * Who hears of an action point: its owner, or the people of the owning delegation on the
   * meeting's delegates and observers lists; never someone the item's marking leaves out (the
   * message quotes the point).
   */
  function ownersOf(point: ActionPointRow, item: ItemRow): number[] {
    if (point.ownerPersonId) {
      const person = repos.people.findById(point.ownerPersonId);
      return person?.isActive && mayRead(person, item) ? [person.id] : [];
    }
    return recipientsFor(ctx, item.meetingId, [AudienceGroup.delegates, AudienceGroup.observers])
      .filter(({ person }) => delegationOf(person) === point.ownerDelegation && mayRead(person, item))
      .map(({ person }) => person.id);
  }

  function meetingWords(meetingId: number) {
    const { meeting, network } = meetingOrThrow(ctx, meetingId);
    return `${formatOrdinal(meeting.ordinal)} ${network.name} meeting`;
  }

  function tell(point: ActionPointRow, kind: 'assigned' | 'due', except?: number) {
    const item = itemOrThrow(ctx, point.itemId);
    const due = point.dueDate ? `, due ${formatDateRange(point.dueDate, point.dueDate)}` : '';
    return notifications.notify(
      ownersOf(point, item),
      {
        kind: kind === 'assigned' ? NotificationKind.actionPointAssigned : NotificationKind.actionPointDue,
        itemId: item.id,
        meetingId: item.meetingId,
        message: `${kind === 'assigned' ? 'Action point for you' : 'Action point due soon'} (item ${item.number}, ${meetingWords(item.meetingId)}): ${point.what}${due}.`,
        dedupeKey: kind === 'assigned' ? `action:${point.id}` : `action-due:${point.id}:${point.dueDate}`,
      },
      except,
    );
  }

  return {
    add(actor: Actor, itemId: number, input: ActionPointInput) {
      assertStaff(actor);
      const item = itemOrThrow(ctx, itemId);
      const owner = ownerOf(input, item);
      const point = ctx.transaction(() => {
        const row = repos.records.insertActionPoint({
          itemId,
          what: input.what.trim(),
          ...owner,
          dueDate: input.dueDate ?? null,
          createdAt: isoNow(ctx),
        });
        tell(row, 'assigned', actor.id);
        return row;
      });
      return present(point);
    },

    /** Changes an action point; `done` closes it (it leaves the follow-up list), `open` opens it again. */
    change(actor: Actor, id: number, changes: Partial<ActionPointInput> & { state?: ActionPointState }) {
      assertStaff(actor);
      const point = repos.records.findActionPoint(id);
      if (!point) throw Errors.notFound(`Action point ${id} does not exist.`);
      const ownerChanged = changes.ownerPersonId !== undefined || changes.ownerDelegation !== undefined;
      const owner = ownerChanged
        ? ownerOf(
            { ownerPersonId: changes.ownerPersonId, ownerDelegation: changes.ownerDelegation },
            itemOrThrow(ctx, point.itemId),
          )
        : {};
      const closing =
        changes.state === undefined || changes.state === point.state
          ? {}
          : { state: changes.state, closedAt: changes.state === ActionPointState.done ? isoNow(ctx) : null };
      const patch = {
        ...(changes.what !== undefined ? { what: changes.what.trim() } : {}),
        ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
        ...owner,
        ...closing,
      };
      // Closing a point already closed (a second click, two people at once) changes nothing.
      if (Object.keys(patch).length === 0) return present(point);
      const updated = ctx.transaction(() => {
        const row = repos.records.updateActionPoint(id, patch)!;
        if (ownerChanged && row.state === ActionPointState.open) tell(row, 'assigned', actor.id);
        return row;
      });
      return present(updated);
    },

    delete(actor: Actor, id: number) {
      assertStaff(actor);
      if (!repos.records.findActionPoint(id)) throw Errors.notFound(`Action point ${id} does not exist.`);
      repos.records.deleteActionPoint(id);
    },

    /**
     * Puts a "Follow-up of action points" item on the network's next meeting (the first one
     * after this, not cancelled), once: it lists the network's open action points of earlier meetings.
     */
    carryOver(actor: Actor, meetingId: number) {
      assertStaff(actor);
      const { meeting } = meetingOrThrow(ctx, meetingId);
      const next = repos.meetings
        .list()
        .map((m) => m.meeting)
        .filter((m) => isLaterMeeting(m, meeting))
        .sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
      if (!next) throw Errors.conflict('The network has no later meeting to follow the action points up.');
      const existing = repos.agenda.listItems(next.id).find((i) => i.isActionFollowUp);
      if (existing) return agenda.get(actor, existing.id);
      return ctx.transaction(() => {
        const item = agenda.create(actor, next.id, { title: FOLLOW_UP_TITLE });
        repos.records.markActionFollowUp(item.id);
        return item;
      });
    },

    /** Reminds owners of open action points due within the reminder days (or overdue), once per due date. */
    remindDue(): number {
      const today = calendarDay(ctx.now());
      return ctx.transaction(() => {
        let sent = 0;
        for (const { point } of repos.records.openActionPoints()) {
          if (!point.dueDate || daysUntil(today, point.dueDate) > REMINDER_DAYS) continue;
          sent += tell(point, 'due');
        }
        return sent;
      });
    },
  };
}
export type ActionPointService = ReturnType<typeof createActionPointService>;
