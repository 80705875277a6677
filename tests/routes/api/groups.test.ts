import t from 'tap';
import { createMeeting, createNetwork } from '../../factories.js';
import { as, build, problemOf, reposOf, signedIn } from '../../helper.js';

t.test(
  'the secretariat keeps distribution groups: create, rename, members in and out, delete; all audited',
  async (t) => {
    const app = await build(t);
    const staff = await signedIn(app, 'secretariat');
    const ana = await app.services.people.create('system', { name: 'Ana Silva', email: 'ana@x.pt', role: 'delegate' });
    const bo = await app.services.people.create('system', { name: 'Bo Berg', email: 'bo@x.se', role: 'delegate' });

    const created = await as(app, staff, {
      method: 'POST',
      url: '/api/v1/groups',
      payload: { name: 'Observers', description: 'Norway, Iceland, WHO' },
    });
    t.equal(created.statusCode, 201);
    const groupId = created.json().id;
    t.match(created.json(), { name: 'Observers', description: 'Norway, Iceland, WHO', memberCount: 0 });

    const twice = await as(app, staff, { method: 'POST', url: '/api/v1/groups', payload: { name: 'OBSERVERS' } });
    t.equal(twice.statusCode, 409, 'names are unique whatever their case');
    t.equal(problemOf(t, twice).detail, 'A distribution group is already called Observers.');

    const added = await as(app, staff, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/members`,
      payload: { personIds: [bo.id, ana.id] },
    });
    t.equal(added.statusCode, 200);
    t.same(
      added.json().members.map((m: { name: string }) => m.name),
      ['Ana Silva', 'Bo Berg'],
    );
    const unknown = await as(app, staff, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/members`,
      payload: { personIds: [9999] },
    });
    t.equal(unknown.statusCode, 422);

    const renamed = await as(app, staff, {
      method: 'PATCH',
      url: `/api/v1/groups/${groupId}`,
      payload: { name: 'Observers (EEA and WHO)' },
    });
    t.equal(renamed.json().name, 'Observers (EEA and WHO)');
    const list = await as(app, staff, { method: 'GET', url: '/api/v1/groups' });
    t.same(
      list.json().map((g: { name: string; memberCount: number }) => [g.name, g.memberCount]),
      [['Observers (EEA and WHO)', 2]],
    );

    const out = await as(app, staff, { method: 'DELETE', url: `/api/v1/groups/${groupId}/members/${bo.id}` });
    t.equal(out.statusCode, 204);
    const outAgain = await as(app, staff, { method: 'DELETE', url: `/api/v1/groups/${groupId}/members/${bo.id}` });
    t.equal(outAgain.statusCode, 404);
    const gone = await as(app, staff, { method: 'DELETE', url: `/api/v1/groups/${groupId}` });
    t.equal(gone.statusCode, 204);
    t.equal((await as(app, staff, { method: 'GET', url: `/api/v1/groups/${groupId}` })).statusCode, 404);

    const trail = reposOf(app)
      .personAudit.recent()
      .filter((e) => e.groupId === groupId)
      .reverse()
      .map((e) => [e.action, e.personId]);
    t.same(trail, [
      ['group-created', null],
      ['group-member-added', bo.id],
      ['group-member-added', ana.id],
      ['group-changed', null],
      ['group-member-removed', bo.id],
      ['group-deleted', null],
    ]);
  },
);

t.test('a delegate may not see or change groups', async (t) => {
  const app = await build(t);
  const delegate = await signedIn(app, 'delegate');
  t.equal((await as(app, delegate, { method: 'GET', url: '/api/v1/groups' })).statusCode, 403);
  const create = await as(app, delegate, { method: 'POST', url: '/api/v1/groups', payload: { name: 'Mine' } });
  t.equal(create.statusCode, 403);
});

t.test("a meeting's recipient list gains a group's active members, keeping those already on it", async (t) => {
  const app = await build(t);
  const staff = await signedIn(app, 'secretariat');
  createNetwork(app, staff);
  const meeting = createMeeting(app, staff);
  const make = (name: string, email: string, memberState: string) =>
    app.services.people.create('system', { name, email, role: 'delegate', memberState });
  const already = await make('Conor Murphy', 'conor@health.gov.ie', 'IE');
  const giulia = await make('Giulia Rossi', 'giulia@sanita.it', 'IT');
  const left = await make('Luc Weber', 'luc@ms.etat.lu', 'LU');
  await as(app, staff, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/recipients`,
    payload: { list: 'delegates', personIds: [already.id] },
  });
  const group = (
    await as(app, staff, { method: 'POST', url: '/api/v1/groups', payload: { name: 'Member State delegates' } })
  ).json();
  await as(app, staff, {
    method: 'POST',
    url: `/api/v1/groups/${group.id}/members`,
    payload: { personIds: [giulia.id, left.id, already.id] },
  });
  await as(app, staff, { method: 'PATCH', url: `/api/v1/people/${left.id}`, payload: { isActive: false } });

  const res = await as(app, staff, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/recipients/groups`,
    payload: { groupId: group.id, list: 'delegates' },
  });
  t.equal(res.statusCode, 200);
  t.same(
    res.json().map((r: { list: string; name: string }) => [r.list, r.name]),
    [
      ['delegates', 'Conor Murphy'],
      ['delegates', 'Giulia Rossi'],
    ],
  );
  const badList = await as(app, staff, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/recipients/groups`,
    payload: { groupId: group.id, list: 'everybody' },
  });
  t.equal(badList.statusCode, 400);
  const noGroup = await as(app, staff, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/recipients/groups`,
    payload: { groupId: 9999, list: 'observers' },
  });
  t.equal(noGroup.statusCode, 422);
  const noMeeting = await as(app, staff, {
    method: 'POST',
    url: '/api/v1/meetings/9999/recipients/groups',
    payload: { groupId: group.id, list: 'observers' },
  });
  t.equal(noMeeting.statusCode, 404);
  const delegate = await signedIn(app, 'delegate');
  const refused = await as(app, delegate, {
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/recipients/groups`,
    payload: { groupId: group.id, list: 'observers' },
  });
  t.equal(refused.statusCode, 403);
});
