import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { meetingSetup } from '../../factories.js';
import { as, build, problemOf, signedIn, type SignedIn } from '../../helper.js';

async function addItem(app: FastifyInstance, who: SignedIn, meetingId: number, payload: Record<string, unknown>) {
  return as(app, who, { method: 'POST', url: `/api/v1/meetings/${meetingId}/items`, payload });
}

const numbered = (items: { number: string; title: string }[]) => items.map((i) => `${i.number} ${i.title}`);

t.test('items are numbered from their place: sub-items under their parent', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const opening = (await addItem(app, secretariat, meeting.id, { title: 'Opening' })).json();
  t.equal(opening.number, '1');
  const cyber = (await addItem(app, secretariat, meeting.id, { title: 'Cybersecurity' })).json();
  const first = (await addItem(app, secretariat, meeting.id, { title: 'NIS update', parentId: cyber.id })).json();
  t.equal(first.number, '2.1');
  await addItem(app, secretariat, meeting.id, { title: 'Reflections', parentId: cyber.id });
  const inserted = await addItem(app, secretariat, meeting.id, { title: 'Minutes', position: 2 });
  t.equal(inserted.statusCode, 201);
  t.equal(inserted.json().number, '2');

  const list = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/items` });
  t.same(numbered(list.json()), ['1 Opening', '2 Minutes', '3 Cybersecurity', '3.1 NIS update', '3.2 Reflections']);
});

t.test('reordering the whole tree renumbers every item', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const a = (await addItem(app, secretariat, meeting.id, { title: 'A' })).json();
  const b = (await addItem(app, secretariat, meeting.id, { title: 'B' })).json();
  const b1 = (await addItem(app, secretariat, meeting.id, { title: 'B1', parentId: b.id })).json();
  const b2 = (await addItem(app, secretariat, meeting.id, { title: 'B2', parentId: b.id })).json();

  const res = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/items/order`,
    payload: { items: [{ id: b.id, children: [{ id: b2.id }, { id: b1.id, children: [{ id: a.id }] }] }] },
  });
  t.equal(res.statusCode, 200);
  t.same(numbered(res.json()), ['1 B', '1.1 B2', '1.2 B1', '1.2.1 A']);
  const read = await as(app, secretariat, { method: 'GET', url: `/api/v1/items/${a.id}` });
  t.equal(read.json().number, '1.2.1');
  t.equal(read.json().parentId, b1.id);
});

