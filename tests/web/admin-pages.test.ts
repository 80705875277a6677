import { readFileSync } from 'node:fs';
import t from 'tap';
import { build, reposOf } from '../helper.js';
import { multipart } from '../support/multipart.js';
import { webPerson, webSecretariatWithMeeting, webSession } from '../support/web-session.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/people/${name}`, import.meta.url), 'utf8');

t.test(
  'the people page filters with a GET form, keeping what was asked; a bad filter is said on its field',
  async (t) => {
    const app = await build(t);
    const sam = await webPerson(app, 'secretariat', 'sam@example.org');
    for (const [name, email, memberState] of [
      ['Jürgen Müller', 'juergen@bmg.bund.de', 'DE'],
      ['Ana Conceição', 'ana@spms.pt', 'PT'],
    ] as const)
      await app.services.people.create('system', { name, email, role: 'delegate', memberState });
    const web = await webSession(app, sam.email, '/people');
    const page = await web.get('/people?q=muller&role=delegate&memberState=&active=');
    t.equal(page.statusCode, 200);
    t.match(page.body, '<form method="get" action="/people" class="agendum-form" role="search"');
    t.match(page.body, 'name="q" type="text" value="muller"');
    t.match(page.body, '<option value="delegate" selected>Delegate</option>');
    t.match(page.body, '<p role="status">1 person found</p>');
    t.match(page.body, '>Jürgen Müller</a>');
    t.notMatch(page.body, 'Ana Conceição');
    const bad = await web.get('/people?memberState=de');
    t.equal(bad.statusCode, 422);
    t.match(bad.body, 'href="#filter-member-state">Member State: must match pattern');
    t.match(bad.body, '<p role="status">3 people</p>', 'the list unfiltered');
  },
);

t.test("a person's page lists their sessions and tokens and ends them; a delegate's own page does not", async (t) => {
  const app = await build(t);
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const dora = await webPerson(app, 'delegate', 'dora@example.org');
  await webSession(app, dora.email, '/meetings');
  const token = app.services.auth.createToken({ id: dora.id, name: dora.name, role: 'delegate' }, 'Reporting script');
  const web = await webSession(app, sam.email, `/people/${dora.id}`);
  const page = await web.get(`/people/${dora.id}`);
  t.match(page.body, '<h2 id="sign-ins">Sign-ins</h2>');
  t.match(page.body, '<td class="ecl-table__cell" data-label="How">Password</td>');
  t.match(page.body, '<td class="ecl-table__cell agendum-break" data-label="Name">Reporting script</td>');
  t.notMatch(page.body, token.token);
  const [session] = app.services.credentials.listSessions({ id: sam.id, name: sam.name, role: 'secretariat' }, dora.id);
  const ended = await web.post(`/people/${dora.id}/sessions/${session!.id}/revoke`, {});
  t.equal(ended.statusCode, 303);
  t.equal(ended.headers.location, `/people/${dora.id}?done=The%20session%20is%20ended.`);
  const revoked = await web.post(`/people/${dora.id}/tokens/${token.id}/revoke`, {});
  t.equal(revoked.statusCode, 303);
  const after = await web.get(`/people/${dora.id}`);
  t.match(after.body, '<p>No open session.</p>');
  t.match(after.body, 'data-label="State">Revoked 2020-11-01 09:00 UTC</td>');

  const admin = await webPerson(app, 'admin', 'root@example.org');
  const ofAdmin = await web.get(`/people/${admin.id}`);
  t.notMatch(ofAdmin.body, 'Sign-ins', "the secretariat does not see an admin's sign-ins");
  const refused = await web.post(`/people/${admin.id}/tokens/1/revoke`, {});
  t.equal(refused.statusCode, 403);
});

t.test('distribution groups: create (a duplicate kept on the form), add and take out members, delete', async (t) => {
  const app = await build(t);
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const ana = await app.services.people.create('system', { name: 'Ana Silva', email: 'ana@x.pt', role: 'delegate' });
  const web = await webSession(app, sam.email, '/groups');
  const created = await web.post('/groups', { name: 'Delegation PT', description: '' });
  t.equal(created.statusCode, 303);
  const group = reposOf(app).groups.findByName('delegation pt')!;
  t.equal(created.headers.location, `/groups/${group.id}?done=Group%20created.`);
  const twice = await web.post('/groups', { name: 'delegation pt', description: 'Again' });
  t.equal(twice.statusCode, 422);
  t.match(twice.body, 'href="#group-name">Name: A distribution group is already called Delegation PT.');
  t.match(twice.body, '>Again</textarea>', 'the input kept');

  const page = await web.get(`/groups/${group.id}`);
  t.match(page.body, `<option value="${ana.id}">Ana Silva (Delegate)</option>`);
  t.equal((await web.post(`/groups/${group.id}/members`, { personIds: String(ana.id) })).statusCode, 303);
  const withAna = await web.get(`/groups/${group.id}`);
  t.match(withAna.body, `<a class="ecl-link" href="/people/${ana.id}">Ana Silva</a>`);
  t.match(withAna.body, 'aria-label="Take out Ana Silva"');
  const nobody = await web.post(`/groups/${group.id}/members`, { personIds: '9999' });
  t.equal(nobody.statusCode, 422);
  t.match(nobody.body, 'No person 9999.');
  t.equal((await web.post(`/groups/${group.id}/members/${ana.id}/remove`, {})).statusCode, 303);
  t.equal(reposOf(app).groups.members(group.id).length, 0);
  const renamed = await web.post(`/groups/${group.id}`, { name: 'Delegation of Portugal', description: '' });
  t.equal(renamed.statusCode, 303);
  t.equal((await web.post(`/groups/${group.id}/delete`, {})).headers.location, '/groups?done=Group%20deleted.');
  t.equal((await web.get(`/groups/${group.id}`)).statusCode, 404);
});

