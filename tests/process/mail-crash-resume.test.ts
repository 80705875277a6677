import { once } from 'node:events';
import t from 'tap';
import { actor, simpleContent } from '../factories.js';
import { build, signedIn, tempDir, testConfig } from '../helper.js';
import { startServer } from '../support/server-process.js';
import { startTestSmtp } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';

const RECIPIENTS = 300;
const POOL = 5;

/**
 * kill -9 in the middle of a 300-recipient send, then a restart: everybody gets the packet;
 * the only duplicates are messages that were on the wire at the kill (at most one per pooled
 * connection), and they carry the same Message-ID as the first copy.
 */
t.test('a packet send killed with SIGKILL resumes after restart and loses nobody', async (t) => {
  const smtp = await startTestSmtp({ parse: false, delayMs: 15 });
  t.teardown(() => smtp.close());
  const env = {
    AGENDUM_DATA_DIR: tempDir(t),
    AGENDUM_DEMO: '0',
    AGENDUM_SMTP_URL: smtp.url,
    AGENDUM_SMTP_POOL: String(POOL),
    AGENDUM_RETRY_BASE_MS: '50',
    AGENDUM_SCRYPT_LOG_N: '10',
    LOG_LEVEL: 'info',
  };
  // Data prepared in-process on the same folder: a released note and 300 delegates.
  const prepare = await build(t, { config: testConfig(t, env) });
  const secretariat = await signedIn(prepare, 'secretariat');
  const staff = actor(secretariat);
  prepare.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: ['EUROPEAN COMMISSION'] });
  const meeting = prepare.services.meetings.create(staff, {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
  });
  const item = prepare.services.agenda.create(staff, meeting.id, { title: 'Update' });
  prepare.services.notes.createVersion(staff, item.id, simpleContent());
  prepare.services.workflow.perform(staff, item.id, { event: 'submit' });
  prepare.services.workflow.perform(staff, item.id, { event: 'release' });
  for (let i = 1; i <= RECIPIENTS; i += 1) {
    await prepare.services.people.create('system', {
      name: `Delegate ${i}`,
      email: `d${i}@ms.example.eu`,
      role: 'delegate',
    });
  }
  await prepare.close();

  // The smtp server takes a little time per message, so that the kill lands mid-send.
  const first = await startServer(env);
  t.teardown(() => void first.child.kill('SIGKILL'));
  const headers = { ...secretariat.headers, 'content-type': 'application/json' };
  const created = await fetch(`${first.url}/api/v1/meetings/${meeting.id}/packets`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ subject: 'Packet', message: 'Dear {{recipient.name}}', includeInvite: false }),
  });
  t.equal(created.status, 202);
  const { id } = (await created.json()) as { id: number };
  await waitFor(() => smtp.received.length >= RECIPIENTS * 0.3, 'a third of the messages', { timeoutMs: 60_000 });
  const exited = once(first.child, 'exit');
  first.child.kill('SIGKILL');
  await exited;
  const atKill = smtp.received.length;
  t.ok(atKill < RECIPIENTS, `killed mid-send (${atKill} of ${RECIPIENTS} received)`);

  const second = await startServer(env);
  t.teardown(() => void second.child.kill('SIGKILL'));
  t.match(
    second.output(),
    /\d+ message\(s\) interrupted by a stop are queued again/,
    'the restart requeues what was on the wire',
  );
  const recipients = () => new Set(smtp.received.flatMap((m) => m.to));
  await waitFor(() => recipients().size >= RECIPIENTS, 'every recipient', { timeoutMs: 60_000 });
  const view = async () =>
    (await (await fetch(`${second.url}/api/v1/packets/${id}`, { headers })).json()) as { counts: { sent: number } };
  await waitFor(async () => (await view()).counts.sent >= RECIPIENTS, 'every row marked sent', { intervalMs: 50 });

  t.equal(recipients().size, RECIPIENTS, 'all 300 recipients received the packet');
  const byMessageId = new Map<string, number>();
  for (const message of smtp.received) {
    const messageId = /^Message-ID:\s*(\S+)/im.exec(message.raw.toString('latin1'))![1]!;
    byMessageId.set(messageId, (byMessageId.get(messageId) ?? 0) + 1);
  }
  const duplicates = [...byMessageId.values()].filter((n) => n > 1).length;
  t.equal(byMessageId.size, RECIPIENTS, 'one Message-ID per recipient: a resend reuses it');
  t.ok(duplicates <= POOL, `duplicates (${duplicates}) at most the ${POOL} connections that were mid-message`);
  t.equal((await view()).counts.sent, RECIPIENTS, 'the packet shows every recipient sent');
});