t.test('an incomplete or unknown order is refused and changes nothing', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const a = (await addItem(app, secretariat, meeting.id, { title: 'A' })).json();
  const b = (await addItem(app, secretariat, meeting.id, { title: 'B' })).json();
  const url = `/api/v1/meetings/${meeting.id}/items/order`;
  for (const items of [
    [{ id: b.id }],
    [{ id: b.id }, { id: a.id }, { id: 999 }],
    [{ id: a.id }, { id: a.id }, { id: b.id }],
  ]) {
    const res = await as(app, secretariat, { method: 'PUT', url, payload: { items } });
    t.equal(res.statusCode, 422, JSON.stringify(items));
    t.equal(problemOf(t, res).code, 'AGENDUM_INVALID');
  }
  const list = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/items` });
  t.same(numbered(list.json()), ['1 A', '2 B']);
});

t.test('moving an item under another parent renumbers both branches', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const a = (await addItem(app, secretariat, meeting.id, { title: 'A' })).json();
  const b = (await addItem(app, secretariat, meeting.id, { title: 'B' })).json();
  const c = (await addItem(app, secretariat, meeting.id, { title: 'C' })).json();
  const moved = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${c.id}`,
    payload: { parentId: a.id, title: 'C renamed' },
  });
  t.equal(moved.statusCode, 200);
  t.match(moved.json(), { number: '1.1', title: 'C renamed', parentId: a.id });
  const back = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${c.id}`,
    payload: { parentId: null, position: 1 },
  });
  t.equal(back.json().number, '1');
  const list = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/items` });
  t.same(numbered(list.json()), ['1 C renamed', '2 A', '3 B']);
  const underItself = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${a.id}`,
    payload: { parentId: a.id },
  });
  t.equal(underItself.statusCode, 422);
  t.ok(b.id);
});

t.test('deleting an item renumbers the rest; sub-items need force', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const a = (await addItem(app, secretariat, meeting.id, { title: 'A' })).json();
  const b = (await addItem(app, secretariat, meeting.id, { title: 'B' })).json();
  await addItem(app, secretariat, meeting.id, { title: 'B1', parentId: b.id });
  t.equal((await as(app, secretariat, { method: 'DELETE', url: `/api/v1/items/${a.id}` })).statusCode, 204);
  let list = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/items` });
  t.same(numbered(list.json()), ['1 B', '1.1 B1']);
  const refused = await as(app, secretariat, { method: 'DELETE', url: `/api/v1/items/${b.id}` });
  t.equal(refused.statusCode, 409);
  t.equal((await as(app, secretariat, { method: 'DELETE', url: `/api/v1/items/${b.id}?force=true` })).statusCode, 204);
  list = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/items` });
  t.same(list.json(), []);
});

t.test('rapporteurs are assigned per item and must be active rapporteurs', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur', 'Rita Rapporteur');
  const delegate = await signedIn(app, 'delegate');
  const meeting = await meetingSetup(app, secretariat);
  const item = (await addItem(app, secretariat, meeting.id, { title: 'A', rapporteurIds: [rapporteur.id] })).json();
  t.same(item.rapporteurs, [{ id: rapporteur.id, name: 'Rita Rapporteur' }]);
  const wrong = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${item.id}`,
    payload: { rapporteurIds: [delegate.id] },
  });
  t.equal(wrong.statusCode, 422);
  const unknown = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${item.id}`,
    payload: { rapporteurIds: [4242] },
  });
  t.equal(unknown.statusCode, 422);
  const cleared = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${item.id}`,
    payload: { rapporteurIds: [] },
  });
  t.same(cleared.json().rapporteurs, []);
});

t.test('delegates and rapporteurs read the agenda but cannot change it', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const item = (await addItem(app, secretariat, meeting.id, { title: 'A' })).json();
  for (const role of ['delegate', 'rapporteur'] as const) {
    const who = await signedIn(app, role);
    t.equal((await as(app, who, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/items` })).statusCode, 200);
    for (const [method, url, payload] of [
      ['POST', `/api/v1/meetings/${meeting.id}/items`, { title: 'Sneaky' }],
      ['PUT', `/api/v1/meetings/${meeting.id}/items/order`, { items: [{ id: item.id }] }],
      ['PATCH', `/api/v1/items/${item.id}`, { title: 'Renamed' }],
      ['DELETE', `/api/v1/items/${item.id}`, undefined],
    ] as const) {
      const res = await as(app, who, { method, url, payload });
      t.equal(res.statusCode, 403, `${role}: ${method} ${url}`);
    }
  }
  t.equal((await as(app, secretariat, { method: 'GET', url: `/api/v1/items/${item.id}` })).json().title, 'A');
});

t.test('items of an unknown meeting or parent are refused clearly', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  t.equal((await addItem(app, secretariat, 4242, { title: 'A' })).statusCode, 404);
  t.equal((await addItem(app, secretariat, meeting.id, { title: 'A', parentId: 4242 })).statusCode, 422);
  const blank = await addItem(app, secretariat, meeting.id, { title: '   ' });
  t.equal(blank.statusCode, 400);
  t.equal(problemOf(t, blank).errors![0]!.path, 'body.title');
  t.equal((await as(app, secretariat, { method: 'GET', url: '/api/v1/items/4242' })).statusCode, 404);
});

t.test('the agenda nests at most three levels', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const a = (await addItem(app, secretariat, meeting.id, { title: 'A' })).json();
  const a1 = (await addItem(app, secretariat, meeting.id, { title: 'A1', parentId: a.id })).json();
  const a11 = (await addItem(app, secretariat, meeting.id, { title: 'A11', parentId: a1.id })).json();
  t.equal(a11.number, '1.1.1');
  const tooDeep = await addItem(app, secretariat, meeting.id, { title: 'A111', parentId: a11.id });
  t.equal(tooDeep.statusCode, 422);
});