t.test("a meeting's recipient list gains a group's members from the recipients page", async (t) => {
  const app = await build(t);
  const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
  const ana = await app.services.people.create('system', { name: 'Ana Silva', email: 'ana@x.pt', role: 'delegate' });
  const group = app.services.groups.create(staff, { name: 'Observers' });
  app.services.groups.addMembers(staff, group.id, [ana.id]);
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/recipients`);
  const page = await web.get(`/meetings/${meeting.id}/recipients`);
  t.match(page.body, '<h2 id="from-group-heading">Add a distribution group to a list</h2>');
  t.match(page.body, `<option value="${group.id}">Observers (1 member)</option>`);
  const added = await web.post(`/meetings/${meeting.id}/recipients/groups`, {
    groupId: String(group.id),
    list: 'observers',
  });
  t.equal(added.statusCode, 303);
  t.same(
    app.services.recipients.list(staff, meeting.id).map((r) => [r.list, r.name]),
    [['observers', 'Ana Silva']],
  );
  const bad = await web.post(`/meetings/${meeting.id}/recipients/groups`, { groupId: '9999', list: 'observers' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, 'Distribution group 9999 does not exist.');
});

t.test('the import page: a file checked, its bad lines named, the text mended and confirmed as checked', async (t) => {
  const app = await build(t);
  const admin = await webPerson(app, 'admin', 'root@example.org');
  const web = await webSession(app, admin.email, '/people/import');
  const bad = fixture('ehn-delegations-two-bad-lines.csv');
  const upload = multipart([
    { name: '_csrf', content: web.csrf },
    { name: 'file', fileName: 'delegations.csv', type: 'text/csv', content: bad },
  ]);
  const report = await app.inject({ method: 'POST', url: '/people/import', cookies: web.cookies, ...upload });
  t.equal(report.statusCode, 422);
  t.match(report.body, 'The file has 2 wrong lines: nothing can be imported');
  t.match(report.body, 'href="#import-csv">Line 12, email: must match format');
  t.match(report.body, 'href="#import-csv">Line 40, role: must be one of admin, secretariat, rapporteur, delegate');
  t.notMatch(report.body, 'action="/people/import/apply"', 'no confirmation while a line is wrong');
  t.match(report.body, 'Femke de Vries,femke.devries@minvws.nl,chair,NL', 'the text kept in the box');
  t.equal(reposOf(app).people.count(), 1);

  const checked = await web.post('/people/import/check', { csv: fixture('ehn-delegations.csv') });
  t.equal(checked.statusCode, 200);
  t.match(checked.body, '60 new people, 0 people updated, 0 people unchanged.');
  t.match(checked.body, 'Import 60 people</button>');
  const hidden = /<input type="hidden" name="csv" value="([^"]*)">/.exec(checked.body)![1]!;
  const csv = hidden
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const done = await web.post('/people/import/apply', { csv });
  t.equal(done.statusCode, 303);
  t.equal(done.headers.location, '/people?done=Imported%3A%2060%20new%2C%200%20updated.');
  t.equal(reposOf(app).people.count(), 61);

  const refused = await web.post('/people/import/apply', { csv: bad });
  t.equal(refused.statusCode, 422, 'checked again at the import');
  const noFile = multipart([{ name: '_csrf', content: web.csrf }]);
  const none = await app.inject({ method: 'POST', url: '/people/import', cookies: web.cookies, ...noFile });
  t.equal(none.statusCode, 422);
  t.match(none.body, 'href="#import-file">File: The request has no part named');
});

t.test('a delegate sees none of the admin pages', async (t) => {
  const app = await build(t);
  const dora = await webPerson(app, 'delegate', 'dora@example.org');
  const web = await webSession(app, dora.email, '/meetings');
  for (const url of ['/people?q=a', '/groups', '/people/import']) t.equal((await web.get(url)).statusCode, 403, url);
});
