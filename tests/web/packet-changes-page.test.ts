import t from 'tap';
import { build } from '../helper.js';
import { changeAfterPacket, meetingWithPacket } from '../support/addendum-meeting.js';
import { webPerson, webSession } from '../support/web-session.js';

t.test('the packet page lists what changed since the packet, in plain words with the reasons', async (t) => {
  const app = await build(t);
  const setup = await meetingWithPacket(app, 2);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${setup.meeting.id}`);

  const before = await web.get(`/packets/${setup.packetId}`);
  t.equal(before.statusCode, 200);
  t.match(before.body, '<h2>What changed since this packet</h2>');
  t.match(before.body, 'Nothing: the agenda and its notes are as this packet carried them.');

  await changeAfterPacket(app, setup);
  const after = await web.get(`/packets/${setup.packetId}`);
  t.equal(after.statusCode, 200);
  const items = [...after.body.matchAll(/<li class="ecl-unordered-list__item">([^<]*)<\/li>/g)].map((m) => m[1]);
  t.same(items, [
    'Item 1.1: annex &quot;Work plan&quot; replaced by a new file. Reason: Replaced the work plan with the signed copy.',
    'Item 1.2: the note is revised (revision 2, was revision 1). Reason: Corrected the date in paragraph 3.',
    'Item 2: the note is withdrawn.',
    'Item 3 &quot;European Health Data Space&quot; added, with its note.',
  ]);
});

t.test('the packet page sends the changes as an addendum; a refusal comes back on the form, as typed', async (t) => {
  const app = await build(t);
  const setup = await meetingWithPacket(app, 2);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${setup.meeting.id}`);

  const unchanged = await web.post(`/packets/${setup.packetId}/addendum`, { subject: 'Addendum', message: 'Hello.' });
  t.equal(unchanged.statusCode, 422, 'nothing changed: the packet page again, saying so');
  t.match(unchanged.body, 'Nothing changed since packet 1: there is no addendum to send.');
  t.notMatch(unchanged.body, 'id="addendum-form"', 'and no form to send nothing with');

  await changeAfterPacket(app, setup);
  const page = await web.get(`/packets/${setup.packetId}`);
  t.match(page.body, '<form class="agendum-form" method="post" action="/packets/1/addendum" id="addendum-form">');
  t.match(page.body, 'value="Addendum: {{meeting.displayLine}}"', 'a subject to start from');

  const blank = await web.post(`/packets/${setup.packetId}/addendum`, { subject: ' ', message: 'Kept message.' });
  t.equal(blank.statusCode, 422);
  t.match(blank.body, 'href="#addendum-subject">Subject: must not be blank');
  t.match(blank.body, 'Kept message.</textarea>');

  const sent = await web.post(`/packets/${setup.packetId}/addendum`, { subject: 'Addendum', message: 'Hello.' });
  t.equal(sent.statusCode, 303);
  t.match(sent.headers.location, /^\/packets\/2\?done=/);
  t.match(
    decodeURIComponent(String(sent.headers.location)),
    'Sending what changed to 2 recipient(s), the whole packet to 0.',
  );
  const second = await web.get('/packets/2');
  t.match(second.body, 'An addendum to <a class="ecl-link" href="/packets/1">packet 1</a>');
  const list = await web.get(`/meetings/${setup.meeting.id}/packets`);
  t.match(list.body, 'Addendum to packet 1');
});
