import { readFileSync } from 'node:fs';
import t from 'tap';
import { as, build, problemOf, reposOf, signedIn } from '../../helper.js';
import { fileUpload } from '../../support/multipart.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/people/${name}`, import.meta.url), 'utf8');
const BAD = fixture('ehn-delegations-two-bad-lines.csv');
const GOOD = fixture('ehn-delegations.csv');
const csv = { 'content-type': 'text/csv; charset=utf-8' };

t.test('the 27 delegations: a dry run names the two bad lines, then the fixed file imports all 60', async (t) => {
  const app = await build(t);
  const admin = await signedIn(app, 'admin');
  const repos = reposOf(app);
  t.equal(repos.people.count(), 1, 'only the admin before');

  const dry = await as(app, admin, { method: 'POST', url: '/api/v1/people/import', headers: csv, payload: BAD });
  t.equal(dry.statusCode, 200);
  t.same(dry.json().errors, [
    { line: 12, field: 'email', message: 'must match format "email"' },
    { line: 40, field: 'role', message: 'must be one of admin, secretariat, rapporteur, delegate' },
  ]);
  t.equal(dry.json().applied, false);
  t.equal(repos.people.count(), 1, 'a dry run writes nobody');

  const refused = await as(app, admin, {
    method: 'POST',
    url: '/api/v1/people/import?dryRun=false',
    headers: csv,
    payload: BAD,
  });
  t.equal(refused.statusCode, 422);
  const problem = problemOf(t, refused) as unknown as { detail: string; lines: { line: number }[] };
  t.equal(problem.detail, "2 of the file's lines are wrong (first: line 12); nothing was imported.");
  t.same(
    problem.lines.map((l) => l.line),
    [12, 40],
  );
  t.equal(repos.people.count(), 1, 'a refused import writes nobody');
  t.equal(repos.groups.list().length, 0, 'nor any group');

  const check = await as(app, admin, { method: 'POST', url: '/api/v1/people/import', headers: csv, payload: GOOD });
  t.same(check.json().counts, { new: 60, updated: 0, unchanged: 0 });
  t.equal(check.json().groupsCreated.length, 30, 'Member State delegates, 27 delegations, observers, staff');
  t.match(check.json().lines[56], {
    line: 58,
    name: 'Dr. Thomas Keller, WHO Europe',
    outcome: 'new',
    groupsJoined: ['Observers'],
  });

  const done = await as(app, admin, {
    method: 'POST',
    url: '/api/v1/people/import?dryRun=false',
    headers: csv,
    payload: GOOD,
  });
  t.equal(done.statusCode, 200);
  t.equal(done.json().applied, true);
  t.equal(repos.people.count(), 61, '60 imported and the admin');
  t.equal(repos.groups.list().length, 30);
  const greek = repos.people.findByEmail('NIKOLAOS.PAPADOPOULOS@moh.gov.gr')!;
  t.match(greek, { name: 'Νικόλαος Παπαδόπουλος', role: 'delegate', memberState: 'GR' });
  const delegatesGroup = repos.groups.findByName('member state delegates')!;
  t.equal(repos.groups.members(delegatesGroup.id).length, 55, '54 delegates and a rapporteur');
  const trail = repos.personAudit.recent(1000);
  t.equal(trail.filter((e) => e.action === 'imported').length, 60);
  t.equal(trail.filter((e) => e.action === 'created').length, 61, 'the 60 and the admin');

  const again = await as(app, admin, { method: 'POST', url: '/api/v1/people/import', headers: csv, payload: GOOD });
  t.same(again.json().counts, { new: 0, updated: 0, unchanged: 60 });
  t.same(again.json().groupsCreated, []);
  const before = repos.personAudit.recent(1000).length;
  await as(app, admin, { method: 'POST', url: '/api/v1/people/import?dryRun=false', headers: csv, payload: GOOD });
  t.equal(repos.personAudit.recent(1000).length, before, 'an unchanged file records nothing');
});

