import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { actor, createItem, meetingSetup, simpleContent } from '../factories.js';
import { build, reposOf, signedIn, type TestApp, testConfig } from '../helper.js';
import { blankPdf } from '../support/hostile-files.js';
import { fileUpload } from '../support/multipart.js';
import { startServer } from '../support/server-process.js';

/**
 * `kill -9` in the middle of a burst of concurrent writes sent over real HTTP to the real server
 * process: JSON versions, uploaded drafts, annexes, comments, workflow transitions. Whatever the
 * server acknowledged (a 2xx the client received) must be there after the restart, the database
 * must pass its integrity check, the audit chain must verify, and no file may be left on disk
 * that no row names.
 */

const ENV = { AGENDUM_TOKEN_PER_MINUTE: '10000000' };
/**
 * The kill comes once this many writes, this many of them file uploads, were acknowledged, or
 * after KILL_AFTER_MS, whichever is first.
 */
const KILL_AFTER_WRITES = 200;
const KILL_AFTER_UPLOADS = 30;
const KILL_AFTER_MS = 5_000;
const SEED = readFileSync(
  fileURLToPath(new URL('../fixtures/seeds/ehn18-item-9.1-nis-ws12-update.txt', import.meta.url)),
);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Acknowledged {
  versions: { itemId: number; number: number; id: number; contentHash: string }[];
  drafts: { itemId: number; number: number; sha256: string }[];
  annexes: { itemId: number; id: number; sha256: string }[];
  comments: { itemId: number; id: number; body: string }[];
  /** Per item, the events acknowledged, in order (one worker per item, so the order is the server's). */
  transitions: Map<number, string[]>;
}

