import { named } from './words.js';

/**
 * What the outbox sends: a packet to one recipient, one person's digest of notifications, the
 * calendar cancellation of a cancelled meeting to one who received its packet, or the calendar
 * update (new dates or place) of a meeting to one who received its invitation, or an account
 * link (an invitation or a password reset) to one person.
 */
export const OUTBOX_KINDS = ['packet', 'digest', 'cancellation', 'calendar-update', 'account-link'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OutboxKind = named(OUTBOX_KINDS);

/**
 * How a packet message carried its documents: attached, or linked (a download link) when they
 * were over the attachment limit. Recorded when the message is built (null: sent before it was).
 */
export const DELIVERY_FORMS = ['attached', 'linked'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const DeliveryForm = named(DELIVERY_FORMS);

/** Where one outbox message is: waiting, on the wire, delivered, or given up on. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OutboxStatus = named(OUTBOX_STATUSES);

/**
 * How a send attempt turns out, and what the packet's progress is: pure functions over the
 * SMTP answer and the outbox rows, so the rules are tested without a mail server.
 */
export type AttemptVerdict = { outcome: 'retry'; delayMs: number } | { outcome: typeof OutboxStatus.failed };

/** After this many attempts a temporary failure becomes final. */
export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 2 s, 4 s, 8 s ... capped at 10 minutes. */
export function retryDelay(attempts: number, baseMs = 2000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

/**
 * 4xx answers (and lost connections) are temporary: try again later. 5xx answers are final for
 * that recipient; the rest of the packet goes on.
 */
export function judgeAttempt(
  error: { responseCode?: number; code?: string },
  attempts: number,
  baseMs?: number,
): AttemptVerdict {
  const code = error.responseCode;
  const permanent = code !== undefined && code >= 500;
  if (permanent || attempts >= MAX_ATTEMPTS) return { outcome: OutboxStatus.failed };
  return { outcome: 'retry', delayMs: retryDelay(attempts, baseMs) };
}

export interface OutboxFacts {
  status: OutboxStatus;
  createdAt: string;
  lastError: string | null;
}

/** Counts per status, the age of the oldest message still waiting, and the last error. */
export function summariseOutbox(rows: readonly OutboxFacts[], now: Date) {
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  let oldest: string | null = null;
  let lastError: string | null = null;
  for (const row of rows) {
    counts[row.status] += 1;
    if ((row.status === 'queued' || row.status === 'sending') && (oldest === null || row.createdAt < oldest))
      oldest = row.createdAt;
    if (row.lastError) lastError = row.lastError;
  }
  const oldestPendingSeconds =
    oldest === null ? 0 : Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1000));
  return { counts, total: rows.length, done: counts.queued + counts.sending === 0, oldestPendingSeconds, lastError };
}
