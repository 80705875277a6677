import t from 'tap';
import { judgeAttempt, MAX_ATTEMPTS, retryDelay, summariseOutbox } from '../../src/domain/delivery.js';

t.test('4xx and lost connections are retried with backoff; 5xx fails that recipient', async (t) => {
  t.same(judgeAttempt({ responseCode: 451 }, 1, 1000), { outcome: 'retry', delayMs: 1000 });
  t.same(judgeAttempt({ responseCode: 421 }, 3, 1000), { outcome: 'retry', delayMs: 4000 });
  t.same(judgeAttempt({ code: 'ECONNRESET' }, 1, 1000), { outcome: 'retry', delayMs: 1000 });
  t.same(judgeAttempt({ responseCode: 550 }, 1), { outcome: 'failed' });
  t.same(judgeAttempt({ responseCode: 451 }, MAX_ATTEMPTS), { outcome: 'failed' }, 'until attempts run out');
  t.equal(retryDelay(30), 10 * 60_000, 'capped');
});

t.test('progress: counts, oldest pending, last error', async (t) => {
  const now = new Date('2020-11-01T10:00:00Z');
  const summary = summariseOutbox(
    [
      { status: 'sent', createdAt: '2020-11-01T09:00:00Z', lastError: null },
      { status: 'queued', createdAt: '2020-11-01T09:59:00Z', lastError: '451 try later' },
      { status: 'failed', createdAt: '2020-11-01T09:58:00Z', lastError: '550 no such user' },
    ],
    now,
  );
  t.same(summary.counts, { queued: 1, sending: 0, sent: 1, failed: 1 });
  t.equal(summary.oldestPendingSeconds, 60);
  t.equal(summary.done, false);
  t.equal(summary.lastError, '550 no such user');
});
