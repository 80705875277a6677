import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/**
 * A form the schema accepts can still break a rule the service holds (dates in order, a
 * parent that is not the item's own sub-item). The service's error names its field: the page
 * comes back with the input kept and the message beside that field, linked from the summary.
 */
t.test("the service's refusals land on their fields", async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const web = await webSession(app, sam.email, '/meetings');
  const fields = {
    ordinal: '19',
    startDate: '2021-05-10',
    endDate: '2021-05-11',
    city: 'Brussels',
    country: 'Belgium',
    draftingDeadline: '',
  };

  const backwards = await web.post('/meetings', { ...fields, endDate: '2021-05-09' });
  t.equal(backwards.statusCode, 422);
  t.match(
    backwards.body,
    '<li><a class="ecl-link" href="#f-endDate">Last day: The meeting ends (2021-05-09) before it starts (2021-05-10).</a></li>',
  );
  t.match(backwards.body, '<div class="ecl-feedback-message" id="e-endDate">The meeting ends');
  t.match(backwards.body, 'id="f-city" name="city" type="text" value="Brussels"', 'the input is kept');

  const lateDeadline = await web.post('/meetings', { ...fields, draftingDeadline: '2021-06-01' });
  t.equal(lateDeadline.statusCode, 422);
  t.match(
    lateDeadline.body,
    '<li><a class="ecl-link" href="#f-draftingDeadline">Drafting deadline: The drafting deadline (2021-06-01) falls after the meeting (2021-05-11).</a></li>',
  );
  t.same(
    app.services.meetings.list().map((m) => m.ordinal),
    [18],
    'no meeting 19',
  );

  const parent = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const child = app.services.agenda.create(staff, meeting.id, { title: 'Reflections', parentId: parent.id });
  const loop = await web.post(`/items/${parent.id}/edit`, { title: 'Cybersecurity', parentId: String(child.id) });
  t.equal(loop.statusCode, 422);
  t.match(
    loop.body,
    `<li><a class="ecl-link" href="#item-parent">Under item: Item ${parent.id} cannot move under its own sub-item ${child.id}.</a></li>`,
  );
  t.match(loop.body, `<div class="ecl-feedback-message" id="e-parentId">Item ${parent.id} cannot move`);
  t.equal(app.services.agenda.get(staff, parent.id).parentId, null, 'not moved');
});

t.test('a page address whose id is not a number is not found, as an unknown id', async (t) => {
  const app = await build(t);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, '/meetings');
  for (const url of ['/items/abc', '/meetings/1e400', '/packets/-1', '/items/1/diff?a=x&b=2']) {
    const res = await web.get(url);
    t.equal(res.statusCode, 404, url);
    t.match(res.body, '<h1 class="ecl-page-header__title">Not found</h1>');
  }
});
