import t from 'tap';
import { build } from '../helper.js';
import { recordedMeeting } from '../support/recorded-meeting.js';
import { webPerson, webSession } from '../support/web-session.js';

t.test('the secretariat records a meeting on its pages; a refused form keeps what was typed', async (t) => {
  const app = await build(t);
  const { meeting, item91, delegates } = await recordedMeeting(app);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/record`);

  const meetingPage = await web.get(`/meetings/${meeting.id}`);
  t.match(meetingPage.body, `href="/meetings/${meeting.id}/record">Record of the meeting</a>`);

  const details = await web.post(`/meetings/${meeting.id}/record`, {
    format: 'hybrid',
    coChairNames: ['Ioana-Maria Gligor', ''],
    coChairFunctions: ['Director, DG SANTE', ''],
  });
  t.equal(details.statusCode, 303);
  const sweden = delegates[26]!;
  const refused = await web.post(`/meetings/${meeting.id}/attendance/${sweden.id}`, {
    state: 'represented',
    representedById: '',
  });
  t.equal(refused.statusCode, 422, 'a representation without its representative is refused');
  t.match(refused.body, 'A represented person needs the person who represented them.');
  t.match(refused.body, /<option value="represented" selected>Represented<\/option>/, 'the choice is kept');
  t.match(refused.body, `href="#a-by-${sweden.id}"`, "the error summary links to the row's own field");
  const saved = await web.post(`/meetings/${meeting.id}/attendance/${sweden.id}`, {
    state: 'represented',
    representedById: String(delegates[19]!.id),
  });
  t.equal(saved.statusCode, 303);

  const conclusions = await web.post(`/items/${item91.id}/conclusions`, {
    text: 'The Network took note of the update[^1].\n\nMember States will send comments.',
    footnotes: 'NIS Cooperation Group, Work Stream 12.',
  });
  t.equal(conclusions.statusCode, 303);
  const badPoint = await web.post(`/items/${item91.id}/action-points`, {
    what: 'Send comments on the guidelines.',
    ownerPersonId: '',
    ownerDelegation: '',
    dueDate: '2021-01-15',
  });
  t.equal(badPoint.statusCode, 422, 'an action point needs an owner');
  t.match(badPoint.body, 'value="Send comments on the guidelines."', 'what was typed is kept');
  const point = await web.post(`/items/${item91.id}/action-points`, {
    what: 'Send comments on the guidelines.',
    ownerPersonId: '',
    ownerDelegation: 'Belgium',
    dueDate: '2021-01-15',
  });
  t.equal(point.statusCode, 303);

  const itemPage = await web.get(`/items/${item91.id}/record`);
  t.equal(itemPage.statusCode, 200);
  t.match(itemPage.body, 'The Network took note of the update[^1].\n\nMember States will send comments.</textarea>');
  t.match(itemPage.body, /data-label="Owner">Belgium<\/td>/);

  const page = await web.get(`/meetings/${meeting.id}/record`);
  t.match(page.body, 'Format: Hybrid.');
  t.match(page.body, 'Ioana-Maria Gligor, Director, DG SANTE');
  t.match(page.body, /data-label="Attendance">Represented by Delegate of Netherlands<\/td>/);
  t.match(page.body, '<p class="agendum-conclusion">The Network took note of the update[^1].</p>');
  t.match(page.body, 'Send comments on the guidelines. — Belgium, due 2021-01-15 (Open)');
});

t.test('a delegate reads the record page without forms and cannot post to it', async (t) => {
  const app = await build(t);
  const { meeting, item91, delegates } = await recordedMeeting(app);
  const dirk = await webPerson(app, 'delegate');
  const web = await webSession(app, dirk.email, `/meetings/${meeting.id}/record`);
  const page = await web.get(`/meetings/${meeting.id}/record`);
  t.equal(page.statusCode, 200);
  t.notMatch(page.body, `action="/meetings/${meeting.id}/attendance/`, 'no attendance forms');
  t.notMatch(page.body, `/items/${item91.id}/record`, 'no link to the item forms');
  t.equal((await web.get(`/items/${item91.id}/record`)).statusCode, 403);
  const post = await web.post(`/meetings/${meeting.id}/attendance/${delegates[0]!.id}`, { state: 'present' });
  t.equal(post.statusCode, 403);
  const conclusions = await web.post(`/items/${item91.id}/conclusions`, { text: 'Rewritten.', footnotes: '' });
  t.equal(conclusions.statusCode, 403);
});
