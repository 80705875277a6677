import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** The networks page: POST /api/v1/networks's schema and service, header lines one per line. */
t.test('the secretariat lists networks and creates one with its header lines; refusals keep the input', async (t) => {
  const app = await build(t);
  const { sam } = await webSecretariatWithMeeting(app);
  const web = await webSession(app, sam.email, '/networks');
  const page = await web.get('/networks');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<td class="ecl-table__cell" data-label="Name">eHealth Network</td>');

  const created = await web.post('/networks', {
    name: 'Cancer Mission Board',
    headerLines: 'EUROPEAN COMMISSION\r\nDIRECTORATE-GENERAL FOR HEALTH',
  });
  t.equal(created.statusCode, 303);
  t.same(
    app.services.meetings.listNetworks().map((n) => [n.name, n.headerLines]),
    [
      ['eHealth Network', []],
      ['Cancer Mission Board', ['EUROPEAN COMMISSION', 'DIRECTORATE-GENERAL FOR HEALTH']],
    ],
  );
  const listed = await web.get('/networks');
  t.match(listed.body, 'EUROPEAN COMMISSION<br>DIRECTORATE-GENERAL FOR HEALTH');

  const taken = await web.post('/networks', { name: 'eHealth Network', headerLines: 'A\nB' });
  t.equal(taken.statusCode, 422);
  t.match(
    taken.body,
    '<div class="ecl-feedback-message" id="e-name">A network named eHealth Network exists already.</div>',
  );
  t.match(taken.body, /aria-describedby="h-network-header">A\nB<\/textarea>/, 'the lines typed are kept');

  const tooMany = await web.post('/networks', {
    name: 'Big',
    headerLines: Array.from({ length: 13 }, (_, i) => `L${i}`).join('\n'),
  });
  t.equal(tooMany.statusCode, 422);
  t.match(tooMany.body, 'Note header lines: must NOT have more than 12 items');
  t.match(tooMany.body, 'name="name" type="text" value="Big"');
  t.equal(app.services.meetings.listNetworks().length, 2, 'nothing else created');
});

t.test('a delegate may not open the networks page', async (t) => {
  const app = await build(t);
  await webSecretariatWithMeeting(app);
  const dirk = await webPerson(app, 'delegate');
  const web = await webSession(app, dirk.email, '/meetings');
  t.equal((await web.get('/networks')).statusCode, 403);
});
