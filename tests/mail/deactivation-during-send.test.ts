import t from 'tap';
import { actor } from '../factories.js';
import { as, build, problemOf, reposOf, signedIn, testConfig } from '../helper.js';
import { meetingWithDelegates, sendPacket } from '../support/mail-meeting.js';
import { startTestSmtp } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';

/**
 * Issue 16: a delegate deactivated while their meeting's packet is being sent. Their message
 * still waiting is cancelled, the others go out, and their API token answers 401 at once.
 * A slow SMTP server (one connection, 300 ms a message) keeps the packet on the wire long
 * enough to cut in.
 */
t.test('deactivating a delegate mid-send cancels their message; the others are delivered', async (t) => {
  const smtp = await startTestSmtp({ delayMs: 300 });
  t.teardown(() => smtp.close());
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_SMTP_POOL: '1', AGENDUM_RETRY_BASE_MS: '50' }),
    now: () => new Date(),
  });
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 6);
  const last = people[5]!;
  const { token } = app.services.auth.createToken({ id: last.id, name: last.name, role: last.role }, 'reader');
  const bearer = { authorization: `Bearer ${token}` };
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode, 200);

  const sent = await sendPacket(app, secretariat, meeting.id);
  t.equal(sent.statusCode, 202);
  const packetId = sent.json().id as number;
  await waitFor(() => smtp.received.length >= 1, 'the first message of the packet');

  const off = await app.inject({
    method: 'PATCH',
    url: `/api/v1/people/${last.id}`,
    headers: secretariat.headers,
    payload: { isActive: false },
  });
  t.equal(off.statusCode, 200);
  const refused = await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer });
  t.equal(refused.statusCode, 401, 'the token answers 401 at once');
  problemOf(t, refused);

  await waitFor(() => app.services.packets.view(actor(secretariat), packetId).done, 'the packet to be worked off');
  const to = smtp.received.flatMap((m) => m.to).sort();
  t.same(
    to,
    [
      'delegate1@ms1.example.eu',
      'delegate2@ms2.example.eu',
      'delegate3@ms3.example.eu',
      'delegate4@ms4.example.eu',
      'delegate5@ms5.example.eu',
    ],
    'everybody else received the packet, the deactivated delegate did not',
  );
  const mine = app.database.sqlite
    .prepare('select status, last_error as lastError from outbox where person_id = ? and packet_id = ?')
    .get(last.id, packetId);
  t.same(mine, { status: 'failed', lastError: 'Cancelled: the account was deactivated.' });
});

t.test(
  'a message queued again for a deactivated person is cancelled when it is due; the next is claimed',
  async (t) => {
    const app = await build(t, { config: testConfig(t), now: () => new Date('2026-11-02T09:00:00.000Z') });
    await app.services.mailWorker.stop();
    const secretariat = await signedIn(app, 'secretariat');
    const gone = await app.services.people.create('system', { name: 'Gone', email: 'gone@ms.eu', role: 'delegate' });
    const staying = await app.services.people.create('system', {
      name: 'Stays',
      email: 'stays@ms.eu',
      role: 'delegate',
    });
    app.services.personLinks.invite('system', gone.id);
    app.services.personLinks.invite('system', staying.id);
    await as(app, secretariat, { method: 'PATCH', url: `/api/v1/people/${gone.id}`, payload: { isActive: false } });
    const repos = reposOf(app);
    const rowOf = (personId: number) =>
      app.database.sqlite
        .prepare('select id, status, last_error as lastError from outbox where person_id = ?')
        .get(personId) as { id: number; status: string; lastError: string | null };
    // As a resend (or a retry recorded after the deactivation) would: the message is queued again.
    repos.mail.requeue([rowOf(gone.id).id], '2026-11-02T09:00:00.000Z');
    t.equal(rowOf(gone.id).status, 'queued');

    const claimed = repos.mail.claimDue('2026-11-02T09:00:00.000Z', 1);
    t.same(
      claimed.map((r) => r.email),
      ['stays@ms.eu'],
      'the cancelled message does not hold back the one behind it',
    );
    t.same(rowOf(gone.id), {
      id: rowOf(gone.id).id,
      status: 'failed',
      lastError: 'Cancelled: the account was deactivated.',
    });
  },
);
