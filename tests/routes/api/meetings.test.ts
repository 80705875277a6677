import t from 'tap';
import { createItem, createNetwork, simpleContent, actor } from '../../factories.js';
import { as, build, problemOf, signedIn } from '../../helper.js';

const eighteenth = {
  ordinal: 18,
  startDate: '2020-11-12',
  endDate: '2020-11-13',
  city: 'Brussels',
  country: 'Belgium',
};

t.test('the secretariat creates a meeting and sees its display line', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  createNetwork(app, secretariat);
  const res = await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings', payload: eighteenth });
  t.equal(res.statusCode, 201);
  const meeting = res.json();
  t.match(meeting, {
    ordinal: 18,
    status: 'planned',
    dates: '12-13 November 2020',
    displayLine: '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
    network: { name: 'eHealth Network' },
  });
  const read = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}` });
  t.same(read.json(), meeting);
});

t.test('a delegate reads meetings but cannot create, change or delete one', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const delegate = await signedIn(app, 'delegate');
  createNetwork(app, secretariat);
  const id = (await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings', payload: eighteenth })).json().id;
  t.equal((await as(app, delegate, { method: 'GET', url: '/api/v1/meetings' })).json().length, 1);
  for (const [method, url, payload] of [
    ['POST', '/api/v1/meetings', eighteenth],
    ['PATCH', `/api/v1/meetings/${id}`, { city: 'Lisbon' }],
    ['DELETE', `/api/v1/meetings/${id}`, undefined],
  ] as const) {
    const res = await as(app, delegate, { method, url, payload });
    t.equal(res.statusCode, 403, `${method} ${url}`);
    t.equal(problemOf(t, res).code, 'AGENDUM_FORBIDDEN');
  }
  t.equal((await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${id}` })).json().city, 'Brussels');
});

t.test('moving a meeting changes its display line', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  createNetwork(app, secretariat);
  const id = (await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings', payload: eighteenth })).json().id;
  const res = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${id}`,
    payload: { startDate: '2020-11-30', endDate: '2020-12-01', city: 'Lisbon', country: 'Portugal' },
  });
  t.equal(res.statusCode, 200);
  t.equal(res.json().displayLine, '18TH EHEALTH NETWORK 30 NOVEMBER 2020 - 1 DECEMBER 2020, LISBON, PORTUGAL');
});

t.test('impossible dates are refused with a problem that says why', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  createNetwork(app, secretariat);
  const backwards = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...eighteenth, startDate: '2020-11-13', endDate: '2020-11-12' },
  });
  t.equal(backwards.statusCode, 422);
  t.match(problemOf(t, backwards).detail, /ends \(2020-11-12\) before it starts/);
  const notADate = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...eighteenth, startDate: '2021-02-30' },
  });
  t.equal(notADate.statusCode, 400);
  t.equal(problemOf(t, notADate).errors![0]!.path, 'body.startDate');
});

t.test('with two networks a meeting must name its network', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  createNetwork(app, secretariat);
  const other = createNetwork(app, secretariat, 'Other Network');
  const vague = await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings', payload: eighteenth });
  t.equal(vague.statusCode, 422);
  const named = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...eighteenth, networkId: other.id },
  });
  t.equal(named.json().network.name, 'Other Network');
  const unknown = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...eighteenth, networkId: 999 },
  });
  t.equal(unknown.statusCode, 422);
});

t.test('unknown meetings are 404 and bad ids are 400', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  t.equal((await as(app, secretariat, { method: 'GET', url: '/api/v1/meetings/4242' })).statusCode, 404);
  t.equal((await as(app, secretariat, { method: 'GET', url: '/api/v1/meetings/abc' })).statusCode, 400);
  t.equal((await as(app, secretariat, { method: 'DELETE', url: '/api/v1/meetings/4242' })).statusCode, 404);
});

t.test('a meeting whose notes hold versions is deleted only with force', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  createNetwork(app, secretariat);
  const meeting = (await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings', payload: eighteenth })).json();
  const item = createItem(app, secretariat, meeting.id);
  app.services.notes.createVersion(actor(secretariat), item.id, simpleContent());
  const refused = await as(app, secretariat, { method: 'DELETE', url: `/api/v1/meetings/${meeting.id}` });
  t.equal(refused.statusCode, 409);
  t.equal(problemOf(t, refused).code, 'AGENDUM_HAS_CONTENT');
  const forced = await as(app, secretariat, { method: 'DELETE', url: `/api/v1/meetings/${meeting.id}?force=true` });
  t.equal(forced.statusCode, 204);
  t.equal((await as(app, secretariat, { method: 'GET', url: `/api/v1/items/${item.id}` })).statusCode, 404);
});

t.test('a network holds one 18th meeting: a second is refused on create and on update', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  createNetwork(app, secretariat);
  t.equal(
    (await as(app, secretariat, { method: 'POST', url: '/api/v1/meetings', payload: eighteenth })).statusCode,
    201,
  );
  const twice = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...eighteenth, startDate: '2021-05-10', endDate: '2021-05-11' },
  });
  t.equal(twice.statusCode, 422);
  t.equal(problemOf(t, twice).detail, 'The eHealth Network already has an 18th meeting (12-13 November 2020).');
  const nineteenth = await as(app, secretariat, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { ...eighteenth, ordinal: 19, startDate: '2021-05-10', endDate: '2021-05-11' },
  });
  t.equal(nineteenth.statusCode, 201);
  const renumbered = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${nineteenth.json().id}`,
    payload: { ordinal: 18 },
  });
  t.equal(renumbered.statusCode, 422);
  t.equal(problemOf(t, renumbered).detail, 'The eHealth Network already has an 18th meeting (12-13 November 2020).');
  const same = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${nineteenth.json().id}`,
    payload: { ordinal: 19, city: 'Lisbon' },
  });
  t.equal(same.statusCode, 200, 'a meeting keeps its own number');
});
