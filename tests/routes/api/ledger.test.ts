import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { actor } from '../../factories.js';
import { as, build, signedIn, testConfig } from '../../helper.js';
import { linkPacketApp, meetingWithDelegates, sendPacket, smtpApp } from '../../support/mail-meeting.js';
import { startTestSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';

interface LedgerAnswer {
  people: {
    name: string;
    email: string;
    holds: { itemId: number; publication: number; isLatest: boolean }[];
    isOutdated: boolean;
    deliveries: { packetId: number; status: string; deliveredAs: string | null; notes: unknown[] }[];
  }[];
  notes: { number: string; publications: { number: number; reason: string | null; holders: { name: string }[] }[] }[];
}

t.test('the ledger says who holds which publication; "send the latest" brings exactly them up to date', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting, ids } = await meetingWithDelegates(app, 3);
  const staff = actor(secretariat);
  const item = ids[0]!;
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => app.services.packets.view(staff, 1).done, 'packet 1 sent');
  t.equal(smtp.received.length, 3);

  // 9.1 revised: reopened, rewritten and released again with its reason (publication 2).
  app.services.workflow.perform(staff, item, { event: 'reopen', comment: 'A figure was wrong.' });
  app.services.notes.createVersion(staff, item, {
    sections: { ...ITEM_9_1.content.sections, summary: ['A corrected summary, written after the packet was sent.'] },
  });
  app.services.workflow.perform(staff, item, { event: 'submit' });
  // The reason travels with the release once releases take one; the event is the same either way.
  const release = { event: 'release' as const, procedure: 'for-information', reason: 'Corrected the summary.' };
  app.services.workflow.perform(staff, item, release);
  const late = await app.services.people.create('system', {
    name: '=HYPERLINK("http://evil.example")',
    email: 'late@ms4.example.eu',
    role: 'delegate',
    memberState: 'PT',
  });

  const url = `/api/v1/meetings/${meeting.id}/ledger`;
  const before = await as(app, secretariat, { method: 'GET', url });
  t.equal(before.statusCode, 200);
  const ledger = before.json<LedgerAnswer>();
  t.same(
    ledger.people.map((p) => [p.email, p.holds.map((h) => [h.publication, h.isLatest]), p.isOutdated]),
    [
      ['late@ms4.example.eu', [], false],
      ['delegate1@ms1.example.eu', [[1, false]], true],
      ['delegate2@ms2.example.eu', [[1, false]], true],
      ['delegate3@ms3.example.eu', [[1, false]], true],
    ],
    'the three sent packet 1 hold publication 1 of 9.1; the delegate added since holds nothing',
  );
  t.match(ledger.people[1]!.deliveries, [{ packetId: 1, status: 'sent', deliveredAs: 'attached' }]);
  t.same(ledger.people[0]!.deliveries, [], 'nothing was sent to the late delegate');
  t.match(ledger.notes, [
    {
      number: '1.1',
      publications: [
        { number: 1, holders: [{ name: 'Delegate 1' }, { name: 'Delegate 2' }, { name: 'Delegate 3' }] },
        { number: 2, holders: [] },
      ],
    },
  ]);
  t.equal(ledger.notes.length, 1, '9.2 (1.2 here), never released, is not in the ledger');

  const csv = await as(app, secretariat, { method: 'GET', url: `${url}.csv` });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /^text\/csv/);
  const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
  t.equal(
    lines[0],
    'Person,Email,Packet,Packet subject,Packet made,Delivery,Sent at,Documents,Error,Item,Note,Publication,Holds publication,Latest',
  );
  t.equal(
    lines[1],
    `"'=HYPERLINK(""http://evil.example"")",late@ms4.example.eu,,,,,,,,,,,,`,
    'a name that starts a formula is kept text',
  );
  t.match(
    lines[2],
    /^Delegate 1,delegate1@ms1\.example\.eu,1,Packet: \{\{meeting\.displayLine\}\},[-\dT:.Z]+,Delivered to the mail server,[-\dT:.Z]+,attached,,1\.1,Update from the Work Stream 12 of the NIS cooperation group,1,1,no$/,
  );

  const sent = await as(app, secretariat, { method: 'POST', url: `${url}/send-latest`, payload: {} });
  t.equal(sent.statusCode, 202);
  t.equal(sent.json().recipients, 3);
  await waitFor(() => smtp.received.length === 6, 'the latest sent');
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.same(
    smtp.received
      .slice(3)
      .map((m) => m.to[0])
      .sort(),
    ['delegate1@ms1.example.eu', 'delegate2@ms2.example.eu', 'delegate3@ms3.example.eu'],
    'to the holders of publication 1 and nobody else',
  );
  t.equal(
    smtp.received[3]!.parsed.subject,
    'Revised documents: 18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
  );
  t.equal(smtp.received.length, 6);

  const after = (await as(app, secretariat, { method: 'GET', url })).json<LedgerAnswer>();
  t.same(
    after.people.map((p) => [p.email, p.holds.map((h) => h.publication), p.isOutdated]),
    [
      ['late@ms4.example.eu', [], false],
      ['delegate1@ms1.example.eu', [2], false],
      ['delegate2@ms2.example.eu', [2], false],
      ['delegate3@ms3.example.eu', [2], false],
    ],
    'every earlier recipient holds publication 2 now',
  );
  t.same(
    after.notes[0]!.publications.map((p) => p.holders.length),
    [0, 3],
  );
  const again = await as(app, secretariat, { method: 'POST', url: `${url}/send-latest`, payload: {} });
  t.equal(again.statusCode, 409, 'nobody left to bring up to date');
  t.equal(smtp.received.length, 6);
  t.ok(late, 'the late delegate exists');
});