/** Writes over HTTP until told to stop or until the server is gone; records every acknowledged write. */
function startBurst(
  baseUrl: string,
  token: string,
  plan: { writeItems: number[]; flowItems: number[]; annex: Buffer },
) {
  const acked: Acknowledged = { versions: [], drafts: [], annexes: [], comments: [], transitions: new Map() };
  const answers = { ok: 0, refused: [] as string[], cut: 0 };
  let stopped = false;
  const auth = { authorization: `Bearer ${token}` };

  /** One request; null when the connection failed (the server died before answering). */
  async function send(
    path: string,
    init: { method?: string; headers?: Record<string, string>; body: string | Buffer },
  ) {
    try {
      const res = await fetch(`${baseUrl}/api/v1${path}`, {
        method: 'POST',
        ...init,
        headers: { ...auth, ...init.headers },
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.ok) answers.ok += 1;
      else answers.refused.push(`${path} -> ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
      return { status: res.status, json };
    } catch {
      answers.cut += 1;
      return null;
    }
  }
  const json = (body: unknown, ifMatch?: string) => ({
    headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });
  const upload = (name: string, bytes: Buffer, ifMatch?: string) => {
    const body = fileUpload(name, bytes);
    return { headers: { ...body.headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body: body.payload };
  };
  const loop = async (step: (n: number) => Promise<boolean>) => {
    for (let n = 1; !stopped; n += 1) if (!(await step(n))) return;
  };

  const workers: Promise<void>[] = [];
  for (const itemId of plan.writeItems) {
    const note = `/items/${itemId}/note`;
    // Two writers of JSON versions on the same note: If-Match * lets both win, numbers never collide.
    for (const writer of [1, 2]) {
      workers.push(
        loop(async (n) => {
          const res = await send(
            `${note}/versions`,
            json(simpleContent(`Version ${writer}.${n} of item ${itemId}.`), '*'),
          );
          if (res?.status === 201)
            acked.versions.push({
              itemId,
              number: res.json.number as number,
              id: res.json.id as number,
              contentHash: res.json.contentHash as string,
            });
          return res !== null;
        }),
      );
    }
    for (const uploader of [1, 2]) {
      workers.push(
        loop(async (n) => {
          const bytes = Buffer.concat([SEED, Buffer.from(`\nDraft ${uploader}.${n} of item ${itemId}.\n`)]);
          const res = await send(`${note}/versions`, upload(`draft-${n}.txt`, bytes, '*'));
          if (res?.status === 201) {
            const version = res.json.version as { number: number };
            acked.drafts.push({ itemId, number: version.number, sha256: sha256(bytes) });
          }
          return res !== null;
        }),
      );
      workers.push(
        loop(async (n) => {
          const res = await send(`/items/${itemId}/annexes`, upload(`annex-${uploader}.${n}.pdf`, plan.annex));
          if (res?.status === 201)
            acked.annexes.push({ itemId, id: res.json.id as number, sha256: res.json.sha256 as string });
          return res !== null;
        }),
      );
    }
    workers.push(
      loop(async (n) => {
        const body = `Comment ${n} on item ${itemId}.`;
        const res = await send(`${note}/comments`, json({ body }));
        if (res?.status === 201) acked.comments.push({ itemId, id: res.json.id as number, body });
        return res !== null;
      }),
    );
  }
  for (const itemId of plan.flowItems) {
    const done: string[] = [];
    acked.transitions.set(itemId, done);
    workers.push(
      loop(async (n) => {
        const event = done.length % 2 === 0 ? 'submit' : 'return';
        const res = await send(
          `/items/${itemId}/note/transitions`,
          json(event === 'submit' ? { event } : { event, comment: `Back ${n}.` }, '*'),
        );
        if (res?.status === 200) done.push(event);
        return res?.status === 200;
      }),
    );
  }
  const uploads = () => acked.drafts.length + acked.annexes.length;
  const count = () =>
    acked.versions.length +
    acked.drafts.length +
    acked.annexes.length +
    acked.comments.length +
    [...acked.transitions.values()].reduce((s, l) => s + l.length, 0);
  return { acked, answers, count, uploads, done: Promise.all(workers), stop: () => (stopped = true) };
}

/** The in-process app on the same data folder: the network, meeting and items the burst writes to. */
async function prepare(app: TestApp) {
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const items = Array.from(
    { length: 6 },
    (_, i) => createItem(app, secretariat, meeting.id, { title: `Item ${i + 1}` }).id,
  );
  for (const itemId of items) app.services.notes.createVersion(actor(secretariat), itemId, simpleContent());
  return { token: secretariat.token, writeItems: items.slice(0, 3), flowItems: items.slice(3) };
}

t.test(
  'kill -9 during a burst of writes: every acknowledged write survives, the database and audit chain are sound, no orphan file',
  async (t) => {
    const config = testConfig(t, ENV);
    const setup = await build(t, { config });
    const plan = { ...(await prepare(setup)), annex: await blankPdf() };
    await setup.close();

    const server = await startServer({
      AGENDUM_DATA_DIR: config.dataDir,
      AGENDUM_DEMO: '0',
      LOG_LEVEL: 'info',
      AGENDUM_SCRYPT_LOG_N: '10',
      ...ENV,
    });
    t.teardown(() => void (server.isRunning() && server.child.kill('SIGKILL')));

    const burst = startBurst(server.url, plan.token, plan);
    const started = Date.now();
    while (
      (burst.count() < KILL_AFTER_WRITES || burst.uploads() < KILL_AFTER_UPLOADS) &&
      Date.now() - started < KILL_AFTER_MS &&
      server.isRunning()
    ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    t.ok(server.isRunning(), 'the server ran the burst until the kill');
    server.child.kill('SIGKILL');
    const { signal } = await server.exited;
    burst.stop();
    await burst.done;
    const { acked, answers } = burst;
    t.equal(signal, 'SIGKILL', 'killed with SIGKILL');
    t.ok(answers.cut > 0, `the kill cut requests in flight (${answers.cut})`);
    t.ok(
      burst.count() > 0,
      `writes were acknowledged before the kill (${burst.count()}: ${acked.versions.length} versions, ${acked.drafts.length} uploaded drafts, ${acked.annexes.length} annexes, ${acked.comments.length} comments, ${[...acked.transitions.values()].flat().length} transitions)`,
    );
    t.same(answers.refused, [], 'no write of the burst was refused, and none ended in a 5xx');
    const leftBehind = readdirSync(config.uploadsDir);
    t.comment(
      `after the kill: ${leftBehind.length} files in uploads, ${leftBehind.filter((f) => f.startsWith('.tmp-')).length} temporary`,
    );

    const app = await build(t, { config });
    t.equal(app.database.sqlite.pragma('integrity_check', { simple: true }), 'ok', 'PRAGMA integrity_check: ok');
    t.same(app.database.sqlite.pragma('foreign_key_check'), [], 'no broken foreign key');
    const admin = await signedIn(app, 'admin');
    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    t.match(audit.json(), { ok: true }, `the audit chain verifies (${audit.body})`);

    const headers = { authorization: `Bearer ${plan.token}` };
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`GET ${url} -> ${res.statusCode} ${res.body}`);
      return res;
    };
    for (const itemId of plan.writeItems) {
      const stored = new Map(
        (
          (await get(`/api/v1/items/${itemId}/note/versions`)).json() as {
            number: number;
            id: number;
            contentHash: string;
          }[]
        ).map((v) => [v.number, v]),
      );
      const versions = acked.versions.filter((v) => v.itemId === itemId);
      t.same(
        versions.filter(
          (v) => stored.get(v.number)?.id !== v.id || stored.get(v.number)?.contentHash !== v.contentHash,
        ),
        [],
        `item ${itemId}: the ${versions.length} acknowledged JSON versions are there, same number and hash`,
      );
      const drafts = acked.drafts.filter((d) => d.itemId === itemId);
      const missing: unknown[] = [];
      for (const draft of drafts) {
        const original = await app.inject({
          method: 'GET',
          url: `/api/v1/items/${itemId}/note/versions/${draft.number}/original`,
          headers,
        });
        if (original.statusCode !== 200 || sha256(original.rawPayload) !== draft.sha256)
          missing.push({ ...draft, status: original.statusCode });
      }
      t.same(missing, [], `item ${itemId}: the ${drafts.length} acknowledged uploaded drafts are there, byte for byte`);
      const annexes = new Map(
        ((await get(`/api/v1/items/${itemId}/annexes`)).json() as { id: number; sha256: string }[]).map((a) => [
          a.id,
          a.sha256,
        ]),
      );
      const lostAnnexes: unknown[] = [];
      for (const annex of acked.annexes.filter((a) => a.itemId === itemId)) {
        const file = await app.inject({ method: 'GET', url: `/api/v1/items/${itemId}/annexes/${annex.id}`, headers });
        if (annexes.get(annex.id) !== annex.sha256 || sha256(file.rawPayload) !== annex.sha256) lostAnnexes.push(annex);
      }
      t.same(lostAnnexes, [], `item ${itemId}: every acknowledged annex is there, byte for byte`);
      const comments = new Map(
        ((await get(`/api/v1/items/${itemId}/note/comments`)).json() as { id: number; body: string }[]).map((c) => [
          c.id,
          c.body,
        ]),
      );
      t.same(
        acked.comments.filter((c) => c.itemId === itemId && comments.get(c.id) !== c.body),
        [],
        `item ${itemId}: every acknowledged comment is there`,
      );
    }
    for (const [itemId, events] of acked.transitions) {
      const history = (
        (await get(`/api/v1/items/${itemId}/note/history`)).json() as { event: string; toState: string }[]
      ).filter((h) => ['submit', 'return'].includes(h.event));
      t.same(
        history.slice(0, events.length).map((h) => h.event),
        events,
        `item ${itemId}: the ${events.length} acknowledged transitions are in the history, in order`,
      );
      t.ok(history.length <= events.length + 1, 'at most the one unacknowledged transition in flight at the kill');
      const note = (await get(`/api/v1/items/${itemId}/note`)).json() as { state: string };
      t.equal(
        note.state,
        history.at(-1)?.toState ?? 'drafting',
        `item ${itemId}: the note's state is its last transition's`,
      );
    }

    const named = reposOf(app).files.allStoredNames();
    const onDisk = readdirSync(config.uploadsDir);
    t.same(
      onDisk.filter((f) => f.startsWith('.tmp-') || !named.has(f)),
      [],
      'no orphan or temporary file remains after the start',
    );
    t.comment(
      `${leftBehind.filter((f) => !named.has(f)).length} file(s) the kill left unrecorded were swept at the start`,
    );
    t.same(
      [...named].filter((name) => !onDisk.includes(name)),
      [],
      'every stored file row names a file on disk',
    );
  },
);
