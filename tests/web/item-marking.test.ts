import t from 'tap';
import { build } from '../helper.js';
import { webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** The distribution marking is set on the item page, through the same service and schema as the API. */
t.test('the secretariat marks an item limited on its page; a form without a group comes back', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const web = await webSession(app, sam.email, `/items/${item.id}`);

  const page = await web.get(`/items/${item.id}`);
  t.match(page.body, '<p id="marking">Distribution: eHealth Network members and observers</p>');

  const saved = await web.post(`/items/${item.id}/edit`, {
    title: 'Cybersecurity',
    audience: 'limited',
    audienceGroups: ['delegates', 'secretariat-copies'],
  });
  t.equal(saved.statusCode, 303);
  const stored = app.services.agenda.get(staff, item.id);
  t.equal(stored.audience, 'limited');
  t.same(stored.audienceGroups, ['delegates', 'secretariat-copies']);
  const after = await web.get(`/items/${item.id}`);
  t.match(after.body, 'Limited distribution: Member State delegates, Commission staff only');

  const refused = await web.post(`/items/${item.id}/edit`, { title: 'Cybersecurity', audience: 'limited' });
  t.equal(refused.statusCode, 422);
  t.match(refused.body, 'A limited distribution names at least one recipient group.');
  t.match(refused.body, /id="item-audience-limited" value="limited" checked/, 'the choice is kept');
  t.same(app.services.agenda.get(staff, item.id).audienceGroups, ['delegates', 'secretariat-copies'], 'unchanged');

  const unknown = await web.post(`/items/${item.id}/edit`, { title: 'Cybersecurity', audience: 'everyone' });
  t.equal(unknown.statusCode, 422, 'an unknown marking is the schema’s refusal');

  const back = await web.post(`/items/${item.id}/edit`, { title: 'Cybersecurity', audience: 'network' });
  t.equal(back.statusCode, 303);
  t.same(app.services.agenda.get(staff, item.id).audienceGroups, [], 'network names no group');
});
