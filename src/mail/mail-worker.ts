import { judgeAttempt, OutboxStatus } from '../domain/delivery.js';
import type { MailRepository, OutboxRow } from '../repositories/mail-repository.js';
import type { Envelope, MailSender } from './transport.js';

export interface WorkerOptions {
  repo: MailRepository;
  sender: MailSender;
  /** Builds the raw message of an outbox row (personal text, shared attachments), as chunks. */
  build: (row: OutboxRow) => Promise<{ envelope: Envelope; raw: Buffer[] }>;
  /** Runs synchronous repository work in one transaction (one commit, one fsync). */
  transaction: <T>(work: () => T) => T;
  now: () => Date;
  /** Messages in flight at once: one per pooled connection. */
  concurrency: number;
  retryBaseMs: number;
  log: {
    info: (msg: string) => void;
    warn: (obj: object, msg: string) => void;
    error: (obj: object, msg: string) => void;
  };
  pollMs?: number;
}

/**
 * The outbox worker inside the service. A row is `sending` only while its message is on the
 * wire; it becomes `sent` only after the server accepted it. After a crash, rows still
 * `sending` are queued again (same Message-ID): at most one duplicate per in-flight message.
 */
export function createMailWorker(options: WorkerOptions) {
  const { repo, sender, now, log } = options;
  const pollMs = options.pollMs ?? 1000;
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let lastProgressAt = now();

  /**
   * Sends one row and returns how to record the outcome. The record is written by the next
   * pump, in the same transaction that claims the next row: one commit per message, and the
   * window between the server's acceptance and the `sent` mark stays one synchronous step.
   */
  async function attempt(row: OutboxRow): Promise<() => void> {
    let message: Awaited<ReturnType<WorkerOptions['build']>>;
    try {
      message = await options.build(row);
    } catch (error) {
      // The message cannot be made (a damaged annex, say): asking the mail server again will
      // not help. Failed at once, with the reason; a resend tries again once it is mended.
      const reason = `The message could not be built: ${(error as Error).message}`;
      log.error({ err: error, outboxId: row.id }, 'mail: building a message failed');
      return () => repo.markFailed(row.id, reason);
    }
    try {
      const { envelope, raw } = message;
      const { response } = await sender.send(envelope, raw);
      return () => repo.markSent(row.id, response, now().toISOString());
    } catch (error) {
      const smtp = error as { responseCode?: number; code?: string; response?: string; message: string };
      const reason = smtp.response ?? smtp.message;
      const verdict = judgeAttempt(smtp, row.attempts, options.retryBaseMs);
      if (verdict.outcome === OutboxStatus.failed) {
        log.warn({ outboxId: row.id, to: row.email, reason }, 'message failed');
        return () => repo.markFailed(row.id, reason);
      }
      return () => repo.markRetry(row.id, reason, new Date(now().getTime() + verdict.delayMs).toISOString());
    }
  }

  function launch(row: OutboxRow) {
    const job = attempt(row).then((record) => {
      inFlight.delete(job);
      lastProgressAt = now();
      pump(record);
    });
    inFlight.add(job);
  }

  /** Records a finished attempt (if any) and claims what the free connections can take. */
  function pump(record?: () => void) {
    try {
      const rows = options.transaction(() => {
        record?.();
        const free = running ? options.concurrency - inFlight.size : 0;
        return free > 0 ? repo.claimDue(now().toISOString(), free) : [];
      });
      rows.forEach(launch);
    } catch (error) {
      // The database refused (disk full, locked): the row stays `sending` and is queued again
      // at the next start; the poll tries to claim again meanwhile.
      log.error({ err: error }, 'mail: recording or claiming outbox rows failed');
    }
  }

  return {
    start() {
      const requeued = repo.requeueInFlight();
      if (requeued > 0) log.info(`mail: ${requeued} message(s) interrupted by a stop are queued again`);
      running = true;
      timer = setInterval(() => pump(), pollMs);
      timer.unref();
      pump();
    },
    /** New work was queued: start on it now rather than at the next poll. */
    kick: () => setImmediate(() => pump()),
    /** Stops claiming and waits for the messages on the wire. */
    async stop() {
      running = false;
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
      sender.close();
    },
    health(): MailQueueHealth {
      const { pending, oldest, oldestDue } = repo.pendingSummary();
      const at = now().getTime();
      const oldestPendingSeconds = oldest ? Math.round((at - Date.parse(oldest)) / 1000) : 0;
      // Stuck: something has been due for five minutes and nothing moved meanwhile.
      const overdue = oldestDue ? at - Date.parse(oldestDue) > 5 * 60_000 : false;
      const stuck = pending > 0 && overdue && at - lastProgressAt.getTime() > 5 * 60_000;
      return { running, pending, inFlight: inFlight.size, oldestPendingSeconds, stuck };
    },
  };
}
export type MailWorker = ReturnType<typeof createMailWorker>;

/** The queue as /healthz and the packet view show it. */
export interface MailQueueHealth {
  running: boolean;
  /** Messages queued or on the wire, all packets and digests together. */
  pending: number;
  inFlight: number;
  oldestPendingSeconds: number;
  /** Something has been due for five minutes and nothing moved meanwhile. */
  stuck: boolean;
}