t.test('a delegate may not read the ledger nor send from it', async (t) => {
  const app = await build(t);
  const { meeting } = await meetingWithDelegates(app, 1);
  const delegate = await signedIn(app, 'delegate');
  const url = `/api/v1/meetings/${meeting.id}/ledger`;
  for (const [method, to] of [
    ['GET', url],
    ['GET', `${url}.csv`],
    ['POST', `${url}/send-latest`],
  ] as const) {
    const answer = await as(app, delegate, { method, url: to, ...(method === 'POST' ? { payload: {} } : {}) });
    t.equal(answer.statusCode, 403, `${method} ${to}`);
    t.notMatch(answer.body, /delegate1@/, 'no names or addresses in the refusal');
  }
});

t.test('the ledger says how a packet went: by link, and refused by the mail server (holding nothing)', async (t) => {
  const { app, smtp } = await linkPacketApp(t);
  const { secretariat, meeting } = await meetingWithDelegates(app, 2);
  smtp.rejectRecipient('delegate2@ms2.example.eu');
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => app.services.packets.view(actor(secretariat), 1).done, 'packet 1 done');
  const ledger = (await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/ledger` })).json<
    LedgerAnswer & { people: { deliveries: { lastError: string | null }[] }[] }
  >();
  t.match(ledger.people, [
    { email: 'delegate1@ms1.example.eu', holds: [{ publication: 1, isLatest: true }], isOutdated: false },
    { email: 'delegate2@ms2.example.eu', holds: [], isOutdated: false },
  ]);
  t.match(ledger.people[0]!.deliveries, [{ status: 'sent', deliveredAs: 'linked', lastError: null }]);
  t.match(ledger.people[1]!.deliveries, [{ status: 'failed', lastError: /550/ }]);
  t.same(
    ledger.notes[0]!.publications[0]!.holders.map((h) => h.name),
    ['Delegate 1'],
    'a refused message gives nobody the note',
  );
});

t.test(
  'the issue\'s case: 30 delegates sent 9.2 revision 1, a 31st added; after "send the latest" the 30 hold revision 2',
  async (t) => {
    const smtp = await startTestSmtp({ parse: false });
    t.teardown(() => smtp.close());
    const app = await build(t, {
      config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_RETRY_BASE_MS: '50' }),
      now: () => new Date(),
    });
    const { secretariat, meeting, ids } = await meetingWithDelegates(app, 30);
    const staff = actor(secretariat);
    const item92 = ids[1]!;
    app.services.workflow.perform(staff, item92, { event: 'release', procedure: 'for-discussion' });
    t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
    await waitFor(() => app.services.packets.view(staff, 1).done, 'packet 1 sent to 30');
    app.services.workflow.perform(staff, item92, { event: 'reopen', comment: 'The footnote link moved.' });
    app.services.notes.createVersion(staff, item92, {
      sections: { ...ITEM_9_2.content.sections, summary: ['The revised summary of 9.2.'] },
    });
    app.services.workflow.perform(staff, item92, { event: 'submit' });
    app.services.workflow.perform(staff, item92, {
      event: 'release',
      procedure: 'for-discussion',
      reason: 'Corrected the link of footnote 1.',
    });
    await app.services.people.create('system', {
      name: 'Delegate 31',
      email: 'delegate31@ms31.example.eu',
      role: 'delegate',
      memberState: 'SE',
    });

    const url = `/api/v1/meetings/${meeting.id}/ledger`;
    const holdings = async () =>
      (await as(app, secretariat, { method: 'GET', url }))
        .json<LedgerAnswer & { notes: { itemId: number }[] }>()
        .people.map((p) => [p.email, p.holds.find((h) => h.itemId === item92)?.publication ?? null]);
    const before = await holdings();
    t.equal(before.length, 31);
    t.same(before.filter(([, held]) => held === 1).length, 30, '30 hold revision 1 of 9.2');
    t.same(
      before.find(([email]) => email === 'delegate31@ms31.example.eu'),
      ['delegate31@ms31.example.eu', null],
    );

    const sent = await as(app, secretariat, { method: 'POST', url: `${url}/send-latest`, payload: {} });
    t.equal(sent.statusCode, 202);
    t.equal(sent.json().recipients, 30);
    await waitFor(() => app.services.packets.view(staff, 2).done, 'the latest sent');
    t.equal(smtp.received.length, 60, 'thirty packets, then thirty more');
    t.notOk(
      smtp.received.some((m) => m.to.includes('delegate31@ms31.example.eu')),
      'nothing to the 31st',
    );
    const after = await holdings();
    t.same(after.filter(([, held]) => held === 2).length, 30, 'the 30 hold revision 2 of 9.2');
    t.same(
      after.find(([email]) => email === 'delegate31@ms31.example.eu'),
      ['delegate31@ms31.example.eu', null],
    );
  },
);
