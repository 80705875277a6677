import type { FastifyInstance } from 'fastify';
import t from 'tap';
import type { NoteEvent, NoteState } from '../../../src/domain/note-workflow.js';
import { actor, createItem, meetingSetup, simpleContent } from '../../factories.js';
import { as, build, noteEtag, problemOf, signedIn, type SignedIn } from '../../helper.js';
import { TABLE_EVENTS, TABLE_MOVES, tableAllows } from '../../support/workflow-table.js';

interface Cast {
  admin: SignedIn;
  secretariat: SignedIn;
  rapporteur: SignedIn;
  otherRapporteur: SignedIn;
  delegate: SignedIn;
}

async function cast(app: FastifyInstance): Promise<Cast> {
  return {
    admin: await signedIn(app, 'admin'),
    secretariat: await signedIn(app, 'secretariat'),
    rapporteur: await signedIn(app, 'rapporteur'),
    otherRapporteur: await signedIn(app, 'rapporteur'),
    delegate: await signedIn(app, 'delegate'),
  };
}

/** An item whose note has a version and sits in `state`, reached through the services. */
async function noteIn(app: FastifyInstance, who: Cast, state: NoteState) {
  const meeting = await meetingSetup(app, who.secretariat).catch(() => app.services.meetings.list()[0]!);
  const item = createItem(app, who.secretariat, meeting.id, { rapporteurIds: [who.rapporteur.id] });
  const staff = actor(who.secretariat);
  app.services.notes.createVersion(actor(who.rapporteur), item.id, simpleContent());
  const path: Record<NoteState, [NoteEvent, string?][]> = {
    drafting: [],
    review: [['submit']],
    released: [['submit'], ['release']],
    withdrawn: [['withdraw', 'No longer needed']],
  };
  for (const [event, comment] of path[state]) {
    app.services.workflow.perform(event === 'submit' ? actor(who.rapporteur) : staff, item.id, { event, comment });
  }
  return item.id;
}

