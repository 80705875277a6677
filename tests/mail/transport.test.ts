import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import t from 'tap';
import { actor } from '../factories.js';
import { build, testConfig } from '../helper.js';
import { meetingWithDelegates, sendPacket } from '../support/mail-meeting.js';
import { waitFor } from '../support/wait.js';

/**
 * The embedded default: no AGENDUM_SMTP_URL, every message is written as an .eml file under the
 * data folder, complete (headers, personal text, attachments) and never half-written.
 */
t.test('without an SMTP URL each message is a complete .eml file in the data folder', async (t) => {
  const config = testConfig(t);
  t.equal(config.mail.smtpUrl, undefined, 'no SMTP configured');
  const app = await build(t, { config, now: () => new Date() });
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 3);
  const res = await sendPacket(app, secretariat, meeting.id, {
    subject: 'Documents',
    message: 'Dear {{recipient.name}},\nthe packet.',
  });
  t.equal(res.statusCode, 202);
  const { id } = res.json() as { id: number };
  await waitFor(() => app.services.packets.view(actor(secretariat), id).done, 'the packet to finish');
  const view = app.services.packets.view(actor(secretariat), id);
  t.match(view.counts, { sent: 3, failed: 0 });
  t.ok(
    view.recipients.every((r) => /^250 written to .+\.eml$/.test(r.serverResponse ?? '')),
    'each row names its file',
  );

  const files = readdirSync(config.mail.outgoingDir);
  t.equal(files.length, 3, 'one file per recipient, no temporary file left');
  t.ok(
    files.every((f) => f.endsWith('.eml') && !f.startsWith('.tmp-')),
    'only finished .eml files',
  );
  for (const person of people) {
    const file = files.find((f) => f.includes(person.email))!;
    const mail = await simpleParser(readFileSync(join(config.mail.outgoingDir, file)));
    t.equal(mail.subject, 'Documents');
    t.match(mail.text, `Dear ${person.name},\nthe packet.`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    t.equal(pdf?.content.subarray(0, 5).toString(), '%PDF-', `${person.email}: the packet PDF, whole`);
    t.ok(
      mail.attachments.some((a) => a.contentType.startsWith('text/calendar')),
      'and the invitation',
    );
  }
});
