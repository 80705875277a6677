import t from 'tap';
import { actor } from '../../factories.js';
import { as, build, signedIn } from '../../helper.js';
import { changeAfterPacket, meetingWithPacket } from '../../support/addendum-meeting.js';

t.test('what changed since packet 1: exactly the four changes, with the reasons given', async (t) => {
  const app = await build(t);
  const setup = await meetingWithPacket(app, 2);
  const url = `/api/v1/meetings/${setup.meeting.id}/packets/${setup.packetId}/changes`;

  const none = await as(app, setup.secretariat, { method: 'GET', url });
  t.equal(none.statusCode, 200);
  t.same(none.json().changes, [], 'nothing changed yet');

  await changeAfterPacket(app, setup);
  const res = await as(app, setup.secretariat, { method: 'GET', url });
  t.equal(res.statusCode, 200);
  t.same(
    res
      .json()
      .changes.map((c: Record<string, unknown>) => [c.kind, c.number, c.summary, c.reason, c.publicationNumber]),
    [
      [
        'annex-replaced',
        '1.1',
        'Item 1.1: annex "Work plan" replaced by a new file.',
        'Replaced the work plan with the signed copy.',
        3,
      ],
      [
        'note-revised',
        '1.2',
        'Item 1.2: the note is revised (revision 2, was revision 1).',
        'Corrected the date in paragraph 3.',
        2,
      ],
      ['note-withdrawn', '2', 'Item 2: the note is withdrawn.', null, null],
      ['item-added', '3', 'Item 3 "European Health Data Space" added, with its note.', null, 1],
    ],
  );
  // The signed plan's file, not the first annex titled "Work plan": the addendum attaches that one.
  const [signed] = app.services.ingest.listAnnexes(actor(setup.secretariat), setup.item91);
  t.match(signed, { title: 'Work plan', fileName: 'plan-signed.pdf' });
  t.equal(res.json().changes[0].annexId, signed!.id, 'the replaced annex names its file now');
});

t.test('what changed since a packet is for staff; another meeting has no such packet', async (t) => {
  const app = await build(t);
  const setup = await meetingWithPacket(app, 1);
  const url = `/api/v1/meetings/${setup.meeting.id}/packets/${setup.packetId}/changes`;
  const delegate = await signedIn(app, 'delegate');
  t.equal((await as(app, delegate, { method: 'GET', url })).statusCode, 403);
  const wrong = await as(app, setup.secretariat, {
    method: 'GET',
    url: `/api/v1/meetings/${setup.meeting.id + 1}/packets/${setup.packetId}/changes`,
  });
  t.equal(wrong.statusCode, 404);
});