function transitionRequest(
  app: FastifyInstance,
  who: SignedIn,
  itemId: number,
  body: Record<string, unknown>,
  etag: string,
) {
  return as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/transitions`,
    headers: { 'if-match': etag },
    payload: body,
  });
}

const BODIES: Record<NoteEvent, Record<string, unknown>> = {
  submit: { event: 'submit' },
  return: { event: 'return', comment: 'Please shorten the summary.' },
  release: { event: 'release' },
  reopen: { event: 'reopen', comment: 'A figure was wrong.' },
  withdraw: { event: 'withdraw', comment: 'Item dropped from the agenda.' },
  restore: { event: 'restore' },
};

/** Who may perform each event: the item's rapporteur only submits. */
const ALLOWED_ROLES: Record<NoteEvent, (keyof Cast)[]> = {
  submit: ['admin', 'secretariat', 'rapporteur'],
  return: ['admin', 'secretariat'],
  release: ['admin', 'secretariat'],
  reopen: ['admin', 'secretariat'],
  withdraw: ['admin', 'secretariat'],
  restore: ['admin', 'secretariat'],
};

/** What a refused event must leave alone, read from the database itself. */
function snapshot(app: FastifyInstance, itemId: number) {
  return app.database.sqlite
    .prepare(
      `select n.state, n.revision,
         (select count(*) from note_versions v where v.note_id = n.id) as versions,
         (select count(*) from note_publications p where p.note_id = n.id) as publications,
         (select count(*) from audit_events a where a.item_id = n.item_id) as audit
       from cover_notes n where n.item_id = ?`,
    )
    .get(itemId);
}

t.test('the whole table through the API: every event from every state, as every role', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  for (const { from: state, to } of TABLE_MOVES) {
    for (const event of TABLE_EVENTS) {
      for (const role of Object.keys(who) as (keyof Cast)[]) {
        const itemId = await noteIn(app, who, state);
        const etag = await noteEtag(app, who.secretariat, itemId);
        const before = snapshot(app, itemId);
        const res = await transitionRequest(app, who[role], itemId, BODIES[event], etag);
        const label = `${role}: ${event} from ${state}`;
        const mayPerform = ALLOWED_ROLES[event].includes(role);
        const visible = state === 'released' || (role !== 'otherRapporteur' && role !== 'delegate');
        if (!visible) {
          t.equal(res.statusCode, 404, `${label} -> 404 (cannot see the note)`);
        } else if (!mayPerform) {
          t.equal(res.statusCode, 403, `${label} -> 403`);
        } else if (to[event] === null) {
          t.equal(res.statusCode, 409, `${label} -> 409`);
          const problem = problemOf(t, res) as unknown as Record<string, unknown>;
          t.same(
            { code: problem.code, state: problem.state, allowedEvents: problem.allowedEvents },
            { code: 'AGENDUM_INVALID_TRANSITION', state, allowedEvents: tableAllows(state) },
          );
        } else {
          t.equal(res.statusCode, 200, `${label} -> 200`);
          t.equal(res.json().state, to[event], `${label} lands in ${to[event]}`);
          t.not(res.headers.etag, etag, 'a new ETag');
          continue;
        }
        t.same(snapshot(app, itemId), before, `${label} changed nothing`);
      }
    }
  }
});

t.test('a released note shows its procedure; the API returns state and procedure', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'review');
  const res = await transitionRequest(
    app,
    who.secretariat,
    itemId,
    { event: 'release', procedure: 'For discussion and agreement on next steps' },
    await noteEtag(app, who.secretariat, itemId),
  );
  t.equal(res.statusCode, 200);
  t.match(res.json(), {
    state: 'released',
    procedure: 'For discussion and agreement on next steps',
    procedureKind: 'for-discussion',
  });
  const asDelegate = await as(app, who.delegate, { method: 'GET', url: `/api/v1/items/${itemId}/note` });
  t.equal(asDelegate.statusCode, 200, 'a delegate reads a released note');
});

t.test('events that need a reason or a procedure say so, and change nothing', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const inReview = await noteIn(app, who, 'review');
  const etag = await noteEtag(app, who.secretariat, inReview);
  const noComment = await transitionRequest(app, who.secretariat, inReview, { event: 'return', comment: '  ' }, etag);
  t.equal(noComment.statusCode, 422);
  t.match(problemOf(t, noComment).detail, /say why/);

  const meeting = app.services.meetings.list()[0]!;
  const bare = createItem(app, who.secretariat, meeting.id, { rapporteurIds: [who.rapporteur.id] });
  const empty = await transitionRequest(
    app,
    who.rapporteur,
    bare.id,
    { event: 'submit' },
    await noteEtag(app, who.rapporteur, bare.id),
  );
  t.equal(empty.statusCode, 422, 'an empty note cannot be submitted');

  app.services.notes.createVersion(actor(who.rapporteur), bare.id, {
    sections: { summary: ['No procedure sentence.'] },
  });
  app.services.workflow.perform(actor(who.rapporteur), bare.id, { event: 'submit' });
  const noProcedure = await transitionRequest(
    app,
    who.secretariat,
    bare.id,
    { event: 'release' },
    await noteEtag(app, who.secretariat, bare.id),
  );
  t.equal(noProcedure.statusCode, 422);
  t.match(problemOf(t, noProcedure).detail, /Set the procedure/);
});

t.test('writes without If-Match are 428; with a stale ETag 412 and the current note', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'drafting');
  const stale = await noteEtag(app, who.rapporteur, itemId);
  const missing = await as(app, who.rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/transitions`,
    payload: { event: 'submit' },
  });
  t.equal(missing.statusCode, 428);
  t.equal(problemOf(t, missing).code, 'AGENDUM_IF_MATCH_REQUIRED');

  app.services.notes.createVersion(actor(who.rapporteur), itemId, simpleContent('Changed meanwhile.'));
  for (const [method, url, payload] of [
    ['POST', `/api/v1/items/${itemId}/note/transitions`, { event: 'submit' }],
    ['POST', `/api/v1/items/${itemId}/note/versions`, simpleContent('Mine.')],
    ['PATCH', `/api/v1/items/${itemId}/note`, { procedure: 'for-adoption' }],
  ] as const) {
    const res = await as(app, who.rapporteur, { method, url, payload, headers: { 'if-match': stale } });
    t.equal(res.statusCode, 412, `${method} ${url}`);
    const problem = problemOf(t, res) as unknown as { code: string; current: { versionCount: number } };
    t.equal(problem.code, 'AGENDUM_STALE');
    t.equal(problem.current.versionCount, 2, 'the body carries the current note');
    t.equal(res.headers.etag, await noteEtag(app, who.rapporteur, itemId), 'and its ETag');
  }
});

