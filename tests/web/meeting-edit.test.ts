import t from 'tap';
import { simpleContent } from '../factories.js';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** Changing, cancelling and deleting a meeting from its edit page: PATCH's schema and the meeting service. */

const STORED = {
  ordinal: '18',
  startDate: '2020-11-12',
  endDate: '2020-11-13',
  city: 'Brussels',
  country: 'Belgium',
  draftingDeadline: '',
  status: 'planned',
};

t.test('the edit page changes the place and the deadline; refusals keep the input by their field', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  app.services.meetings.create(staff, {
    ordinal: 19,
    startDate: '2021-05-10',
    endDate: '2021-05-11',
    city: 'Lisbon',
    country: 'Portugal',
  });
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/edit`);
  const page = await web.get(`/meetings/${meeting.id}/edit`);
  t.equal(page.statusCode, 200);
  t.match(page.body, 'id="f-city" name="city" type="text" value="Brussels"');
  t.match(
    page.body,
    '<option value="planned" selected>Planned</option><option value="held">Held</option><option value="cancelled">Cancelled</option>',
  );

  const saved = await web.post(`/meetings/${meeting.id}/edit`, {
    ...STORED,
    city: 'Lisbon',
    country: 'Portugal',
    draftingDeadline: '2020-11-05',
  });
  t.equal(saved.statusCode, 303);
  t.equal(decodeURIComponent(saved.headers.location as string), `/meetings/${meeting.id}?done=Meeting saved.`);
  t.match(app.services.meetings.get(meeting.id), {
    city: 'Lisbon',
    country: 'Portugal',
    draftingDeadline: '2020-11-05',
  });

  const taken = await web.post(`/meetings/${meeting.id}/edit`, { ...STORED, ordinal: '19', city: 'Porto' });
  t.equal(taken.statusCode, 422);
  t.match(
    taken.body,
    '<div class="ecl-feedback-message" id="e-ordinal">The eHealth Network already has a 19th meeting (10-11 May 2021).</div>',
  );
  t.match(taken.body, 'id="f-city" name="city" type="text" value="Porto"', 'the input is kept');

  const late = await web.post(`/meetings/${meeting.id}/edit`, { ...STORED, draftingDeadline: '2020-12-01' });
  t.equal(late.statusCode, 422);
  t.match(
    late.body,
    '<a class="ecl-link" href="#f-draftingDeadline">Drafting deadline: The drafting deadline (2020-12-01) falls after the meeting (2020-11-13).</a>',
  );
  t.match(late.body, 'name="draftingDeadline" type="date" value="2020-12-01"');
  t.equal(app.services.meetings.get(meeting.id).city, 'Lisbon', 'nothing refused was saved');
});

t.test('cancelling asks first, then cancels', async (t) => {
  const app = await build(t);
  const { sam, meeting } = await webSecretariatWithMeeting(app);
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/edit`);
  const asked = await web.post(`/meetings/${meeting.id}/edit`, { ...STORED, status: 'cancelled' });
  t.equal(asked.statusCode, 200);
  t.match(asked.body, '<div class="ecl-notification__title">Cancel this meeting?</div>');
  t.match(asked.body, '<input type="hidden" name="status" value="cancelled">');
  t.equal(app.services.meetings.get(meeting.id).status, 'planned', 'not yet');
  const cancelled = await web.post(`/meetings/${meeting.id}/edit`, { ...STORED, status: 'cancelled', confirm: 'yes' });
  t.equal(cancelled.statusCode, 303);
  t.equal(decodeURIComponent(cancelled.headers.location as string), `/meetings/${meeting.id}?done=Meeting cancelled.`);
  t.equal(app.services.meetings.get(meeting.id).status, 'cancelled');
});

t.test('deleting asks first; a meeting with written notes asks again before deleting them too', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  app.services.notes.createVersion(staff, item.id, simpleContent());
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/edit`);
  const asked = await web.post(`/meetings/${meeting.id}/delete`, {});
  t.equal(asked.statusCode, 200);
  t.match(asked.body, '<div class="ecl-notification__title">Delete this meeting?</div>');
  const refused = await web.post(`/meetings/${meeting.id}/delete`, { confirm: 'yes' });
  t.equal(refused.statusCode, 409);
  t.match(refused.body, '<p>Its agenda items hold written notes.</p>');
  t.match(refused.body, '<input type="hidden" name="force" value="yes">');
  t.equal(app.services.meetings.list().length, 1, 'still there');
  const deleted = await web.post(`/meetings/${meeting.id}/delete`, { confirm: 'yes', force: 'yes' });
  t.equal(deleted.statusCode, 303);
  t.equal(decodeURIComponent(deleted.headers.location as string), '/meetings?done=Meeting deleted.');
  t.equal(app.services.meetings.list().length, 0);
});

t.test('a delegate may not open the edit page', async (t) => {
  const app = await build(t);
  const { meeting } = await webSecretariatWithMeeting(app);
  const dirk = await webPerson(app, 'delegate');
  const web = await webSession(app, dirk.email, `/meetings/${meeting.id}`);
  t.equal((await web.get(`/meetings/${meeting.id}/edit`)).statusCode, 403);
});
