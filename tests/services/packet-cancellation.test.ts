import t from 'tap';
import { actor } from '../factories.js';
import { build } from '../helper.js';
import { meetingWithDelegates, sendPacket, smtpApp } from '../support/mail-meeting.js';

import { waitFor } from '../support/wait.js';

t.test('cancelling a meeting sends its calendar entry as CANCEL to everyone who received a packet', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 2);
  const staff = actor(secretariat);
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => app.services.packets.view(staff, 1).done, 'the packet sent');
  t.equal(smtp.received.length, 2);

  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  await waitFor(() => smtp.received.length === 4, 'two cancellations');
  const cancellations = smtp.received.slice(2);
  t.same(cancellations.map((m) => m.to[0]).sort(), people.map((p) => p.email).sort(), 'one to each recipient');
  for (const { parsed } of cancellations) {
    t.equal(parsed.subject, 'Cancelled: the 18th eHealth Network meeting of 12-13 November 2020');
    t.match(
      parsed.text,
      /^The 18th eHealth Network meeting of 12-13 November 2020 in Brussels is cancelled\. The attached calendar entry removes it from your calendar\./,
    );
    const ics = parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    t.ok(ics, 'the calendar part');
    const calendar = ics!.content.toString();
    t.match(calendar, /\r\nMETHOD:CANCEL\r\n/);
    t.match(calendar, /\r\nSTATUS:CANCELLED\r\n/);
    t.match(calendar, /\r\nUID:meeting-1@agendum\r\nSEQUENCE:0\r\n/, 'the same entry the packet put in the calendar');
    t.notOk(
      parsed.attachments.some((a) => a.contentType === 'application/pdf'),
      'no documents with the cancellation',
    );
  }
  const view = app.services.packets.view(staff, 1);
  t.equal(view.total, 2, "the packet's ledger holds only the packet's messages");

  app.services.meetings.update(staff, meeting.id, { status: 'cancelled', city: 'Brussels' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.equal(smtp.received.length, 4, 'a meeting already cancelled is not cancelled twice');
});

t.test('a cancellation goes only where a calendar entry went, and is newer than it', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting } = await meetingWithDelegates(app, 2);
  const staff = actor(secretariat);
  t.equal((await sendPacket(app, secretariat, meeting.id, { includeInvite: false })).statusCode, 202);
  await waitFor(() => app.services.packets.view(staff, 1).done, 'the packet without an invite sent');
  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.equal(smtp.received.length, 2, 'before: two CANCELs for an entry nobody had in their calendar');

  app.services.meetings.update(staff, meeting.id, { status: 'planned' });
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => smtp.received.length === 4, 'the packet with its invite');
  const requestStamp = /\r\nDTSTAMP:(\w+)\r\n/.exec(
    smtp.received[2]!.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString(),
  )![1]!;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  await waitFor(() => smtp.received.length === 6, 'two cancellations');
  const cancel = smtp.received[4]!.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
  const cancelStamp = /\r\nDTSTAMP:(\w+)\r\n/.exec(cancel.content.toString())![1]!;
  t.match(cancel.content.toString(), /\r\nMETHOD:CANCEL\r\n/);
  t.ok(cancelStamp > requestStamp, `the CANCEL (${cancelStamp}) is stamped after the request (${requestStamp})`);
});

t.test('a cancelled meeting takes no packet, through the API as through the pages', async (t) => {
  const app = await build(t);
  const { secretariat, meeting } = await meetingWithDelegates(app, 1);
  app.services.meetings.update(actor(secretariat), meeting.id, { status: 'cancelled' });
  const refused = await sendPacket(app, secretariat, meeting.id);
  t.equal(refused.statusCode, 409, 'before: 202, documents sent under a calendar entry that cancels the meeting');
  t.equal(refused.json().detail, 'The 18th meeting is cancelled: it takes no packet.');
});