t.test('two concurrent releases with the same ETag: exactly one wins, the audit shows one release', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'review');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const etag = await noteEtag(app, who.secretariat, itemId);
  const release = () =>
    fetch(`http://127.0.0.1:${address.port}/api/v1/items/${itemId}/note/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': etag, ...who.secretariat.headers },
      body: JSON.stringify({ event: 'release' }),
    });
  const statuses = (await Promise.all([release(), release()])).map((r) => r.status).sort();
  t.equal(statuses[0], 200);
  t.ok([409, 412].includes(statuses[1]!), `the loser gets 409 or 412 (got ${statuses[1]})`);
  const releases = app.database.sqlite
    .prepare("select count(*) as n from audit_events where item_id = ? and event = 'release'")
    .get(itemId) as { n: number };
  t.equal(releases.n, 1);
});

t.test('the audit trail is hash-chained: a row edited in SQLite is reported by /audit/verify', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  await noteIn(app, who, 'released');
  await noteIn(app, who, 'withdrawn');
  const verify = () => as(app, who.admin, { method: 'GET', url: '/api/v1/audit/verify' });
  t.same((await verify()).json(), { ok: true, checked: 3, people: { ok: true, checked: 5 } });
  t.equal((await as(app, who.secretariat, { method: 'GET', url: '/api/v1/audit/verify' })).statusCode, 403);

  t.throws(() => app.database.sqlite.prepare("update audit_events set comment = 'x'").run(), /append-only/);
  t.throws(() => app.database.sqlite.prepare('delete from audit_events').run(), /append-only/);
  // Someone with the database file drops the guard and rewrites history:
  app.database.sqlite.exec('drop trigger audit_events_no_update');
  app.database.sqlite.prepare('update audit_events set actor_id = 999 where id = 2').run();
  t.match((await verify()).json(), { ok: false, brokenAt: 2, reason: /edited/ });
});

t.test('the history lists every transition with who, when, from, to, comment and version hash', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'released');
  const res = await as(app, who.rapporteur, { method: 'GET', url: `/api/v1/items/${itemId}/note/history` });
  t.equal(res.statusCode, 200);
  const history = res.json();
  t.same(
    history.map((h: { event: string }) => h.event),
    ['submit', 'release'],
  );
  t.match(history[0], {
    fromState: 'drafting',
    toState: 'review',
    at: '2020-11-01T09:00:00.000Z',
    versionHash: /^[0-9a-f]{64}$/,
  });
  t.equal(
    (await as(app, who.delegate, { method: 'GET', url: `/api/v1/items/${itemId}/note/history` })).statusCode,
    404,
  );
});

t.test('procedure and outcome through PATCH', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'drafting');
  const patch = async (payload: Record<string, unknown>, by = who.secretariat) =>
    as(app, by, {
      method: 'PATCH',
      url: `/api/v1/items/${itemId}/note`,
      payload,
      headers: { 'if-match': await noteEtag(app, by, itemId) },
    });
  t.equal((await patch({ procedure: 'for-adoption' })).json().procedureKind, 'for-adoption');
  t.equal((await patch({ procedure: 'Please read' })).statusCode, 422);
  t.equal((await patch({ outcome: 'adopted' })).statusCode, 409, 'no outcome before release');
  app.services.workflow.perform(actor(who.secretariat), itemId, { event: 'submit' });
  app.services.workflow.perform(actor(who.secretariat), itemId, { event: 'release' });
  t.equal((await patch({ procedure: 'for-information' })).statusCode, 409, 'a released note keeps its procedure');
  t.equal((await patch({ outcome: 'adopted' }, who.rapporteur)).statusCode, 403);
  const adopted = await patch({ outcome: 'adopted' });
  t.equal(adopted.statusCode, 200);
});

t.test('versions are written only while drafting', async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'review');
  const res = await as(app, who.rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions`,
    headers: { 'if-match': await noteEtag(app, who.rapporteur, itemId) },
    payload: simpleContent('Late change.'),
  });
  t.equal(res.statusCode, 409);
  t.match(problemOf(t, res).detail, /only while drafting/);
});

t.test("transitions notify the item's rapporteurs and the secretariat, not the actor", async (t) => {
  const app = await build(t);
  const who = await cast(app);
  const itemId = await noteIn(app, who, 'review');
  app.services.workflow.perform(actor(who.secretariat), itemId, {
    event: 'return',
    comment: 'Add the ENISA reference.',
  });
  const mine = await as(app, who.rapporteur, { method: 'GET', url: '/api/v1/notifications' });
  t.match(mine.json()[0], {
    kind: 'note-return',
    itemId,
    message: /returned to drafting .*: Add the ENISA reference\./,
  });
  const staff = await as(app, who.secretariat, { method: 'GET', url: '/api/v1/notifications' });
  t.notOk(
    staff.json().some((n: { kind: string }) => n.kind === 'note-return'),
    'the actor is not told of their own act',
  );
  t.ok(
    staff.json().some((n: { kind: string }) => n.kind === 'note-submit'),
    'the secretariat was told of the submission',
  );
  const read = await as(app, who.rapporteur, {
    method: 'POST',
    url: `/api/v1/notifications/${mine.json()[0].id}/read`,
  });
  t.equal(read.statusCode, 204);
  t.equal(
    (await as(app, who.delegate, { method: 'POST', url: `/api/v1/notifications/${mine.json()[0].id}/read` }))
      .statusCode,
    404,
  );
});
