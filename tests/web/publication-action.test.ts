import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { actor } from '../factories.js';
import { as, build, problemOf, signedIn, testConfig } from '../helper.js';
import { webPerson, webSession } from '../support/web-session.js';

/** The 18th meeting with one public item, its note released. */
async function publicMeeting(app: Awaited<ReturnType<typeof build>>) {
  const secretariat = await signedIn(app, 'secretariat');
  const staff = actor(secretariat);
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: ['EUROPEAN COMMISSION'] });
  const meeting = app.services.meetings.create(staff, {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
  });
  const item = app.services.agenda.create(staff, meeting.id, { title: 'Opening', audience: 'public' });
  app.services.notes.createVersion(staff, item.id, {
    sections: {
      issueAtStake: ['What is at stake.'],
      summary: ['The opening summary.'],
      procedure: ['For information.'],
    },
  });
  app.services.workflow.perform(staff, item.id, { event: 'submit' });
  app.services.workflow.perform(staff, item.id, { event: 'release', procedure: 'for-information' });
  return { secretariat, staff, meeting };
}

t.test('POST /meetings/:id/publication publishes for the secretariat; others get a problem', async (t) => {
  const config = testConfig(t, { AGENDUM_PUBLISH_DIR: 'site' });
  const app = await build(t, { config });
  const { secretariat, meeting } = await publicMeeting(app);
  t.equal(config.publishDir, join(config.dataDir, 'site'), 'a relative AGENDUM_PUBLISH_DIR is under the data folder');
  const url = `/api/v1/meetings/${meeting.id}/publication`;

  const delegate = await signedIn(app, 'delegate');
  const refused = await as(app, delegate, { method: 'POST', url, payload: {} });
  t.equal(refused.statusCode, 403, refused.body);
  t.match(problemOf(t, refused), { code: 'AGENDUM_FORBIDDEN', detail: 'Publishing a meeting is for the secretariat.' });
  t.notOk(existsSync(config.publishDir), 'nothing was built');

  const unknown = await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings/9999/publication', payload: {} });
  t.equal(unknown.statusCode, 404);
  t.equal(problemOf(t, unknown).code, 'AGENDUM_NOT_FOUND');

  const stray = await as(app, secretariat, { method: 'POST', url, payload: { folder: '/etc' } });
  t.equal(stray.statusCode, 400, 'the body names nothing: the folder is the configuration’s');

  const done = await as(app, secretariat, { method: 'POST', url, payload: {} });
  t.equal(done.statusCode, 200);
  t.same(done.json(), { meetingId: meeting.id, publishedAt: '2020-11-01T09:00:00.000Z', meetings: 1, files: 6 });
  t.match(readFileSync(join(config.publishDir, '18th-ehealth-network/item-1.html'), 'utf8'), /The opening summary\./);

  app.services.meetings.update(actor(secretariat), meeting.id, { status: 'cancelled' });
  const cancelled = await as(app, secretariat, { method: 'POST', url, payload: {} });
  t.equal(cancelled.statusCode, 409);
  t.equal(problemOf(t, cancelled).detail, 'A cancelled meeting is not published.');
});

t.test('the meeting page offers Publish to the secretariat, and shows a refusal on the page', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config });
  const { staff, meeting } = await publicMeeting(app);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}`);

  const page = await web.get(`/meetings/${meeting.id}`);
  t.match(page.body, '<h2 id="publication-heading">Publication</h2>');
  t.match(page.body, 'Not published yet.');
  t.match(page.body, `<form method="post" action="/meetings/${meeting.id}/publication"`);

  const published = await web.post(`/meetings/${meeting.id}/publication`, {});
  t.equal(published.statusCode, 303, `${published.statusCode} ${published.body.slice(0, 300)}`);
  t.equal(
    published.headers.location,
    `/meetings/${meeting.id}?done=${encodeURIComponent('Meeting published: the public folder holds 1 meeting(s) in 6 file(s).')}`,
  );
  t.match((await web.get(`/meetings/${meeting.id}`)).body, 'Last published 1 November 2020.');
  t.ok(existsSync(join(config.publishDir, '18th-ehealth-network/index.html')));

  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  const refused = await web.post(`/meetings/${meeting.id}/publication`, {});
  t.equal(refused.statusCode, 422);
  t.match(refused.body, /ecl-notification--error|error-summary/i, 'an error summary');
  t.match(refused.body, 'A cancelled meeting is not published.');

  const dana = await webPerson(app, 'delegate');
  const reader = await webSession(app, dana.email, `/meetings/${meeting.id}`);
  t.notMatch((await reader.get(`/meetings/${meeting.id}`)).body, 'publication-heading', 'a delegate sees no Publish');
  const forbidden = await reader.post(`/meetings/${meeting.id}/publication`, {});
  t.equal(forbidden.statusCode, 403);
});
