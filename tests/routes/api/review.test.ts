import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { ITEM_9_1 } from '../../../src/demo/seed-notes.js';
import { actor, createItem, meetingSetup, simpleContent } from '../../factories.js';
import { as, build, FIXED_NOW, problemOf, signedIn, testConfig } from '../../helper.js';

async function setup(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const delegate = await signedIn(app, 'delegate');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title: ITEM_9_1.title, rapporteurIds: [rapporteur.id] });
  return { secretariat, rapporteur, delegate, meeting, item };
}

t.test('a diff between two versions of the 9.1 note shows exactly the changed words', async (t) => {
  const app = await build(t);
  const { rapporteur, delegate, item } = await setup(app);
  app.services.notes.createVersion(actor(rapporteur), item.id, ITEM_9_1.content);
  const changed = structuredClone(ITEM_9_1.content);
  changed.sections.summary[5] =
    'The Work stream is now fully operational and this is its second update to the eHealth Network.';
  app.services.notes.createVersion(actor(rapporteur), item.id, changed);

  const res = await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note/versions/1/diff/2` });
  t.equal(res.statusCode, 200);
  const diff = res.json();
  t.equal(diff.identical, false);
  const changes = diff.sections.summary.filter((p: { op: string }) => p.op !== 'equal');
  t.same(changes, [
    { op: 'insert', text: 'fully ' },
    { op: 'delete', text: 'the' },
    { op: 'insert', text: 'its' },
    { op: 'delete', text: 'first' },
    { op: 'insert', text: 'second' },
  ]);
  t.ok(
    diff.sections.issueAtStake.every((p: { op: string }) => p.op === 'equal'),
    'other sections unchanged',
  );
  t.ok(diff.sections.procedure.every((p: { op: string }) => p.op === 'equal'));
  const same = await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note/versions/2/diff/2` });
  t.equal(same.json().identical, true);
  t.equal(
    (await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note/versions/1/diff/9` })).statusCode,
    404,
  );
  t.equal(
    (await as(app, delegate, { method: 'GET', url: `/api/v1/items/${item.id}/note/versions/1/diff/2` })).statusCode,
    404,
  );
});

t.test('the secretariat comments on a paragraph; the rapporteur sees it and resolves it', async (t) => {
  const app = await build(t);
  const { secretariat, rapporteur, delegate, item } = await setup(app);
  app.services.notes.createVersion(actor(rapporteur), item.id, ITEM_9_1.content);
  const url = `/api/v1/items/${item.id}/note/comments`;
  const posted = await as(app, secretariat, {
    method: 'POST',
    url,
    payload: { body: 'Name the ENISA representative.', section: 'summary', paragraph: 5 },
  });
  t.equal(posted.statusCode, 201);
  t.match(posted.json(), { version: 1, section: 'summary', paragraph: 5, resolvedAt: null });

  const seen = await as(app, rapporteur, { method: 'GET', url });
  t.equal(seen.json().length, 1);
  const notes = await as(app, rapporteur, { method: 'GET', url: '/api/v1/notifications' });
  t.equal(notes.json()[0].kind, 'review-comment');

  const resolved = await as(app, rapporteur, { method: 'POST', url: `${url}/${posted.json().id}/resolve` });
  t.equal(resolved.statusCode, 200);
  t.equal(resolved.json().resolvedById, rapporteur.id);
  t.equal((await as(app, rapporteur, { method: 'POST', url: `${url}/${posted.json().id}/resolve` })).statusCode, 409);

  t.equal((await as(app, delegate, { method: 'GET', url })).statusCode, 404, 'comments never show to delegates');
  const outOfRange = await as(app, secretariat, {
    method: 'POST',
    url,
    payload: { body: 'x', section: 'summary', paragraph: 7 },
  });
  t.equal(outOfRange.statusCode, 422);
  t.equal(
    problemOf(t, outOfRange).detail,
    'Section summary of version 1 has 6 block(s) (paragraphs, lists, tables), not 7.',
  );
  const noSection = await as(app, secretariat, { method: 'POST', url, payload: { body: 'x', paragraph: 1 } });
  t.equal(noSection.statusCode, 422);
});

t.test('comments need a version to point at', async (t) => {
  const app = await build(t);
  const { secretariat, item } = await setup(app);
  const res = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/items/${item.id}/note/comments`,
    payload: { body: 'Early.' },
  });
  t.equal(res.statusCode, 422);
});

