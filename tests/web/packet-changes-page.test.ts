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
