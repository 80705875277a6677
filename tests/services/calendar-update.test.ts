import ical from 'node-ical';
import t from 'tap';
import { actor } from '../factories.js';
import { as } from '../helper.js';
import { meetingWithDelegates, sendPacket, smtpApp } from '../support/mail-meeting.js';
import type { Received } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';
import { webPerson, webSession } from '../support/web-session.js';

/** The one event of a mail's calendar part, read as a calendar program would. */
function eventOf(mail: Received) {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
  const parsed = ical.sync.parseICS(part.content.toString());
  const event = parsed['meeting-1@agendum'] as ical.VEvent;
  return {
    method: (parsed.vcalendar as unknown as { method: string }).method,
    sequence: Number(event.sequence),
    start: event.start.toISOString().slice(0, 10),
    end: event.end!.toISOString().slice(0, 10),
    location: event.location,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

t.test('moving a meeting sends one calendar update per invited person, and nothing else', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 3);
  const staff = actor(secretariat);
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => app.services.packets.view(staff, 1).done, 'packet 1 sent');
  t.equal(smtp.received.length, 3);
  t.equal(eventOf(smtp.received[0]!).sequence, 0, 'the invitation carried SEQUENCE 0');
  const late = await app.services.people.create('system', {
    name: 'Delegate Late',
    email: 'late@ms4.example.eu',
    role: 'delegate',
    memberState: 'PT',
  });

  // The edit page posts every field: only the deadline differs from what is stored.
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/edit`);
  const stored = {
    ordinal: '18',
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
    status: 'planned',
  };
  const deadline = await web.post(`/meetings/${meeting.id}/edit`, { ...stored, draftingDeadline: '2020-11-05' });
  t.equal(deadline.statusCode, 303);
  const held = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${meeting.id}`,
    payload: { status: 'held', startDate: '2020-11-12' },
  });
  t.equal(held.statusCode, 200);
  await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${meeting.id}`,
    payload: { status: 'planned' },
  });
  await settle();
  t.equal(smtp.received.length, 3, 'a new deadline or status (or the same dates again) sends nothing');

  const moved = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${meeting.id}`,
    payload: { startDate: '2020-12-14', endDate: '2020-12-15' },
  });
  t.equal(moved.statusCode, 200);
  await waitFor(() => smtp.received.length === 6, 'three updates');
  await settle();
  t.equal(smtp.received.length, 6, 'exactly one update per invited person');
  const updates = smtp.received.slice(3);
  t.same(
    updates.map((m) => m.to[0]).sort(),
    people.map((p) => p.email).sort(),
    'to the three invited delegates, not to the one added since',
  );
  for (const mail of updates) {
    t.same(eventOf(mail), {
      method: 'REQUEST',
      sequence: 1,
      start: '2020-12-14',
      end: '2020-12-16',
      location: 'Brussels, Belgium',
    });
    t.equal(mail.parsed.subject, 'Moved: the 18th eHealth Network meeting is now on 14-15 December 2020 in Brussels');
    t.match(
      mail.parsed.text,
      /^The 18th eHealth Network meeting now takes place on 14-15 December 2020 in Brussels, Belgium \(it was 12-13 November 2020 in Brussels, Belgium\)\./,
    );
    t.notOk(
      mail.parsed.attachments.some((a) => a.contentType === 'application/pdf'),
      'no documents with the update',
    );
  }
  t.notOk(
    smtp.received.some((m) => m.to.includes(late.email)),
    'nothing to a delegate who never had the meeting in a calendar',
  );

  // The second move, from the edit page this time: SEQUENCE 2.
  const again = await web.post(`/meetings/${meeting.id}/edit`, {
    ...stored,
    startDate: '2020-12-14',
    endDate: '2020-12-15',
    city: 'Lisbon',
    country: 'Portugal',
    draftingDeadline: '2020-11-05',
  });
  t.equal(again.statusCode, 303);
  await waitFor(() => smtp.received.length === 9, 'three more updates');
  for (const mail of smtp.received.slice(6))
    t.same(eventOf(mail), {
      method: 'REQUEST',
      sequence: 2,
      start: '2020-12-14',
      end: '2020-12-16',
      location: 'Lisbon, Portugal',
    });

  // The next packet's invitation carries the stored number, to the four delegates now.
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => smtp.received.length === 13, 'packet 2 sent');
  t.same(
    smtp.received.slice(9).map((m) => eventOf(m).sequence),
    [2, 2, 2, 2],
    'packet 2 carries SEQUENCE 2, unchanged place',
  );

  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  await waitFor(() => smtp.received.length === 17, 'four cancellations');
  for (const mail of smtp.received.slice(13)) {
    const event = eventOf(mail);
    t.equal(event.method, 'CANCEL');
    t.equal(event.sequence, 2, 'the cancellation carries the latest SEQUENCE');
  }
  const movedWhileCancelled = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${meeting.id}`,
    payload: { city: 'Porto' },
  });
  t.equal(movedWhileCancelled.statusCode, 200);
  await settle();
  t.equal(smtp.received.length, 17, 'a cancelled meeting is not put back in calendars by a move');
});

t.test('a cancellation after a move, with no packet since, carries the raised SEQUENCE', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting } = await meetingWithDelegates(app, 2);
  const staff = actor(secretariat);
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => smtp.received.length === 2, 'packet 1 sent');
  app.services.meetings.update(staff, meeting.id, { city: 'Lisbon', country: 'Portugal' });
  await waitFor(() => smtp.received.length === 4, 'two updates');
  t.same(
    smtp.received.slice(2).map((m) => eventOf(m).sequence),
    [1, 1],
  );
  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  await waitFor(() => smtp.received.length === 6, 'two cancellations');
  t.same(
    smtp.received.slice(4).map((m) => [eventOf(m).method, eventOf(m).sequence]),
    [
      ['CANCEL', 1],
      ['CANCEL', 1],
    ],
  );
});
