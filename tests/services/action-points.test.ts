import t from 'tap';
import { as, build, testConfig } from '../helper.js';
import { recordedMeeting, signedInAs } from '../support/recorded-meeting.js';
import { startTestSmtp } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';

t.test('action points follow up at the next meeting until closed, and reach their owners by digest', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  let now = new Date('2020-11-13T17:00:00Z');
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_DIGEST_MINUTES: '15' }),
    now: () => now,
  });
  const { secretariat, meeting, next, item91, item92, delegates } = await recordedMeeting(app);
  const belgium = delegates[1]!;

  const first = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/items/${item91.id}/action-points`,
    payload: { what: 'Send comments on the WS12 guidelines', ownerPersonId: belgium.id, dueDate: '2021-01-15' },
  });
  t.equal(first.statusCode, 201);
  t.match(first.json(), {
    itemNumber: '9.1',
    owner: 'Delegate of Belgium (Belgium)',
    state: 'open',
    dueDate: '2021-01-15',
  });
  const second = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/items/${item92.id}/action-points`,
    payload: { what: 'Share the national cybersecurity plan', ownerDelegation: 'France' },
  });
  t.match(second.json(), { itemNumber: '9.2', owner: 'France', ownerPerson: null, dueDate: null });
  const twoOwners = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/items/${item92.id}/action-points`,
    payload: { what: 'x', ownerPersonId: belgium.id, ownerDelegation: 'France' },
  });
  t.equal(twoOwners.statusCode, 422, 'one owner: a person or a delegation');

  t.equal(app.services.digests.queueDigests(), 2, 'one digest for the Belgian delegate, one for the French');
  await waitFor(() => smtp.received.length === 2, 'two digests');
  const toBelgium = smtp.received.find((m) => m.to.includes('delegate2@ms2.example.eu'))!;
  t.equal(
    toBelgium.parsed.subject,
    'agendum: Action point for you (item 9.1, 18th eHealth Network meeting): Send comments on the WS12 guidelines, due 15 January 2021.',
  );
  const toFrance = smtp.received.find((m) => m.to.includes('delegate10@ms10.example.eu'))!;
  t.match(
    toFrance.parsed.text,
    /Action point for you \(item 9\.2, 18th eHealth Network meeting\): Share the national cybersecurity plan\./,
  );

  const carried = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/action-points/carry-over`,
  });
  t.equal(carried.statusCode, 200);
  t.match(carried.json(), { meetingId: next.id, number: '1', title: 'Follow-up of action points' });
  const again = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/action-points/carry-over`,
  });
  t.equal(again.json().id, carried.json().id, 'the follow-up item is put on the agenda once');

  const followUp = async () => {
    const record = (await as(app, secretariat, { url: `/api/v1/meetings/${next.id}/record` })).json();
    const item = record.items.find((i: { isActionFollowUp: boolean }) => i.isActionFollowUp);
    return item.followUp.map((p: { itemNumber: string; what: string }) => `${p.itemNumber} ${p.what}`);
  };
  t.same(await followUp(), ['9.1 Send comments on the WS12 guidelines', '9.2 Share the national cybersecurity plan']);

  const closed = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/action-points/${second.json().id}`,
    payload: { state: 'done' },
  });
  t.match(closed.json(), { state: 'done', closedAt: '2020-11-13T17:00:00.000Z' });
  t.same(await followUp(), ['9.1 Send comments on the WS12 guidelines'], 'closing one takes it off the follow-up');

  now = new Date('2021-01-13T08:00:00Z');
  t.equal(app.services.actionPoints.remindDue(), 1, 'the open one is due in two days: its owner is reminded');
  t.equal(app.services.actionPoints.remindDue(), 0, 'once');
  t.equal(app.services.digests.queueDigests(), 1);
  await waitFor(() => smtp.received.length === 3, 'the reminder');
  t.equal(
    smtp.received[2]!.parsed.subject,
    'agendum: Action point due soon (item 9.1, 18th eHealth Network meeting): Send comments on the WS12 guidelines, due 15 January 2021.',
  );
});

t.test('an action point of a limited item reaches, and shows to, only those the marking admits', async (t) => {
  const app = await build(t);
  const { secretariat, staff, meeting, next, item92, delegates } = await recordedMeeting(app);
  const austria = delegates[0]!;
  const reader = signedInAs(app, austria);
  app.services.agenda.update(staff, item92.id, { audience: 'limited', audienceGroups: ['observers'] });

  const byDelegation = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/items/${item92.id}/action-points`,
    payload: { what: 'Share the incident figures', ownerDelegation: 'Austria' },
  });
  t.equal(byDelegation.statusCode, 201);
  const notices = await as(app, reader, { method: 'GET', url: '/api/v1/notifications' });
  t.notMatch(notices.body, 'incident figures', "Austria's delegate, who may not read 9.2, is not told of it");

  const byPerson = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/items/${item92.id}/action-points`,
    payload: { what: 'Share the incident figures', ownerPersonId: austria.id },
  });
  t.equal(byPerson.statusCode, 422, 'a person who may not read the item does not own its action point');
  t.equal(
    byPerson.json().detail,
    'Delegate of Austria may not read item 9.2 (its distribution leaves them out): choose an owner who may.',
  );

  await as(app, secretariat, { method: 'POST', url: `/api/v1/meetings/${meeting.id}/action-points/carry-over` });
  const followUp = await as(app, reader, { method: 'GET', url: `/api/v1/meetings/${next.id}/record` });
  t.equal(followUp.statusCode, 200);
  t.notMatch(followUp.body, 'incident figures', "the next meeting's follow-up item does not show it to the delegate");
  const asStaff = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${next.id}/record` });
  t.match(asStaff.body, 'incident figures', 'the secretariat sees it');

  const id = byDelegation.json().id;
  const close = () =>
    as(app, secretariat, { method: 'PATCH', url: `/api/v1/action-points/${id}`, payload: { state: 'done' } });
  t.equal((await close()).statusCode, 200);
  const again = await close();
  t.equal(again.statusCode, 200, 'closing it twice (a second click) is done, not an error');
  t.equal(again.json().state, 'done');
});
