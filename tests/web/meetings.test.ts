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

t.test('the list shows 25 meetings a page, each with its status in plain words', async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  app.services.meetings.update(staff, meeting.id, { status: 'held' });
  for (let ordinal = 19; ordinal <= 44; ordinal += 1) {
    app.services.meetings.create(staff, {
      ordinal,
      startDate: `2021-${String(((ordinal - 19) % 12) + 1).padStart(2, '0')}-10`,
      endDate: `2021-${String(((ordinal - 19) % 12) + 1).padStart(2, '0')}-11`,
      city: 'Brussels',
      country: 'Belgium',
    });
  }
  const web = await webSession(app, sam.email, '/meetings');
  const first = await web.get('/meetings');
  t.equal(first.body.match(/<tr class="ecl-table__row">/g)!.length - 1, 25, '25 meetings on the first page');
  t.match(first.body, '<span class="ecl-pagination__text ecl-pagination__text--summary" aria-current="page">1</span>');
  t.match(first.body, 'href="/meetings?page&#x3D;2" aria-label="Go to page 2">Next</a>');
  t.notMatch(first.body, '18th eHealth Network meeting', 'the oldest is on page 2');
  const second = await web.get('/meetings?page=2');
  t.equal(second.body.match(/<tr class="ecl-table__row">/g)!.length - 1, 2, 'the last two on page 2');
  t.match(second.body, `<a class="ecl-link" href="/meetings/${meeting.id}">18th eHealth Network meeting</a>`);
  t.match(
    second.body,
    '<td class="ecl-table__cell" data-label="Status"><span class="ecl-label ecl-label--highlight">Held</span></td>',
  );
  t.match(second.body, '<td class="ecl-table__cell" data-label="Place">Brussels, Belgium</td>');
  t.match(second.body, 'href="/meetings?page&#x3D;1" aria-label="Go to page 1">Previous</a>');
  const past = await web.get('/meetings?page=9');
  t.match(past.body, 'aria-current="page">2</span>', 'a page past the last shows the last');
});
