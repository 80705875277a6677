import t from 'tap';
import { simpleContent } from '../factories.js';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** The secretariat's extras on the item page: rapporteurs, deleting, the outcome, carrying over. */
t.test('the secretariat names the rapporteurs; someone who cannot be one is refused on the form', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur', 'rita@example.org');
  const dana = await webPerson(app, 'delegate');
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const web = await webSession(app, sam.email, `/items/${item.id}`);

  const page = await web.get(`/items/${item.id}`);
  t.match(page.body, `id="item-rapporteur-${rita.id}" name="rapporteurIds" value="${rita.id}">`);
  t.notMatch(page.body, `id="item-rapporteur-${dana.id}"`, 'a delegate is not offered');

  const named = await web.post(`/items/${item.id}/rapporteurs`, { rapporteurIds: [String(rita.id), ''] });
  t.equal(named.statusCode, 303);
  t.equal(
    decodeURIComponent(named.headers.location as string),
    `/items/${item.id}?done=The rapporteurs of item 1 are saved.`,
  );
  t.same(app.services.agenda.get(staff, item.id).rapporteurs, [{ id: rita.id, name: 'Web rapporteur' }]);

  const refused = await web.post(`/items/${item.id}/rapporteurs`, { rapporteurIds: [String(dana.id), ''] });
  t.equal(refused.statusCode, 422);
  t.match(
    refused.body,
    '<li><a class="ecl-link" href="#item-rapporteurs">Rapporteurs: Web delegate cannot be a rapporteur: the account is not an active rapporteur.</a></li>',
  );
  t.same(app.services.agenda.get(staff, item.id).rapporteurs, [{ id: rita.id, name: 'Web rapporteur' }], 'unchanged');

  const unknown = await web.post(`/items/${item.id}/rapporteurs`, { rapporteurIds: [String(rita.id), '9999', ''] });
  t.equal(unknown.statusCode, 422);
  t.match(
    unknown.body,
    '<div class="ecl-feedback-message" id="e-rapporteurIds">Rapporteur 9999 is not a person known to agendum.</div>',
  );
  t.match(
    unknown.body,
    `id="item-rapporteur-${rita.id}" name="rapporteurIds" value="${rita.id}" checked>`,
    'the box ticked is kept',
  );

  const nobody = await web.post(`/items/${item.id}/rapporteurs`, { rapporteurIds: '' });
  t.equal(nobody.statusCode, 303);
  t.same(app.services.agenda.get(staff, item.id).rapporteurs, [], 'no box ticked names nobody');
});

t.test('deleting asks for a confirmation; an item with sub-items is refused on the page', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const parent = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  app.services.agenda.create(staff, meeting.id, { title: 'Reflections', parentId: parent.id });
  const closing = app.services.agenda.create(staff, meeting.id, { title: 'Closing' });
  const web = await webSession(app, sam.email, `/items/${closing.id}`);

  const unconfirmed = await web.post(`/items/${closing.id}/delete`, {});
  t.equal(unconfirmed.statusCode, 422);
  t.match(
    unconfirmed.body,
    '<li><a class="ecl-link" href="#delete-confirm">Delete this item: Tick the box to confirm that the item is deleted for good.</a></li>',
  );
  t.equal(app.services.agenda.list(staff, meeting.id).length, 3, 'nothing deleted');

  const withChildren = await web.post(`/items/${parent.id}/delete`, { confirm: 'yes' });
  t.equal(withChildren.statusCode, 422);
  t.match(
    withChildren.body,
    '<div class="ecl-feedback-message" id="e-confirm">Item 1 has 1 sub-item(s) and 0 note version(s); delete with force&#x3D;true to remove them too.</div>',
  );
  t.equal(app.services.agenda.list(staff, meeting.id).length, 3, 'nothing deleted');

  const deleted = await web.post(`/items/${closing.id}/delete`, { confirm: 'yes' });
  t.equal(deleted.statusCode, 303);
  t.equal(
    decodeURIComponent(deleted.headers.location as string),
    `/meetings/${meeting.id}?done=Item 2 Closing deleted.`,
  );
  const forced = await web.post(`/items/${parent.id}/delete`, { confirm: 'yes', force: 'true' });
  t.equal(forced.statusCode, 303);
  t.same(app.services.agenda.list(staff, meeting.id), [], 'the sub-item went with it');
});

t.test('the outcome is recorded once the note is released; a postponed item is carried over', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const networkId = meeting.network.id;
  const later = { startDate: '2021-05-10', endDate: '2021-05-11', city: 'Lisbon', country: 'Portugal', networkId };
  const nineteenth = app.services.meetings.create(staff, { ordinal: 19, ...later });
  const cancelled = app.services.meetings.create(staff, {
    ordinal: 20,
    ...later,
    startDate: '2021-06-01',
    endDate: '2021-06-01',
  });
  app.services.meetings.update(staff, cancelled.id, { status: 'cancelled' });
  app.services.notes.createVersion(staff, item.id, simpleContent());
  const web = await webSession(app, sam.email, `/items/${item.id}`);
  t.notMatch((await web.get(`/items/${item.id}`)).body, 'Outcome of the meeting', 'not before the release');

  app.services.workflow.perform(staff, item.id, { event: 'submit' });
  app.services.workflow.perform(staff, item.id, { event: 'release' });
  const page = await web.get(`/items/${item.id}`);
  t.match(page.body, '<p>No outcome recorded yet.</p>');
  t.match(page.body, '<option value="not-adopted">Not adopted</option>');
  const etag = /name="etag" value="([^"]+)"/.exec(page.body.slice(page.body.indexOf('/outcome')))![1]!;

  const stale = await web.post(`/items/${item.id}/outcome`, { etag: '"note-1-0"', outcome: 'adopted' });
  t.equal(stale.statusCode, 422);
  t.match(stale.body, /<option value="adopted" selected>Adopted<\/option>/, 'the choice is kept');
  t.match(stale.body, 'id="e-outcome"');

  const postponed = await web.post(`/items/${item.id}/outcome`, {
    etag: etag.replaceAll('&quot;', '"'),
    outcome: 'postponed',
  });
  t.equal(postponed.statusCode, 303);
  const after = await web.get(`/items/${item.id}`);
  t.match(after.body, '<span class="ecl-label ecl-label--medium">Postponed</span>');
  t.match(
    after.body,
    `<option value="${nineteenth.id}">19th meeting, 10-11 May 2021, Lisbon</option>`,
    'a later planned meeting is offered',
  );
  t.notMatch(after.body, `<option value="${cancelled.id}">`, 'a cancelled one is not');

  const toCancelled = await web.post(`/items/${item.id}/carry-over`, { meetingId: String(cancelled.id) });
  t.equal(toCancelled.statusCode, 422);
  t.match(
    toCancelled.body,
    '<li><a class="ecl-link" href="#carry-meeting">Carry over to: Meeting 20 is cancelled; carry the item to another.</a></li>',
  );

  const carried = await web.post(`/items/${item.id}/carry-over`, { meetingId: String(nineteenth.id) });
  t.equal(carried.statusCode, 303);
  const copy = app.services.agenda.list(staff, nineteenth.id)[0]!;
  t.equal(copy.copiedFromItemId, item.id);
  t.equal(
    decodeURIComponent(carried.headers.location as string),
    `/items/${copy.id}?done=Carried over: now item 1 of that meeting.`,
  );
});
