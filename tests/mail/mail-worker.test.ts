import { createServer, type Socket } from 'node:net';
import t from 'tap';
import { as, build, testConfig } from '../helper.js';
import { meetingWithDelegates, sendPacket } from '../support/mail-meeting.js';
import { waitFor } from '../support/wait.js';

/**
 * A mail server that takes the connection and never says a word: the worker's messages hang on
 * the wire. Five minutes later (on the app's clock) that is an alarm in /healthz (503) and on the
 * packet's page, not silence.
 */
t.test('a stuck mail queue is an alarm in /healthz and in the packet view', async (t) => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };

  let clock = new Date('2026-11-24T09:00:00Z');
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_SMTP_URL: `smtp://127.0.0.1:${port}`, AGENDUM_RETRY_BASE_MS: '600000' }),
    now: () => clock,
    allow5xx: true, // the 503 of /healthz is the point
  });
  await app.ready();
  const { secretariat, meeting } = await meetingWithDelegates(app, 2);
  const healthy = await app.inject({ method: 'GET', url: '/healthz' });
  t.match(healthy.json(), { status: 'ok', mail: { pending: 0, stuck: false } });

  const created = await sendPacket(app, secretariat, meeting.id, {
    subject: 'Documents',
    message: 'Dear {{recipient.name}}',
  });
  t.equal(created.statusCode, 202);
  const { id } = created.json() as { id: number };
  // The packet's PDF is rendered (worker threads start on first use) before the worker connects.
  await waitFor(() => sockets.size > 0, 'the worker to connect', { timeoutMs: 60_000 });
  t.ok(sockets.size > 0, 'the worker connected and waits for a greeting that never comes');

  const early = await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${id}` });
  t.match(early.json(), { done: false, worker: { pending: 2, stuck: false } }, 'waiting is not yet an alarm');

  clock = new Date(clock.getTime() + 6 * 60_000);
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(health.statusCode, 503, 'six minutes without progress: /healthz says so');
  t.match(health.json(), { status: 'degraded', mail: { pending: 2, stuck: true, oldestPendingSeconds: 360 } });
  const view = await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${id}` });
  t.match(view.json(), { oldestPendingSeconds: 360, worker: { stuck: true, pending: 2 } });
  const page = await as(app, secretariat, { method: 'GET', url: `/packets/${id}` });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'role="alert" data-progress-stuck>', 'the alarm is shown, not hidden');
  t.match(page.body, 'The mail queue has not moved for five minutes: the mail server may be down.');

  // The server goes away: the attempts end (to be retried later) and the app can close.
  const closed = new Promise<void>((resolve) => silent.close(() => resolve()));
  for (const socket of sockets) socket.destroy();
  await closed;
});
