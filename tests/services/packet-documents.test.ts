import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import t from 'tap';
import { actor } from '../factories.js';
import { build, testConfig } from '../helper.js';
import { insertLegacyPacket } from '../support/legacy-packet.js';
import { meetingWithDelegates } from '../support/mail-meeting.js';
import { pdfLines } from '../support/pdf-text.js';
import { waitFor } from '../support/wait.js';

/**
 * Packets recorded before packets were frozen (migration 0007 added `packets.frozen` and left
 * it null on the packets already there) are still mailed again and still downloaded: frozen on
 * their first use from what is released then (tests/services/packet-legacy.test.ts: per reader).
 */
t.test('a packet from before frozen packets is mailed and downloaded with the notes released now', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config, now: () => new Date() });
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const packet = insertLegacyPacket(
    app,
    { meetingId: meeting.id, createdById: secretariat.id, lists: ['delegates'], itemIds: [ids[0]!] },
    [people[0]!],
    'queued',
  );
  app.services.mailWorker.kick();
  await waitFor(() => app.services.packets.view(actor(secretariat), packet.id).done, 'the packet to be mailed');
  t.match(app.services.packets.view(actor(secretariat), packet.id), {
    counts: { sent: 1, failed: 0 },
    recipients: [{ email: people[0]!.email, lists: ['delegates'] }],
  });

  const [file] = readdirSync(config.mail.outgoingDir);
  const mail = await simpleParser(readFileSync(join(config.mail.outgoingDir, file!)));
  t.equal(mail.subject, 'Documents of the meeting');
  t.match(mail.text, `Dear ${people[0]!.name},\nthe documents.`);
  t.match(mail.text, 'Update from the Work Stream 12 of the NIS cooperation group', 'the mail lists the released note');
  const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
  const text = (await pdfLines(pdf.content)).join(' ');
  t.match(text, 'Update from the Work Stream 12', 'the attached packet holds 9.1, released');
  t.notMatch(text, 'building capacity in this regard', 'not the text of 9.2, in review');

  // Its links named no recipient; they still serve the packet as it stands.
  const link = app.services.packets.downloadLink(packet.id, new Date(Date.now() + 86_400_000));
  const res = await app.inject({ method: 'GET', url: link.url.replace(/^https?:\/\/[^/]+/, '') });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/pdf');
  const served = (await pdfLines(res.rawPayload)).join(' ');
  t.match(served, 'Update from the Work Stream 12');
  t.notMatch(served, 'building capacity in this regard');
});
