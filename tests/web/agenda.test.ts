import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** The agenda on a meeting's page: each item's number, title, rapporteurs and state in plain words. */

t.test('the agenda shows each item in plain words; the parent choice stops at the deepest level', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  const cyber = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  const ws = app.services.agenda.create(staff, meeting.id, { title: 'Work streams', parentId: cyber.id });
  const deep = app.services.agenda.create(staff, meeting.id, { title: 'Work Stream 12', parentId: ws.id });
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}`);
  const page = await web.get(`/meetings/${meeting.id}`);
  t.equal(page.statusCode, 200);
  t.match(
    page.body,
    `<a class="ecl-link agendum-agenda__title" href="/items/${cyber.id}"><span class="agendum-agenda__number" data-item-number>1</span>&nbsp; Cybersecurity</a>`,
  );
  t.match(page.body, '<span class="ecl-label ecl-label--low">Drafting</span>');
  t.match(page.body, '<span>Rapporteur: Web rapporteur</span>');
  t.match(page.body, `<li class="agendum-agenda__item" id="item-${deep.id}" data-item-id="${deep.id}" tabindex="-1">`);
  t.match(page.body, `<option value="${ws.id}">1.1 Work streams</option>`);
  t.notMatch(page.body, `<option value="${deep.id}">`, 'an item at the third level takes no sub-item');
  t.match(page.body, '<td class="ecl-table__cell" data-label="Title">Work Stream 12</td>');
  t.notMatch(page.body, '>drafting<', 'no code shown');
  t.notMatch(page.body, 'Send the packet', 'the packet form lives on the packets pages');

  const refused = await web.post(`/meetings/${meeting.id}/items`, {
    title: 'Closing remarks',
    parentId: '999999',
    rapporteurIds: String(rita.id),
  });
  t.equal(refused.statusCode, 422);
  t.match(refused.body, 'id="item-title" name="title" type="text" value="Closing remarks"', 'the title is kept');
  t.match(refused.body, `<option value="${rita.id}" selected>Web rapporteur</option>`, 'the rapporteur is kept');
  t.equal(app.services.agenda.list(staff, meeting.id).length, 3, 'nothing added');
});

t.test('a delegate reads the agenda without the forms', async (t) => {
  const app = await build(t);
  const { staff, meeting } = await webSecretariatWithMeeting(app);
  app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const dirk = await webPerson(app, 'delegate');
  const web = await webSession(app, dirk.email, `/meetings/${meeting.id}`);
  const page = await web.get(`/meetings/${meeting.id}`);
  t.match(page.body, 'Cybersecurity');
  t.notMatch(page.body, 'Move up');
  t.notMatch(page.body, 'data-agenda-order');
  t.notMatch(page.body, 'Add an agenda item');
});

t.test('the whole order in one request: form or JSON, refusals kept on the page', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const a = app.services.agenda.create(staff, meeting.id, { title: 'Opening' });
  const b = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const c = app.services.agenda.create(staff, meeting.id, { title: 'Work streams', parentId: b.id });
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}`);
  const numbers = () => app.services.agenda.list(staff, meeting.id).map((i) => `${i.number} ${i.title}`);

  const saved = await web.post(`/meetings/${meeting.id}/order`, {
    items: JSON.stringify([{ id: b.id, children: [{ id: c.id }] }, { id: a.id }]),
  });
  t.equal(saved.statusCode, 303);
  t.same(numbers(), ['1 Cybersecurity', '1.1 Work streams', '2 Opening']);

  const unknown = await web.post(`/meetings/${meeting.id}/order`, {
    items: JSON.stringify([{ id: b.id, children: [{ id: c.id }] }, { id: a.id }, { id: 99999 }]),
  });
  t.equal(unknown.statusCode, 422);
  t.match(unknown.body, '<li><a class="ecl-link" href="#agenda">Agenda: Items 99999 are not on this agenda.</a></li>');
  const partial = await web.post(`/meetings/${meeting.id}/order`, { items: JSON.stringify([{ id: a.id }]) });
  t.equal(partial.statusCode, 422);
  t.match(
    partial.body,
    `<li><a class="ecl-link" href="#agenda">Agenda: The new order leaves out items ${b.id}, ${c.id}; send the whole agenda.</a></li>`,
  );
  t.same(numbers(), ['1 Cybersecurity', '1.1 Work streams', '2 Opening'], 'nothing changed');

  const json = await app.inject({
    method: 'POST',
    url: `/meetings/${meeting.id}/order`,
    cookies: web.cookies,
    headers: { 'x-csrf-token': web.csrf },
    payload: { items: [{ id: a.id }, { id: b.id, children: [{ id: c.id }] }] },
  });
  t.equal(json.statusCode, 200);
  t.same(json.json(), {
    items: [
      { id: a.id, number: '1' },
      { id: b.id, number: '2' },
      { id: c.id, number: '2.1' },
    ],
  });
  const noToken = await app.inject({
    method: 'POST',
    url: `/meetings/${meeting.id}/order`,
    cookies: web.cookies,
    payload: { items: [{ id: b.id, children: [{ id: c.id }] }, { id: a.id }] },
  });
  t.equal(noToken.statusCode, 403, 'the CSRF token is required');
  t.same(numbers(), ['1 Opening', '2 Cybersecurity', '2.1 Work streams']);
});
