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
