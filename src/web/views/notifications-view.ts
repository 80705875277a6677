import { labelMarkup } from '../../rendering/html/pages.js';
import { shownInstant } from './account-view.js';

interface NotificationFacts {
  id: number;
  kind: string;
  itemId: number | null;
  meetingId: number | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

/** Where a notification leads: its item, else its meeting. */
const linkOf = (n: NotificationFacts) =>
  n.itemId !== null ? `/items/${n.itemId}` : n.meetingId !== null ? `/meetings/${n.meetingId}` : null;

/** One's notifications, unread first, each newest first; the kind in plain words. */
export function notificationsView(list: NotificationFacts[]) {
  const byUnread = [...list.filter((n) => n.readAt === null), ...list.filter((n) => n.readAt !== null)];
  return {
    unread: byUnread.filter((n) => n.readAt === null).length,
    notifications: byUnread.map((n) => ({
      id: n.id,
      kind: labelMarkup('notice', n.kind),
      message: n.message,
      when: shownInstant(n.createdAt),
      href: linkOf(n),
      isUnread: n.readAt === null,
    })),
  };
}

/** The audit check's verdict in plain words. */
export function auditView(verdict: { ok: boolean; checked: number; brokenAt?: number; reason?: string }) {
  const events = `${verdict.checked} event${verdict.checked === 1 ? '' : 's'}`;
  return {
    ok: verdict.ok,
    text: verdict.ok
      ? `The audit trail is intact: ${events}, chain verified.`
      : `The audit trail is broken at event ${verdict.brokenAt}: ${verdict.reason}. ${events} checked.`,
  };
}
