import { Errors } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';

export interface NotificationInput {
  kind: string;
  itemId?: number;
  meetingId?: number;
  message: string;
  dedupeKey?: string;
}

/**
 * Notification records: stored here for the people concerned, listed in the API; the email
 * issue delivers them. Writing them is part of the caller's transaction.
 */
export function createNotificationService(ctx: ServiceContext) {
  const { notifications, people } = ctx.repos;

  return {
    /** Tells each person once (dedupeKey), never the actor about their own act. */
    notify(personIds: Iterable<number>, input: NotificationInput, except?: number) {
      const createdAt = isoNow(ctx);
      const rows = [...new Set(personIds)]
        .filter((id) => id !== except)
        .filter((id) => !input.dedupeKey || !notifications.has(id, input.dedupeKey))
        .map((personId) => ({ personId, createdAt, ...input }));
      notifications.insert(rows);
      return rows.length;
    },

    /** The item's rapporteurs and the whole secretariat. */
    concernedBy: (rapporteurIds: readonly number[]) => [...rapporteurIds, ...people.activeSecretariatIds()],

    list: (actor: Actor) =>
      notifications.listOf(actor.id).map((n) => ({
        id: n.id,
        kind: n.kind,
        itemId: n.itemId,
        meetingId: n.meetingId,
        message: n.message,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),

    markRead(actor: Actor, id: number) {
      if (notifications.markRead(actor.id, id, isoNow(ctx)) === 0) {
        throw Errors.notFound(`You have no notification ${id}.`);
      }
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
