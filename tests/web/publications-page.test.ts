import t from 'tap';
import { simpleContent } from '../factories.js';
import { build } from '../helper.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

/** A note released, reopened and revised, in review again: the next release is a corrected one. */
async function revised(t: Parameters<typeof build>[0]) {
  let now = new Date('2020-11-02T09:00:00.000Z');
  const app = await build(t, { now: () => now });
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const dora = await webPerson(app, 'delegate');
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const { notes, workflow } = app.services;
  notes.createVersion(staff, item.id, simpleContent('The first summary.'));
  workflow.perform(staff, item.id, { event: 'submit' });
  workflow.perform(staff, item.id, { event: 'release', procedure: 'for-information' });
  now = new Date('2020-11-09T09:00:00.000Z');
  workflow.perform(staff, item.id, { event: 'reopen', comment: 'A date was wrong.' });
  notes.createVersion(staff, item.id, simpleContent('The corrected summary.'));
  workflow.perform(staff, item.id, { event: 'submit' });
  const secretariat = await webSession(app, sam.email, `/items/${item.id}`);
  return { app, item, secretariat, dora };
}

const etagOf = (body: string) => /name="etag" value="([^"]+)"/.exec(body)![1]!.replaceAll('&quot;', '"');

t.test('the corrected release asks for a reason, and a blank one comes back on its field', async (t) => {
  const { item, secretariat } = await revised(t);
  const page = await secretariat.get(`/items/${item.id}`);
  t.match(page.body, 'id="r-release" name="reason"', 'the release box has a reason field');
  t.match(page.body, 'Revision 2: say what was corrected, in one line.');

  const blank = await secretariat.post(`/items/${item.id}/transition`, {
    event: 'release',
    procedure: 'for-information',
    reason: ' ',
    etag: etagOf(page.body),
  });
  t.equal(blank.statusCode, 422);
  t.match(
    blank.body,
    /<div class="ecl-feedback-message" id="e-reason">The note was released before: say in one line why it is released again \(revision 2\)/,
  );

  const done = await secretariat.post(`/items/${item.id}/transition`, {
    event: 'release',
    procedure: 'for-information',
    reason: 'Corrected the date in paragraph 3',
    etag: etagOf(page.body),
  });
  t.equal(done.statusCode, 303);
});

t.test('a delegate lists the publications, each with its PDF and its changes from the one before', async (t) => {
  const { app, item, secretariat, dora } = await revised(t);
  const page = await secretariat.get(`/items/${item.id}`);
  await secretariat.post(`/items/${item.id}/transition`, {
    event: 'release',
    procedure: 'for-information',
    reason: 'Corrected the date in paragraph 3',
    etag: etagOf(page.body),
  });
  const delegate = await webSession(app, dora.email, `/items/${item.id}`);
  const body = (await delegate.get(`/items/${item.id}`)).body;
  const base = `/api/v1/items/${item.id}/note/publications`;
  t.match(body, '<h2 id="publications">Publications</h2>');
  t.match(body, '<td class="ecl-table__cell" data-label="Released">9 November 2020</td>');
  t.match(body, '<td class="ecl-table__cell" data-label="Reason">Corrected the date in paragraph 3</td>');
  t.match(body, `<a class="ecl-link" href="${base}/2/pdf">PDF<span class="ecl-u-sr-only"> of revision 2</span></a>`);
  t.match(body, `<a class="ecl-link" href="${base}/1/redline/2">Changes from revision 1 (PDF)</a>`);
  t.match(body, `<a class="ecl-link" href="${base}/1/pdf">PDF<span class="ecl-u-sr-only"> of revision 1</span></a>`);
  t.ok(body.indexOf('Revision 2') < body.indexOf('Revision 1'), 'the latest first');

  const redline = await delegate.get(`${base}/1/redline/2`);
  t.equal(redline.statusCode, 200);
  t.equal(redline.headers['content-type'], 'application/pdf');
});

t.test('the compare page offers the redline of the two versions', async (t) => {
  const { item, secretariat } = await revised(t);
  const page = await secretariat.get(`/items/${item.id}/diff?a=1&b=2`);
  t.equal(page.statusCode, 200);
  t.match(page.body, `<a class="ecl-link" href="/api/v1/items/${item.id}/note/versions/1/redline/2">Redline (PDF)`);
  const pdf = await secretariat.get(`/api/v1/items/${item.id}/note/versions/1/redline/2`);
  t.equal(pdf.statusCode, 200);
});