t.test('a match by email (case aside) is updated: name, role, Member State, groups joined', async (t) => {
  const app = await build(t);
  const staff = await signedIn(app, 'secretariat');
  const ana = await app.services.people.create('system', {
    name: 'Ana Silva',
    email: 'Ana.Silva@spms.min-saude.pt',
    role: 'delegate',
    memberState: 'PT',
  });
  const text =
    'name,email,role,member_state,groups\n' +
    'Ana Conceição Silva,ana.silva@SPMS.min-saude.pt,rapporteur,PT,Delegation PT; Rapporteurs\n' +
    '"Jan\nNovák",jan@mzcr.cz,delegate,CZ,\n' +
    'Jan Novák,JAN@mzcr.cz,delegate,cz,\n';
  const dry = await as(app, staff, { method: 'POST', url: '/api/v1/people/import', headers: csv, payload: text });
  t.same(dry.json().lines[0], {
    line: 2,
    name: 'Ana Conceição Silva',
    email: 'ana.silva@SPMS.min-saude.pt',
    outcome: 'updated',
    changes: ['name', 'role'],
    groupsJoined: ['Delegation PT', 'Rapporteurs'],
  });
  // A quoted cell over two lines: its record is numbered by its first line, the next by its own.
  t.same(dry.json().errors, [
    { line: 3, field: 'name', message: 'must not be blank, and must be one line without control characters' },
    {
      line: 5,
      field: 'member_state',
      message: 'must be two capital letters (ISO 3166-1 alpha-2), such as BE, or empty',
    },
  ]);
  const fixed = text.replace('"Jan\nNovák"', 'Jan Novák').replace(',cz,', ',CZ,');
  const dup = await as(app, staff, { method: 'POST', url: '/api/v1/people/import', headers: csv, payload: fixed });
  t.same(dup.json().errors, [{ line: 4, field: 'email', message: 'JAN@mzcr.cz is already on line 3.' }]);

  const upload = fileUpload('people.csv', fixed.split('\n').slice(0, 2).join('\n'), 'text/csv');
  const done = await as(app, staff, { method: 'POST', url: '/api/v1/people/import?dryRun=false', ...upload });
  t.equal(done.statusCode, 200);
  t.match(reposOf(app).people.findById(ana.id), { name: 'Ana Conceição Silva', role: 'rapporteur' });
  const actions = reposOf(app)
    .personAudit.aboutPerson(ana.id)
    .map((e) => e.action);
  t.ok(actions.includes('role-changed') && actions.includes('imported'), 'the role change and the import audited');
});

t.test('the secretariat may not give the staff roles by import; a delegate may not import', async (t) => {
  const app = await build(t);
  const staff = await signedIn(app, 'secretariat');
  const dry = await as(app, staff, { method: 'POST', url: '/api/v1/people/import', headers: csv, payload: GOOD });
  t.same(dry.json().errors, [
    { line: 59, field: 'role', message: 'Only an admin gives the admin or secretariat role.' },
    { line: 60, field: 'role', message: 'Only an admin gives the admin or secretariat role.' },
  ]);
  const delegate = await signedIn(app, 'delegate');
  const refused = await as(app, delegate, {
    method: 'POST',
    url: '/api/v1/people/import',
    headers: csv,
    payload: GOOD,
  });
  t.equal(refused.statusCode, 403);
  const noHeader = await as(app, staff, {
    method: 'POST',
    url: '/api/v1/people/import',
    headers: csv,
    payload: 'Ana,ana@x.pt,delegate,PT,\n',
  });
  t.match(noHeader.json().errors, [{ line: 1, field: 'file' }]);
  const json = await as(app, staff, { method: 'POST', url: '/api/v1/people/import', payload: { csv: GOOD } });
  t.equal(json.statusCode, 422, 'JSON is not a CSV file');
});
