import t from 'tap';
import { build, reposOf } from '../helper.js';
import { webPerson, webSession } from '../support/web-session.js';

const MENU_PEOPLE = '<a class="ecl-link ecl-link--standalone agendum-menu__link" href="/people"';

t.test('the secretariat lists people with their role and delegation in plain words', async (t) => {
  const app = await build(t);
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  await app.services.people.create('system', {
    name: 'Dora Delegate',
    email: 'dora@example.org',
    role: 'delegate',
    organisation: 'Ministry of Health',
    memberState: 'BE',
  });
  const web = await webSession(app, sam.email, '/people');
  const page = await web.get('/people');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1 class="ecl-page-header__title">People</h1>');
  t.match(page.body, `${MENU_PEOPLE} aria-current="page">People</a>`);
  t.match(page.body, '<table class="ecl-table ecl-table--zebra agendum-stack-table agendum-compact-table">');
  t.match(page.body, /<a class="ecl-link" href="\/people\/\d+">Dora Delegate<\/a>/);
  t.match(page.body, '<td class="ecl-table__cell" data-label="Role">Delegate</td>');
  t.match(page.body, '<td class="ecl-table__cell" data-label="Delegation">Ministry of Health, BE</td>');
  t.match(page.body, '<td class="ecl-table__cell" data-label="Account">Cannot sign in (no password)</td>');
  t.match(page.body, '<td class="ecl-table__cell" data-label="Role">Secretariat</td>');
});

t.test('a new account through the API schema; a duplicate or a bad email comes back with the input kept', async (t) => {
  const app = await build(t);
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const web = await webSession(app, sam.email, '/people/new');
  const form = (await web.get('/people/new')).body;
  t.match(form, '<option value="rapporteur">Rapporteur</option><option value="delegate" selected>Delegate</option>');
  t.notMatch(form, 'value="secretariat"', 'the secretariat gives no staff role: not offered');
  t.notMatch(form, 'value="admin"');

  const created = await web.post('/people', {
    name: 'Rita Rapporteur',
    email: 'rita@example.org',
    role: 'rapporteur',
    organisation: '',
    memberState: 'PT',
    password: '',
  });
  t.equal(created.statusCode, 303);
  const rita = reposOf(app).people.findByEmail('rita@example.org')!;
  t.equal(created.headers.location, `/people/${rita.id}?done=Account%20created.`);
  t.match(rita, { name: 'Rita Rapporteur', role: 'rapporteur', memberState: 'PT', organisation: null });

  const duplicate = await web.post('/people', {
    name: 'Rita Again',
    email: 'RITA@example.org',
    role: 'delegate',
    password: 'a long password 1',
  });
  t.equal(duplicate.statusCode, 422);
  t.match(
    duplicate.body,
    '<li><a class="ecl-link" href="#person-email">Email: RITA@example.org already belongs to somebody.</a></li>',
  );
  t.match(
    duplicate.body,
    '<div class="ecl-feedback-message" id="e-email">RITA@example.org already belongs to somebody.</div>',
  );
  t.match(duplicate.body, 'value="Rita Again"', 'the name typed is kept');
  t.match(duplicate.body, 'value="RITA@example.org"', 'the email typed is kept');
  t.notMatch(duplicate.body, 'a long password 1', 'the password is not shown again');

  const bad = await web.post('/people', { name: 'Nobody', email: 'not an email', role: 'delegate' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '<li><a class="ecl-link" href="#person-email">Email: must match format &quot;email&quot;</a></li>');
  t.match(bad.body, 'value="not an email"');
  t.equal(reposOf(app).people.count(), 2, 'nothing more saved');
});

t.test('the secretariat changes a delegate; a bad Member State comes back with the input kept', async (t) => {
  const app = await build(t);
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const dora = await webPerson(app, 'delegate', 'dora@example.org');
  const web = await webSession(app, sam.email, `/people/${dora.id}`);
  const page = await web.get(`/people/${dora.id}`);
  t.match(page.body, '<h1 class="ecl-page-header__title">Web delegate</h1>');
  t.match(page.body, '<dd class="ecl-description-list__definition">One PDF with the agenda and every note</dd>');
  t.match(page.body, `<form method="post" action="/people/${dora.id}" class="agendum-form" novalidate>`);

  const refused = await web.post(`/people/${dora.id}`, {
    name: 'Dora Delegate',
    role: 'rapporteur',
    organisation: 'Ministry of Health',
    memberState: 'Belgium',
    isActive: 'true',
  });
  t.equal(refused.statusCode, 422);
  t.match(refused.body, '<li><a class="ecl-link" href="#person-member-state">Member State: must match pattern');
  t.match(refused.body, 'value="Belgium"');
  t.match(refused.body, 'value="Dora Delegate"');
  t.match(refused.body, '<option value="rapporteur" selected>Rapporteur</option>');
  t.equal(reposOf(app).people.findById(dora.id)!.name, 'Web delegate', 'nothing saved');

  const saved = await web.post(`/people/${dora.id}`, {
    name: 'Dora Delegate',
    role: 'rapporteur',
    organisation: 'Ministry of Health',
    memberState: 'BE',
    isActive: 'false',
  });
  t.equal(saved.statusCode, 303);
  t.equal(saved.headers.location, `/people/${dora.id}?done=Saved.`);
  t.match(reposOf(app).people.findById(dora.id), {
    name: 'Dora Delegate',
    role: 'rapporteur',
    organisation: 'Ministry of Health',
    memberState: 'BE',
    isActive: false,
  });
});

t.test('a secretariat member demoted to delegate loses the People menu and gets a 403 page', async (t) => {
  const app = await build(t);
  const ada = await webPerson(app, 'admin', 'ada@example.org');
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const samWeb = await webSession(app, sam.email, '/meetings');
  t.match((await samWeb.get('/meetings')).body, MENU_PEOPLE, 'before: People in the menu');

  const adaWeb = await webSession(app, ada.email, `/people/${sam.id}`);
  const demoted = await adaWeb.post(`/people/${sam.id}`, {
    name: 'Web secretariat',
    role: 'delegate',
    organisation: '',
    memberState: '',
    isActive: 'true',
  });
  t.equal(demoted.statusCode, 303);

  const meetings = await samWeb.get('/meetings');
  t.equal(meetings.statusCode, 200);
  t.notMatch(meetings.body, MENU_PEOPLE, 'after: no People in the menu');
  t.match(meetings.body, '<a class="ecl-link ecl-link--standalone agendum-menu__link" href="/account">My account</a>');
  const people = await samWeb.get('/people');
  t.equal(people.statusCode, 403);
  t.match(people.headers['content-type'], 'text/html');
  t.match(people.body, '<h1 class="ecl-page-header__title">Not allowed</h1>');
  t.match(people.body, 'Only the secretariat sees the list of people.');
  t.equal((await samWeb.get('/people/new')).statusCode, 403);
});

t.test('the audit check is in the menu of an admin only', async (t) => {
  const app = await build(t);
  const ada = await webPerson(app, 'admin', 'ada@example.org');
  const sam = await webPerson(app, 'secretariat', 'sam@example.org');
  const audit = '<a class="ecl-link ecl-link--standalone agendum-menu__link" href="/audit">Audit check</a>';
  t.match((await (await webSession(app, ada.email, '/meetings')).get('/meetings')).body, audit);
  t.notMatch((await (await webSession(app, sam.email, '/meetings')).get('/meetings')).body, audit);
});
