import { actor } from '../factories.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import t, { type Test } from 'tap';
import { as, build, problemOf, reposOf, signedIn, testConfig } from '../helper.js';
import { meetingWithDelegates, sendPacket as send } from '../support/mail-meeting.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';

async function mailApp(t: Test, smtp: TestSmtp, env: Record<string, string> = {}) {
  return build(t, {
    config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_RETRY_BASE_MS: '50', ...env }),
    now: () => new Date(),
  });
}

t.test('each of 30 delegates gets one message with the packet PDF and the invitation', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 30);
  const res = await send(app, secretariat, meeting.id, { subject: '18th eHealth Network: documents' });
  t.equal(res.statusCode, 202);
  const created = res.json();
  t.equal(created.recipients, 30);
  t.same(
    created.items.map((i: { number: string }) => i.number),
    ['1.1'],
  );
  t.match(created.leftOut, [{ number: '1.2', state: 'review' }], 'the note still in review is left out, and said so');

  await waitFor(() => smtp.received.length >= 30, '30 messages');
  // The server keeps a message before its 250 reaches the worker: the row is marked just after.
  await waitFor(() => app.services.packets.view(actor(secretariat), created.id).done, 'the packet to finish');
  const view = (await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${created.id}` })).json();
  t.match(view, { total: 30, done: true, counts: { sent: 30, failed: 0, queued: 0 } });
  t.ok(
    view.recipients.every((r: { serverResponse: string }) => /^250/.test(r.serverResponse)),
    'each row keeps the server reply',
  );

  const byRecipient = new Map(smtp.received.map((m) => [m.to[0], m]));
  t.equal(byRecipient.size, 30, 'one message per delegate, none twice');
  for (const person of people) {
    const mail = byRecipient.get(person.email)!.parsed;
    t.equal(mail.subject, '18th eHealth Network: documents');
    t.match(mail.text, new RegExp(`Dear ${person.name},\\nplease find the documents for 12-13 November 2020\\.`));
    t.notMatch(mail.text ?? '', /Reflections on Cybersecurity/, 'the unreleased note is not mentioned');
    t.match(
      mail.text,
      /\nReleased cover notes:\n {2}1\.1 {2}[^\n]+ — For information\.\n/,
      'one line per released note',
    );
    t.match(mail.text, /\n--\n[^\n]*secretariat/i, 'signed, the signature on its own line');
    t.match(mail.html, /^<!doctype html>/i, 'the HTML part is a standards-mode document');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    t.ok(pdf && pdf.content.subarray(0, 5).toString() === '%PDF-', 'the packet PDF is attached');
    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    t.match(ics?.content.toString(), /UID:meeting-\d+@agendum\r\nSEQUENCE:0/, 'and the invitation');
    t.match(mail.headers.get('auto-submitted'), 'auto-generated');
    if (person !== people[0]) continue;
    t.ok(
      mail.headerLines.some((h) => h.key === 'list-id'),
      'List-Id',
    );
  }
});

t.test('451 twice then accepted: delivered once after retries; 550: failed, the others unaffected', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 5);
  smtp.deferRecipient(people[1]!.email, 2);
  smtp.rejectRecipient(people[2]!.email);
  const id = (await send(app, secretariat, meeting.id)).json().id;
  await waitFor(() => app.services.packets.view(actor(secretariat), id).done, 'the packet to finish');
  const view = app.services.packets.view(actor(secretariat), id);
  const row = (email: string) => view.recipients.find((r) => r.email === email)!;
  t.match(row(people[1]!.email), { status: 'sent', attempts: 3 });
  t.equal(smtp.received.filter((m) => m.to.includes(people[1]!.email)).length, 1, 'delivered exactly once');
  t.match(row(people[2]!.email), { status: 'failed', lastError: /550/ });
  t.equal(view.counts.sent, 4);
  t.match(view.lastError, /550/);

  const resend = await as(app, secretariat, { method: 'POST', url: `/api/v1/packets/${id}/resend`, payload: {} });
  t.same(resend.json(), { requeued: 1 }, 'resend goes to the failed recipient only');
  await waitFor(() => app.services.packets.view(actor(secretariat), id).done, 'the resend to finish');
  t.match(
    app.services.packets.view(actor(secretariat), id).recipients.find((r) => r.email === people[2]!.email),
    { status: 'failed', attempts: 2 },
  );
});

t.test(
  'a packet over the size limit carries a signed link instead; the link downloads, altered or expired it does not',
  async (t) => {
    const smtp = await startTestSmtp();
    t.teardown(() => smtp.close());
    const app = await mailApp(t, smtp, { AGENDUM_MAX_ATTACHMENTS_MB: '0.001' });
    const { secretariat, meeting } = await meetingWithDelegates(app, 1);
    await send(app, secretariat, meeting.id, { includeInvite: false });
    await waitFor(() => smtp.received.length === 1, 'the message');
    const mail = smtp.received[0]!.parsed;
    t.equal(mail.attachments.length, 0, 'nothing attached');
    const link = /(http:\/\/\S+\/api\/v1\/packets\/\d+\/download\?recipient=\d+&expires=\d+&signature=[\w-]+)/.exec(
      mail.text ?? '',
    )![1]!;
    const path = link.replace(/^http:\/\/[^/]+/, '');
    const download = await app.inject({ method: 'GET', url: path });
    t.equal(download.statusCode, 200);
    t.equal(download.headers['content-type'], 'application/pdf');
    const altered = await app.inject({
      method: 'GET',
      url: path.replace(/signature=(.)/, (_, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`),
    });
    t.equal(altered.statusCode, 403);
    t.equal(problemOf(t, altered).code, 'AGENDUM_FORBIDDEN');
    const expires = Number(/expires=(\d+)/.exec(path)![1]);
    const later = await build(t, { config: app.config, now: () => new Date((expires + 60) * 1000) });
    const expired = await later.inject({ method: 'GET', url: path });
    t.equal(expired.statusCode, 410);
  },
);