t.test('the status overview lists every item with state, procedure, rapporteurs and lateness', async (t) => {
  // The clock stands after the deadline: a note still in drafting is late, one in review is not.
  const app = await build(t, { now: () => new Date('2020-11-06T08:00:00Z') });
  const { secretariat, rapporteur, delegate, meeting, item } = await setup(app);
  app.services.meetings.update(actor(secretariat), meeting.id, { draftingDeadline: '2020-11-05' });
  const submitted = createItem(app, secretariat, meeting.id, { title: 'Submitted', rapporteurIds: [rapporteur.id] });
  app.services.notes.createVersion(actor(rapporteur), submitted.id, simpleContent());
  app.services.workflow.perform(actor(rapporteur), submitted.id, { event: 'submit' });
  createItem(app, secretariat, meeting.id, { title: 'Nobody writes this' });

  const res = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/status` });
  t.equal(res.statusCode, 200);
  t.match(res.json(), [
    {
      itemId: item.id,
      number: '1',
      state: 'drafting',
      isLate: true,
      deadline: '2020-11-05',
      rapporteurs: [{ id: rapporteur.id }],
    },
    { itemId: submitted.id, number: '2', state: 'review', isLate: false, procedure: 'For information.' },
    { number: '3', isLate: false, rapporteurs: [] },
  ]);
  t.equal((await as(app, delegate, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/status` })).statusCode, 403);
});

t.test('approaching and missed deadlines notify once, however often the check runs', async (t) => {
  let now = new Date('2020-11-03T08:00:00Z');
  const app = await build(t, { now: () => now });
  const { secretariat, rapporteur, meeting } = await setup(app);
  app.services.meetings.update(actor(secretariat), meeting.id, { draftingDeadline: '2020-11-05' });
  t.equal(app.services.meetingStatus.remindDeadlines(), 1, 'the rapporteur is reminded two days before');
  t.equal(app.services.meetingStatus.remindDeadlines(), 0, 'and only once');
  now = new Date('2020-11-06T08:00:00Z');
  t.equal(app.services.meetingStatus.remindDeadlines(), 2, 'once missed: the rapporteur and the secretariat');
  const kinds = (await as(app, rapporteur, { method: 'GET', url: '/api/v1/notifications' }))
    .json()
    .map((n: { kind: string }) => n.kind);
  t.same(kinds, ['deadline-missed', 'deadline-reminder']);
});

t.test('a postponed item is carried over to a later meeting with its note', async (t) => {
  const app = await build(t, { config: testConfig(t) });
  const { secretariat, rapporteur, item } = await setup(app);
  const later = app.services.meetings.create(actor(secretariat), {
    ordinal: 19,
    startDate: '2021-06-08',
    endDate: '2021-06-08',
    city: 'Lisbon',
    country: 'Portugal',
  });
  app.services.notes.createVersion(actor(rapporteur), item.id, ITEM_9_1.content);
  const url = `/api/v1/items/${item.id}/carry-over`;
  const early = await as(app, secretariat, { method: 'POST', url, payload: { meetingId: later.id } });
  t.equal(early.statusCode, 409, 'only once postponed');
  const staff = actor(secretariat);
  app.services.workflow.perform(staff, item.id, { event: 'submit' });
  app.services.workflow.perform(staff, item.id, { event: 'release' });
  app.services.workflow.setOutcome(staff, item.id, 'postponed');
  t.equal((await as(app, rapporteur, { method: 'POST', url, payload: { meetingId: later.id } })).statusCode, 403);
  const res = await as(app, secretariat, { method: 'POST', url, payload: { meetingId: later.id } });
  t.equal(res.statusCode, 201);
  t.match(res.json(), {
    meetingId: later.id,
    number: '1',
    title: ITEM_9_1.title,
    copiedFromItemId: item.id,
    note: { state: 'drafting' },
  });
  const note = (await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${res.json().id}/note` })).json();
  t.equal(note.currentVersion.sections.summary.length, 6);
  t.ok(FIXED_NOW);
  const again = await as(app, secretariat, { method: 'POST', url, payload: { meetingId: later.id } });
  t.equal(again.statusCode, 409, 'carried over once, not twice');
  t.match(problemOf(t, again).detail, /carried over already: it is item 1 of that meeting/);
  t.equal(app.services.agenda.list(staff, later.id).length, 1, 'no second copy');
});
