import t from 'tap';
import { build } from '../helper.js';
import { webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** The meetings page: the list and the form of a new meeting, through the API's schema and service. */

const NINETEENTH = {
  ordinal: '19',
  startDate: '2021-05-10',
  endDate: '2021-05-11',
  city: 'Lisbon',
  country: 'Portugal',
  draftingDeadline: '',
};

t.test('a second 18th meeting is refused by its number, the input kept', async (t) => {
  const app = await build(t);
  const { sam } = await webSecretariatWithMeeting(app);
  const web = await webSession(app, sam.email, '/meetings');
  const refused = await web.post('/meetings', { ...NINETEENTH, ordinal: '18' });
  t.equal(refused.statusCode, 422);
  t.match(refused.body, 'id="e-ordinal"');
  t.match(refused.body, 'The eHealth Network already has an 18th meeting (12-13 November 2020).');
  t.match(refused.body, 'name="ordinal" type="number" value="18"');
  t.match(refused.body, 'name="city" type="text" value="Lisbon"');
  t.equal(app.services.meetings.list().length, 1, 'nothing was created');

  const created = await web.post('/meetings', NINETEENTH);
  t.equal(created.statusCode, 303);
  t.equal(app.services.meetings.list().length, 2);
});