t.test('moving the meeting sends an invitation with the same UID and a higher SEQUENCE', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting } = await meetingWithDelegates(app, 1);
  await send(app, secretariat, meeting.id);
  await waitFor(() => smtp.received.length === 1, 'first');
  app.services.meetings.update(actor(secretariat), meeting.id, { startDate: '2020-11-19', endDate: '2020-11-20' });
  await send(app, secretariat, meeting.id);
  await waitFor(() => smtp.received.length === 2, 'second');
  const ics = smtp.received.map((m) =>
    m.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString(),
  );
  const uid = (s: string) => /UID:(\S+)/.exec(s)![1];
  t.equal(uid(ics[0]!), uid(ics[1]!), 'same UID');
  t.match(ics[0], /SEQUENCE:0/);
  t.match(ics[1], /SEQUENCE:1/);
  t.match(ics[1], /DTSTART;VALUE=DATE:20201119/);
});

t.test('packets refuse what cannot be sent, with a clear problem', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting } = await meetingWithDelegates(app, 1);
  const delegate = await signedIn(app, 'delegate');
  t.equal((await send(app, delegate, meeting.id)).statusCode, 403);
  const badTemplate = await send(app, secretariat, meeting.id, { message: 'Dear {{recipient.nmae}}' });
  t.equal(badTemplate.statusCode, 422);
  t.match(problemOf(t, badTemplate).detail, /message template cannot be used/);
  const nobody = await send(app, secretariat, meeting.id, { lists: ['observers'] });
  t.equal(nobody.statusCode, 422);
  t.equal((await as(app, secretariat, { method: 'GET', url: '/api/v1/packets/999' })).statusCode, 404);
});

t.test('the service itself refuses a blank subject or message: no mail without a Subject', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting } = await meetingWithDelegates(app, 1);
  const staff = actor(secretariat);
  t.throws(() => app.services.packets.create(staff, meeting.id, { subject: ' \t ', message: 'Hello.' }), {
    status: 422,
    field: 'subject',
    message: 'The subject must not be blank: a mail without one is never sent.',
  });
  t.throws(() => app.services.packets.create(staff, meeting.id, { subject: 'Documents', message: '\n  \n' }), {
    status: 422,
    field: 'message',
    message: 'The message must not be blank.',
  });
  const api = await send(app, secretariat, meeting.id, { subject: '   ' });
  t.equal(api.statusCode, 400, 'the API refuses it by its schema first');
  t.equal(reposOf(app).mail.findPacket(1), undefined, 'no packet created');
  t.equal(smtp.received.length, 0);
});

t.test('distribution lists: observers get the packet when asked for, with a per-person format', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 2);
  const observer = await app.services.people.create('system', {
    name: 'Olga Observer',
    email: 'olga@who.example.int',
    role: 'delegate',
  });
  reposOf(app).people.update(observer.id, { packetFormat: 'separate' });
  const put = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/recipients`,
    payload: { list: 'observers', personIds: [observer.id] },
  });
  t.equal(put.statusCode, 200);
  const res = await send(app, secretariat, meeting.id, { lists: ['observers'] });
  t.equal(res.json().recipients, 1, 'only the observers list');
  await waitFor(() => smtp.received.length === 1, 'the observer');
  const pdfs = smtp.received[0]!.parsed.attachments.filter((a) => a.contentType === 'application/pdf').map(
    (a) => a.filename,
  );
  t.equal(pdfs.length, 2, 'separate PDFs: the agenda and the one released note');
  t.ok(people.length === 2);
});

t.test('a packet that cannot be built fails each recipient at once, with the reason, not eight retries', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await mailApp(t, smtp);
  const { secretariat, meeting, ids } = await meetingWithDelegates(app, 3);
  const staff = actor(secretariat);
  const inReview = ids[1]!;
  app.services.workflow.perform(staff, inReview, { event: 'return', comment: 'Add the annex.' });
  const blank = await PDFDocument.create();
  blank.addPage();
  await app.services.ingest.addAnnex(staff, inReview, {
    bytes: Buffer.from(await blank.save()),
    fileName: 'annex.pdf',
  });
  app.services.workflow.perform(staff, inReview, { event: 'submit' });
  app.services.workflow.perform(staff, inReview, { event: 'release' });
  // The stored annex is damaged behind the service's back (a disk fault, a bad restore).
  const noteId = reposOf(app).notes.findByItem(inReview)!.id;
  const annex = reposOf(app).files.annexesOf(noteId)[0]!;
  writeFileSync(join(app.config.uploadsDir, annex.storedName), 'not a PDF any more');

  const id = (await send(app, secretariat, meeting.id)).json().id;
  await waitFor(() => app.services.packets.view(staff, id).done, 'the packet to finish');
  const view = app.services.packets.view(staff, id);
  t.equal(view.counts.failed, 3, 'every recipient failed');
  t.ok(
    view.recipients.every((r) => r.attempts === 1 && /could not be built: .*annex/i.test(r.lastError ?? '')),
    'after one attempt each, saying why',
  );
  t.equal(smtp.received.length, 0, 'nothing half-made was sent');
});
