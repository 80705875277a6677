import t from 'tap';
import { as, build, signedIn } from '../../helper.js';
import { webSession } from '../../support/web-session.js';

t.test('every change to a person is in the people audit, named, newest first; the chain verifies', async (t) => {
  const app = await build(t);
  const admin = await signedIn(app, 'admin', 'Ada Admin');
  const secretariat = await signedIn(app, 'secretariat', 'Sam Secretariat');
  const created = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/people',
    payload: { name: 'Ruta Jonaitė', email: 'ruta@sam.lt', role: 'delegate', memberState: 'LT' },
  });
  const id = created.json().id as number;
  await as(app, secretariat, { method: 'PATCH', url: `/api/v1/people/${id}`, payload: { role: 'rapporteur' } });
  await as(app, secretariat, { method: 'PATCH', url: `/api/v1/people/${id}`, payload: { name: 'Rūta Jonaitė' } });
  await as(app, secretariat, { method: 'PATCH', url: `/api/v1/people/${id}`, payload: { isActive: false } });
  await as(app, secretariat, { method: 'PATCH', url: `/api/v1/people/${id}`, payload: { isActive: true } });

  const res = await as(app, secretariat, { method: 'GET', url: `/api/v1/audit/people?personId=${id}` });
  t.equal(res.statusCode, 200);
  const sam = { id: secretariat.id, name: 'Sam Secretariat' };
  const ruta = { id, name: 'Rūta Jonaitė' };
  t.same(
    res.json().map((e: Record<string, unknown>) => [e.action, e.actor, e.person, e.detail]),
    [
      ['reactivated', sam, ruta, null],
      ['deactivated', sam, ruta, null],
      ['changed', sam, ruta, '{"fields":["name"]}'],
      ['role-changed', sam, ruta, '{"from":"delegate","to":"rapporteur"}'],
      ['created', sam, ruta, '{"role":"delegate","memberState":"LT"}'],
    ],
  );
  const delegate = await signedIn(app, 'delegate');
  t.equal((await as(app, delegate, { method: 'GET', url: '/api/v1/audit/people' })).statusCode, 403);

  const verify = await as(app, admin, { method: 'GET', url: '/api/v1/audit/verify' });
  t.same(verify.json(), { ok: true, checked: 0, people: { ok: true, checked: 8 } });

  // An edited row breaks the chain; the trigger refuses edits, so the test drops it first, as an attacker would.
  app.database.sqlite.exec('drop trigger person_audit_events_no_update');
  app.database.sqlite.prepare("update person_audit_events set detail = '{}' where action = 'role-changed'").run();
  t.match((await as(app, admin, { method: 'GET', url: '/api/v1/audit/verify' })).json(), {
    ok: false,
    people: { ok: false, brokenAt: 4, reason: /edited/ },
  });
  t.throws(
    () => app.database.sqlite.prepare('delete from person_audit_events').run(),
    /the people audit is append-only/,
    'deleting is refused by the trigger',
  );
});

t.test('the people audit page lists the changes to one account', async (t) => {
  const app = await build(t);
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@ec.europa.eu',
    role: 'secretariat',
    password: 'correct horse battery',
  });
  const person = await app.services.people.create('system', {
    name: 'Ольга Петрова',
    email: 'olga@mh.bg',
    role: 'delegate',
  });
  const session = await webSession(app, 'sam@ec.europa.eu', `/people/audit?personId=${person.id}`);
  const page = await session.get(`/people/audit?personId=${person.id}`);
  t.equal(page.statusCode, 200);
  t.match(
    page.body,
    /Changes to Ольга Петрова&#x27;s account|Changes to Ольга Петрова&#39;s account|Changes to Ольга Петрова's account/,
  );
  t.match(page.body, /<td class="ecl-table__cell" data-label="What">created<\/td>/);
});
