import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** The item's settings on its page: title, place and marking, through the API's schema and the agenda service. */
t.test('the settings offer only the parents that can hold the item', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const cyber = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const nis = app.services.agenda.create(staff, meeting.id, { title: 'NIS', parentId: cyber.id });
  app.services.agenda.create(staff, meeting.id, { title: 'Work stream', parentId: nis.id });
  const closing = app.services.agenda.create(staff, meeting.id, { title: 'Closing' });
  const web = await webSession(app, sam.email, `/items/${cyber.id}`);

  const page = await web.get(`/items/${cyber.id}`);
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h2 id="settings-heading">Item settings</h2>');
  t.match(page.body, 'id="item-title" name="title" type="text" value="Cybersecurity"');
  // 1 holds 1.1 and 1.1.1: three levels already, so it may only stay at the top.
  t.match(
    page.body,
    /<select class="ecl-select" id="item-parent" name="parentId">\s*<option value="" selected>\(top level\)<\/option>\s*<\/select>/,
  );
  const ofClosing = await web.get(`/items/${closing.id}`);
  t.match(
    ofClosing.body,
    `<option value="" selected>(top level)</option><option value="${cyber.id}">1 Cybersecurity</option><option value="${nis.id}">1.1 NIS</option>\n`,
    'not itself, not under 1.1.1 (a fourth level)',
  );
});

t.test('a blank title and a move under its own sub-item come back with the input kept', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const parent = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const child = app.services.agenda.create(staff, meeting.id, { title: 'Reflections', parentId: parent.id });
  const web = await webSession(app, sam.email, `/items/${parent.id}`);

  const blank = await web.post(`/items/${parent.id}/edit`, { title: '', parentId: '', audience: 'public' });
  t.equal(blank.statusCode, 422);
  t.match(blank.body, '<li><a class="ecl-link" href="#item-title">Title: is required</a></li>');
  t.match(blank.body, 'id="item-audience-public" value="public" checked', 'the marking sent is kept');

  const loop = await web.post(`/items/${parent.id}/edit`, { title: 'Cyber security', parentId: String(child.id) });
  t.equal(loop.statusCode, 422);
  t.match(
    loop.body,
    `<li><a class="ecl-link" href="#item-parent">Under item: Item ${parent.id} cannot move under its own sub-item ${child.id}.</a></li>`,
  );
  t.match(loop.body, `<div class="ecl-feedback-message" id="e-parentId">Item ${parent.id} cannot move`);
  t.match(loop.body, 'id="item-title" name="title" type="text" value="Cyber security"', 'the title typed is kept');
  t.equal(app.services.agenda.get(staff, parent.id).title, 'Cybersecurity', 'not renamed');
  t.equal(app.services.agenda.get(staff, parent.id).parentId, null, 'not moved');
});

t.test('only the secretariat manages the item: its rapporteur and a delegate see no settings', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  const secretariat = await webSession(app, sam.email, `/items/${item.id}`);
  t.match((await secretariat.get(`/items/${item.id}`)).body, 'Item settings');
  const rapporteur = await webSession(app, rita.email, `/items/${item.id}`);
  t.notMatch((await rapporteur.get(`/items/${item.id}`)).body, 'Item settings');
  const dana = await webPerson(app, 'delegate');
  const web = await webSession(app, dana.email, `/items/${item.id}`);
  const page = await web.get(`/items/${item.id}`);
  t.equal(page.statusCode, 200);
  t.notMatch(page.body, 'Item settings');
  t.notMatch(page.body, `/items/${item.id}/delete`);
});
