import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSession } from '../support/web-session.js';

t.test('notifications in plain words, unread first, each marked read by its own button', async (t) => {
  const app = await build(t);
  const rita = await webPerson(app, 'rapporteur', 'rita@example.org');
  const web = await webSession(app, rita.email, '/notifications');
  t.match((await web.get('/notifications')).body, '<p>You have no notifications.</p>');

  const { notifications } = app.services;
  notifications.notify([rita.id], { kind: 'note-return', itemId: 7, message: 'Item 9.2 was returned to drafting.' });
  notifications.notify([rita.id], {
    kind: 'deadline-reminder',
    meetingId: 3,
    message: 'The drafting deadline is on 2 November.',
  });
  const [reminder, returned] = notifications.list({ id: rita.id, name: rita.name, role: 'rapporteur' });
  t.equal(reminder!.kind, 'deadline-reminder');

  const read = await web.post(`/notifications/${returned!.id}/read`, {});
  t.equal(read.statusCode, 303);
  t.equal(read.headers.location, '/notifications?done=Marked%20as%20read.');

  const page = await web.get('/notifications');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1 class="ecl-page-header__title">Notifications</h1>');
  t.match(page.body, '<p>1 unread.</p>');
  t.match(page.body, '<span class="ecl-label ecl-label--medium">Drafting deadline soon</span> <strong>New</strong>');
  t.match(page.body, '<a class="ecl-link" href="/meetings/3">The drafting deadline is on 2 November.</a>');
  t.match(page.body, '<span class="ecl-label ecl-label--high">Returned to drafting</span></td>');
  t.match(page.body, '<a class="ecl-link" href="/items/7">Item 9.2 was returned to drafting.</a>');
  t.ok(
    page.body.indexOf('Drafting deadline soon') < page.body.indexOf('Returned to drafting'),
    'the unread one comes first',
  );
  t.match(page.body, `action="/notifications/${reminder!.id}/read"`);
  t.notMatch(page.body, `action="/notifications/${returned!.id}/read"`, 'a read one has no button');
  t.notMatch(page.body, 'note-return', 'never the code');
  t.equal((await web.post(`/notifications/999/read`, {})).statusCode, 404, 'not one of hers');
});

t.test('the audit check says the trail is intact, or which event breaks it; an admin only', async (t) => {
  const app = await build(t);
  const ada = await webPerson(app, 'admin', 'ada@example.org');
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const web = await webSession(app, ada.email, '/audit');
  const intact = await web.get('/audit');
  t.equal(intact.statusCode, 200);
  t.match(intact.body, '<h1 class="ecl-page-header__title">Audit check</h1>');
  t.match(intact.body, '<div class="ecl-notification ecl-notification--success" role="status">');
  t.match(intact.body, 'The audit trail is intact: 0 events, chain verified.');

  app.database.sqlite
    .prepare(
      `insert into audit_events (note_id, item_id, event, from_state, to_state, actor_id, at, prev_hash, hash)
       values (1, 1, 'submit', 'drafting', 'review', 1, '2020-11-01T09:00:00.000Z', 'x', 'y')`,
    )
    .run();
  const broken = await web.get('/audit');
  t.match(broken.body, '<div class="ecl-notification ecl-notification--error" role="status">');
  t.match(broken.body, 'The audit trail is broken at event 1: ');
  t.match(broken.body, '. 1 event checked.');

  const staff = await webSession(app, sam.email, '/meetings');
  const refused = await staff.get('/audit');
  t.equal(refused.statusCode, 403);
  t.match(refused.body, 'Only an admin verifies the audit trail.');
});
