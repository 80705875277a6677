import t from 'tap';
import { actor } from '../../factories.js';
import { as } from '../../helper.js';
import { changeAfterPacket, meetingWithPacket, REASON_9_2, REASON_ANNEX } from '../../support/addendum-meeting.js';
import { smtpApp } from '../../support/mail-meeting.js';
import { pdfText } from '../../support/pdf-text.js';
import { waitFor } from '../../support/wait.js';

const ADDENDUM = { subject: 'Addendum: {{meeting.displayLine}}', message: 'Dear {{recipient.name}},\nwhat changed.' };

const FOUR_CHANGES = [
  `Item 1.1: annex "Work plan" replaced by a new file. Reason: ${REASON_ANNEX}`,
  `Item 1.2: the note is revised (revision 2, was revision 1). Reason: ${REASON_9_2}`,
  'Item 2: the note is withdrawn.',
  'Item 3 "European Health Data Space" added, with its note.',
];

t.test(
  'packet 1 to 30 delegates, four changes: the addendum goes once to each of the 30, the delegate added since gets the whole packet',
  async (t) => {
    const { app, smtp } = await smtpApp(t);
    const setup = await meetingWithPacket(app, 30);
    const staff = actor(setup.secretariat);
    await waitFor(() => app.services.packets.view(staff, setup.packetId).done, 'packet 1 sent');
    t.equal(smtp.received.length, 30);
    await changeAfterPacket(app, setup);
    await app.services.people.create('system', {
      name: 'Late Delegate',
      email: 'late@ms31.example.eu',
      role: 'delegate',
      memberState: 'PT',
    });

    const res = await as(app, setup.secretariat, {
      method: 'POST',
      url: `/api/v1/meetings/${setup.meeting.id}/packets/${setup.packetId}/addendum`,
      payload: ADDENDUM,
    });
    t.equal(res.statusCode, 202, res.body);
    t.match(res.json(), { id: 2, addendumTo: 1, recipients: 31, changesOnly: 30, whole: 1 });
    await waitFor(() => app.services.packets.view(staff, 2).done, 'packet 2 sent');
    const second = smtp.received.slice(30);
    t.equal(second.length, 31, 'one message per recipient of packet 2');

    const to = second.map((m) => m.to[0]).sort();
    t.equal(new Set(to).size, 31, 'nobody receives it twice');
    const delegates = second.filter((m) => m.to[0] !== 'late@ms31.example.eu');
    t.equal(delegates.length, 30);
    for (const message of delegates) {
      const names = message.parsed.attachments.map((a) => a.filename);
      if (names.length !== 1 || names[0] !== '18th-ehealth-network-addendum-to-packet-1.pdf') {
        t.fail(`${message.to[0]} got ${names.join(', ')}`);
      }
    }
    t.pass('each of the 30 delegates gets one PDF: the addendum to packet 1, and no calendar entry');
    const text = delegates[0]!.parsed.text!;
    t.match(text, 'What changed since packet 1:');
    for (const change of FOUR_CHANGES) t.match(text, change);
    t.notMatch(text, 'Released cover notes:', 'the holders are told what changed, not the notes again');

    const cover = (await pdfText(delegates[0]!.parsed.attachments[0]!.content))[0]!.lines.join(' ');
    t.match(cover, 'What changed since packet 1 of');
    t.match(cover, '4 change(s)');
    t.match(cover, `2. Item 1.2: the note is revised (revision 2, was revision 1). Reason: ${REASON_9_2} Page 3.`);

    const newcomer = second.find((m) => m.to[0] === 'late@ms31.example.eu')!;
    t.same(
      newcomer.parsed.attachments.map((a) => a.filename),
      ['18th-ehealth-network-packet.pdf', 'meeting.ics'],
      'the delegate added since gets the whole packet, with the calendar entry',
    );
    const whole = (await pdfText(newcomer.parsed.attachments[0]!.content)).map((p) => p.lines.join(' ')).join(' ');
    t.match(whole, 'The meeting moved to 14 November 2020.', 'with revision 2 of 1.2');
    t.match(whole, 'European Health Data Space', 'and the item added since');
    t.match(newcomer.parsed.text!, 'Released cover notes:');
    t.notMatch(newcomer.parsed.text!, 'What changed since packet 1');

    const view = app.services.packets.view(staff, 2);
    t.match(view, { kind: 'addendum', addendumTo: 1 });
    t.same(
      view.recipients.filter((r) => !r.changesOnly).map((r) => r.email),
      ['late@ms31.example.eu'],
      'the packet page says who got the whole packet',
    );
    const ledger = await as(app, setup.secretariat, {
      method: 'GET',
      url: `/api/v1/meetings/${setup.meeting.id}/ledger`,
    });
    const people = ledger.json<{ people: { email: string; isOutdated: boolean }[] }>().people;
    t.equal(people.length, 31);
    t.same(
      people.filter((p) => p.isOutdated).map((p) => p.email),
      [],
      'after the addendum, all 31 hold the latest publication of every note',
    );
  },
);
