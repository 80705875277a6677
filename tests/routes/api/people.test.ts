import t from 'tap';
import { as, build, problemOf, signedIn } from '../../helper.js';

t.test('the secretariat creates and lists people; the password never comes back', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const res = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/people',
    payload: {
      name: 'Dana Delegate',
      email: 'dana@health.example.be',
      role: 'delegate',
      memberState: 'BE',
      password: 'a long password 1',
    },
  });
  t.equal(res.statusCode, 201);
  const person = res.json();
  t.match(person, { name: 'Dana Delegate', role: 'delegate', memberState: 'BE', isActive: true, canSignIn: true });
  t.notOk('password' in person || 'passwordHash' in person);

  const list = await as(app, secretariat, { method: 'GET', url: '/api/v1/people' });
  t.ok(list.json().some((p: { email: string }) => p.email === 'dana@health.example.be'));
});

t.test('an email is unique whatever its case: a duplicate is 409', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const payload = { name: 'Rui', email: 'rui@example.pt', role: 'rapporteur' };
  t.equal((await as(app, secretariat, { method: 'POST', url: '/api/v1/people', payload })).statusCode, 201);
  const again = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/people',
    payload: { ...payload, email: 'RUI@Example.PT' },
  });
  t.equal(again.statusCode, 409);
  t.equal(problemOf(t, again).code, 'AGENDUM_DUPLICATE_EMAIL');
});

t.test('delegates and rapporteurs cannot list or create people', async (t) => {
  const app = await build(t);
  for (const role of ['delegate', 'rapporteur'] as const) {
    const who = await signedIn(app, role);
    const list = await as(app, who, { method: 'GET', url: '/api/v1/people' });
    t.equal(list.statusCode, 403, `${role} cannot list`);
    t.equal(problemOf(t, list).code, 'AGENDUM_FORBIDDEN');
    const create = await as(app, who, {
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: 'X', email: `x.${role}@example.org`, role: 'delegate' },
    });
    t.equal(create.statusCode, 403, `${role} cannot create`);
  }
});

t.test('only an admin gives the admin or secretariat role', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const admin = await signedIn(app, 'admin');
  const payload = { name: 'New Staff', email: 'staff@example.org', role: 'secretariat' };
  t.equal((await as(app, secretariat, { method: 'POST', url: '/api/v1/people', payload })).statusCode, 403);
  t.equal((await as(app, admin, { method: 'POST', url: '/api/v1/people', payload })).statusCode, 201);
});

t.test("a person reads their own record but not somebody else's", async (t) => {
  const app = await build(t);
  const delegate = await signedIn(app, 'delegate');
  const other = await signedIn(app, 'delegate');
  t.equal((await as(app, delegate, { method: 'GET', url: `/api/v1/people/${delegate.id}` })).statusCode, 200);
  t.equal((await as(app, delegate, { method: 'GET', url: `/api/v1/people/${other.id}` })).statusCode, 403);
});

t.test('invalid people bodies list every bad field', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const res = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/people',
    payload: { name: '', email: 'not-an-email', role: 'king', memberState: 'Belgium', password: 'short' },
  });
  t.equal(res.statusCode, 400);
  const paths = new Set(problemOf(t, res).errors!.map((e) => e.path));
  for (const path of ['body.name', 'body.email', 'body.role', 'body.memberState', 'body.password']) {
    t.ok(paths.has(path), `reports ${path}`);
  }
});

t.test('an unknown person is 404', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const res = await as(app, secretariat, { method: 'PATCH', url: '/api/v1/people/9999', payload: { name: 'Nobody' } });
  t.equal(res.statusCode, 404);
  t.equal(problemOf(t, res).code, 'AGENDUM_NOT_FOUND');
});
