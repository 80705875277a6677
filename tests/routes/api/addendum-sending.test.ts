import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { actor } from '../../factories.js';
import { as, signedIn } from '../../helper.js';
import { changeAfterPacket, meetingWithPacket, REASON_9_2, REASON_ANNEX } from '../../support/addendum-meeting.js';
import { listsWithObserver, meetingWithDelegates, sendPacket, smtpApp } from '../../support/mail-meeting.js';
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

t.test('each holder is told only the changes their lists may read; one who may read none is not sent it', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const staff = actor(secretariat);
  const [limited, open] = ids as [number, number];
  app.services.workflow.perform(staff, open, { event: 'release', procedure: 'for-discussion' });
  app.services.agenda.update(staff, limited, { audience: 'limited', audienceGroups: ['delegates'] });
  const observer = await listsWithObserver(app, secretariat, meeting.id, people[0]!.id);
  const first = await sendPacket(app, secretariat, meeting.id, { lists: ['delegates', 'observers'] });
  t.equal(first.statusCode, 202);
  await waitFor(() => app.services.packets.view(staff, 1).done, 'packet 1 sent');

  const revise = (itemId: number, seed: typeof ITEM_9_1 | typeof ITEM_9_2, reason: string) => {
    app.services.workflow.perform(staff, itemId, { event: 'reopen', comment: reason });
    const summary = [...seed.content.sections.summary, `${reason} (added after the packet)`];
    app.services.notes.createVersion(staff, itemId, {
      ...seed.content,
      sections: { ...seed.content.sections, summary },
    });
    app.services.workflow.perform(staff, itemId, { event: 'submit' });
    app.services.workflow.perform(staff, itemId, { event: 'release', procedure: 'for-information', reason });
  };
  const send = () =>
    as(app, secretariat, {
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/packets/1/addendum`,
      payload: ADDENDUM,
    });

  revise(limited, ITEM_9_1, 'Corrected the NIS figures.');
  const onlyLimited = await send();
  t.equal(onlyLimited.statusCode, 202, onlyLimited.body);
  t.match(onlyLimited.json(), { id: 2, recipients: 1, changesOnly: 1, whole: 0 });
  await waitFor(() => app.services.packets.view(staff, 2).done, 'packet 2 sent');
  t.same(
    smtp.received.slice(2).map((m) => m.to[0]),
    ['delegate1@ms1.example.eu'],
    'the observer, who may not read the limited note, is not sent an addendum that would say nothing',
  );

  revise(open, ITEM_9_2, 'Corrected the meeting date.');
  t.equal((await send()).statusCode, 202);
  await waitFor(() => app.services.packets.view(staff, 3).done, 'packet 3 sent');
  const third = smtp.received.slice(3);
  const byAddress = new Map(third.map((m) => [m.to[0], m]));
  t.equal(byAddress.size, 2);
  const delegate = byAddress.get('delegate1@ms1.example.eu')!;
  const olga = byAddress.get(observer.email)!;
  t.match(
    delegate.parsed.text!,
    'Item 1.1: the note is revised (revision 2, was revision 1). Reason: Corrected the NIS figures.',
  );
  t.match(
    delegate.parsed.text!,
    'Item 1.2: the note is revised (revision 2, was revision 1). Reason: Corrected the meeting date.',
  );
  t.match(olga.parsed.text!, 'Item 1.2: the note is revised (revision 2, was revision 1).');
  t.notMatch(olga.parsed.text!, 'Item 1.1', "the observer's mail does not name the limited note's change");
  const olgaPdf = (await pdfText(olga.parsed.attachments[0]!.content)).map((p) => p.lines.join(' ')).join(' ');
  t.notMatch(olgaPdf, 'Corrected the NIS figures', 'nor does her addendum PDF');
  t.notMatch(olgaPdf, 'Work Stream 12', 'which holds nothing of the limited note');
  t.match(olgaPdf, 'Corrected the meeting date.');
  const delegatePdf = (await pdfText(delegate.parsed.attachments[0]!.content)).map((p) => p.lines.join(' ')).join(' ');
  t.match(delegatePdf, 'Corrected the NIS figures', "the delegate's addendum has both");
});

t.test(
  'an addendum is refused when nothing changed, to anyone but the secretariat, and for an unknown packet',
  async (t) => {
    const { app } = await smtpApp(t);
    const setup = await meetingWithPacket(app, 1);
    const url = `/api/v1/meetings/${setup.meeting.id}/packets/${setup.packetId}/addendum`;
    const nothing = await as(app, setup.secretariat, { method: 'POST', url, payload: ADDENDUM });
    t.equal(nothing.statusCode, 409);
    t.match(nothing.json(), { detail: 'Nothing changed since packet 1: there is no addendum to send.' });
    t.equal(app.services.packets.ofMeeting(actor(setup.secretariat), setup.meeting.id).length, 1, 'no packet recorded');

    await changeAfterPacket(app, setup);
    const delegate = await signedIn(app, 'delegate');
    t.equal((await as(app, delegate, { method: 'POST', url, payload: ADDENDUM })).statusCode, 403);
    const unknown = `/api/v1/meetings/${setup.meeting.id}/packets/99/addendum`;
    t.equal((await as(app, setup.secretariat, { method: 'POST', url: unknown, payload: ADDENDUM })).statusCode, 404);
    const blank = await as(app, setup.secretariat, { method: 'POST', url, payload: { ...ADDENDUM, subject: ' ' } });
    t.equal(blank.statusCode, 400, 'a blank subject fails the schema');
    const extra = await as(app, setup.secretariat, {
      method: 'POST',
      url,
      payload: { ...ADDENDUM, lists: ['observers'] },
    });
    t.equal(extra.statusCode, 400, 'the lists are the earlier packet’s: none may be given');
  },
);
