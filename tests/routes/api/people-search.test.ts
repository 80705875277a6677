import t from 'tap';
import { as, build, problemOf, signedIn } from '../../helper.js';

/** A few people of the network, created through the real service. */
async function withPeople(t: Parameters<typeof build>[0]) {
  const app = await build(t);
  const people = [
    { name: 'Ελένη Γεωργίου', email: 'eleni.georgiou@moh.gov.cy', role: 'delegate', memberState: 'CY' },
    { name: 'José Gonçalves', email: 'jose@spms.min-saude.pt', role: 'delegate', memberState: 'PT' },
    { name: 'Ana Conceição', email: 'ana.conceicao@spms.min-saude.pt', role: 'rapporteur', memberState: 'PT' },
    { name: 'Zoe Zimmer', email: 'zoe@bmg.bund.de', role: 'delegate', memberState: 'DE' },
  ] as const;
  for (const p of people) await app.services.people.create('system', p);
  const gone = await app.services.people.create('system', {
    name: 'Bart Peeters',
    email: 'bart@health.fgov.be',
    role: 'delegate',
    memberState: 'BE',
  });
  const staff = await signedIn(app, 'secretariat', 'Sam Secretariat');
  await as(app, staff, { method: 'PATCH', url: `/api/v1/people/${gone.id}`, payload: { isActive: false } });
  return { app, staff };
}

const names = (body: { name: string }[]) => body.map((p) => p.name);

t.test('the people list searches names and emails, case and accents aside, ordered by name', async (t) => {
  const { app, staff } = await withPeople(t);
  const all = await as(app, staff, { method: 'GET', url: '/api/v1/people' });
  t.same(names(all.json()), [
    'Ana Conceição',
    'Bart Peeters',
    'José Gonçalves',
    'Sam Secretariat',
    'Zoe Zimmer',
    'Ελένη Γεωργίου',
  ]);
  const jose = await as(app, staff, { method: 'GET', url: `/api/v1/people?q=${encodeURIComponent('jose')}` });
  t.same(names(jose.json()), ['José Gonçalves']);
  const greek = await as(app, staff, { method: 'GET', url: `/api/v1/people?q=${encodeURIComponent('ΕΛΕΝΗ')}` });
  t.same(names(greek.json()), ['Ελένη Γεωργίου']);
  const byMail = await as(app, staff, { method: 'GET', url: '/api/v1/people?q=MIN-SAUDE' });
  t.same(names(byMail.json()), ['Ana Conceição', 'José Gonçalves']);
});

t.test('the people list filters by role, Member State and whether the account is active', async (t) => {
  const { app, staff } = await withPeople(t);
  const get = async (query: string) =>
    names((await as(app, staff, { method: 'GET', url: `/api/v1/people?${query}` })).json());
  t.same(await get('role=delegate'), ['Bart Peeters', 'José Gonçalves', 'Zoe Zimmer', 'Ελένη Γεωργίου']);
  t.same(await get('memberState=PT'), ['Ana Conceição', 'José Gonçalves']);
  t.same(await get('memberState=PT&role=rapporteur'), ['Ana Conceição']);
  t.same(await get('active=false'), ['Bart Peeters']);
  t.same(await get('active=true&role=delegate&q=z'), ['Zoe Zimmer']);
});

t.test('a bad filter is a 400 naming it; a delegate may not list people', async (t) => {
  const { app, staff } = await withPeople(t);
  const bad = await as(app, staff, { method: 'GET', url: '/api/v1/people?role=chair&memberState=pt' });
  t.equal(bad.statusCode, 400);
  t.same(
    problemOf(t, bad)
      .errors!.map((e) => e.path)
      .sort(),
    ['querystring.memberState', 'querystring.role'],
  );
  const delegate = await signedIn(app, 'delegate');
  const refused = await as(app, delegate, { method: 'GET', url: '/api/v1/people?q=ana' });
  t.equal(refused.statusCode, 403);
});
