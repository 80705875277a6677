import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import t, { type Test } from 'tap';
import { ITEM_9_1 } from '../../src/demo/seed-notes.js';
import { actor } from '../factories.js';
import { build, reposOf, testConfig } from '../helper.js';
import { answerFault, createProber } from '../support/api-answer.js';
import { draftDocx, draftPdf } from '../support/draft-files.js';
import {
  AUTHORIZATION,
  brokenJsonText,
  CONTENT_TYPES,
  headerText,
  IF_MATCH,
  jsonText,
  junkSegment,
  junkString,
  mutatedBody,
  pct,
  queryString,
} from '../support/fuzz-arbitraries.js';
import { assertNoPollution, authOf, baseRequest, caller, holds, readEverything } from '../support/fuzz-run.js';
import { makeWorld, urlOf, validBody } from '../support/fuzz-world.js';
import {
  blankPdf,
  holdsJavaScript,
  HOSTILE_FILE_NAMES,
  SCRIPT_MARKER,
  withJavaScript,
  WRONG_MAGIC,
  zipBombs,
} from '../support/hostile-files.js';
import { fileUpload, multipart } from '../support/multipart.js';
import { multipartRequest } from '../support/upload-fuzz.js';

/**
 * Thousands of malformed requests at the API, as the secretariat and as nobody (app.inject, no
 * network): random JSON bodies, path parameters, query strings, headers and multipart uploads.
 * The property: no 5xx, no request that blocks the server, and every 4xx an
 * application/problem+json whose `status` is the HTTP status and whose `code` starts with AGENDUM_.
 */

const ENV = {
  AGENDUM_MAX_UPLOAD_MB: '0.25',
  AGENDUM_MAX_UNZIPPED_MB: '2',
  AGENDUM_MAX_ZIP_ENTRIES: '100',
  AGENDUM_TOKEN_PER_MINUTE: '10000000',
  AGENDUM_SIGNIN_PER_MINUTE: '100000',
};
/** A request slower than this blocked the event loop (a regular expression gone quadratic, say). */
const SLOW_MS = 1_500;

async function fuzzApp(t: Test) {
  const app = await build(t, { config: testConfig(t, ENV) });
  const world = await makeWorld(app);
  return { app, world, prober: createProber(app, SLOW_MS) };
}

t.test('random JSON bodies: wrong types, huge strings, nested junk, prototype keys', async (t) => {
  const { app, world, prober } = await fuzzApp(t);
  const routes = world.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  const arbitrary = fc.constantFrom(...routes).chain((route) =>
    fc.record({
      route: fc.constant(route),
      who: caller,
      body: fc.oneof(
        { arbitrary: mutatedBody(validBody(route, world)), weight: 4 },
        { arbitrary: jsonText, weight: 2 },
        { arbitrary: brokenJsonText, weight: 1 },
      ),
    }),
  );
  await holds(t, 'JSON bodies', prober, {
    arbitrary,
    numRuns: 900,
    toRequest: async ({ route, who, body }) => {
      const base = await baseRequest(route, world, who);
      return { ...base, headers: { ...base.headers, 'content-type': 'application/json' }, payload: body };
    },
  });
  assertNoPollution(t);
  await readEverything(t, app, world, prober);
});

t.test('random path parameters: negative, huge, not numbers, unicode, ../', async (t) => {
  const { world, prober } = await fuzzApp(t);
  const withParams = world.routes.filter((r) => r.url.includes(':'));
  const inRoute = fc.record({
    route: fc.constantFrom(...withParams),
    who: caller,
    segments: fc.array(junkSegment, { minLength: 3, maxLength: 3 }),
    keep: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  });
  await holds(t, 'path parameters', prober, {
    arbitrary: inRoute,
    numRuns: 700,
    toRequest: async ({ route, who, segments, keep }) => {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      // The first parameter is always junk, so that no destructive request reaches a real row.
      const junk = Object.fromEntries(
        names.map((name, i) => [name, segments[i]!]).filter((_, i) => i === 0 || !keep[i]),
      );
      return { ...(await baseRequest(route, world, who)), url: urlOf(route, world, junk) };
    },
  });
  const anyPath = fc
    .record({
      who: caller,
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      segments: fc.array(
        fc.oneof(junkSegment, fc.constantFrom('items', 'meetings', 'note', 'versions', '1', '.', '..', '', 'v1')),
        { minLength: 1, maxLength: 6 },
      ),
    })
    // `..` may climb out of /api/ (the path resolves as a client resolves it): that address is a
    // page's, answered with the HTML "Not found" page, not an API path.
    .filter(({ segments }) => new URL(`/api/v1/${segments.join('/')}`, 'http://x').pathname.startsWith('/api/'));
  await holds(t, 'unknown paths', prober, {
    arbitrary: anyPath,
    numRuns: 200,
    toRequest: ({ who, method, segments }) => ({
      method: method as 'GET',
      url: `/api/v1/${segments.join('/')}`,
      headers: authOf(world, who),
    }),
  });
});

t.test('random query strings', async (t) => {
  const { world, prober } = await fuzzApp(t);
  const arbitrary = fc.constantFrom(...world.routes).chain((route) =>
    // No ?force=true on a DELETE: it would remove the very rows the other requests aim at.
    fc.record({
      route: fc.constant(route),
      who: caller,
      query: queryString({ allowForce: route.method !== 'DELETE' }),
    }),
  );
  await holds(t, 'query strings', prober, {
    arbitrary,
    numRuns: 400,
    toRequest: async ({ route, who, query }) => {
      const base = await baseRequest(route, world, who);
      return { ...base, url: `${String(base.url)}?${query}` };
    },
  });
  assertNoPollution(t);
});

t.test('random headers: Content-Type mismatches, garbage If-Match, Authorization, cookies', async (t) => {
  const { world, prober } = await fuzzApp(t);
  const headers = fc.record(
    {
      'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText(60)),
      'if-match': fc.oneof(fc.constantFrom(...IF_MATCH), headerText(80)),
      authorization: fc.oneof(
        fc.constantFrom(...AUTHORIZATION),
        headerText(80).map((s) => `Bearer ${s}`),
      ),
      cookie: fc.oneof(
        headerText(80).map((s) => `agendum_session=${s}`),
        headerText(80),
      ),
      'content-length': fc.constantFrom('0', '1', '-1', 'abc', '99999999', '1e3'),
      'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-junk'),
      accept: fc.oneof(fc.constantFrom('application/xml', 'text/html', '*/*;q=x', ''), headerText(40)),
      'accept-language': headerText(40),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'junk', '::1, 10.0.0.1', ''),
    },
    { requiredKeys: [] },
  );
  await holds(t, 'headers', prober, {
    arbitrary: fc.record({ route: fc.constantFrom(...world.routes), who: caller, headers }),
    numRuns: 600,
    toRequest: async ({ route, who, headers }) => {
      const base = await baseRequest(route, world, who);
      return { ...base, headers: { ...base.headers, ...headers } };
    },
  });
  await holds(t, 'bodies that are not what Content-Type says, or no body at all', prober, {
    arbitrary: fc.record({
      route: fc.constantFrom(...world.routes.filter((r) => r.method !== 'GET')),
      who: caller,
      type: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
      body: fc.option(
        fc.oneof(
          jsonText,
          junkString.map(pct),
          fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
        ),
        { nil: undefined },
      ),
    }),
    numRuns: 300,
    toRequest: async ({ route, who, type, body }) => {
      const { payload: _valid, headers: baseHeaders, ...base } = await baseRequest(route, world, who);
      const headers: Record<string, string> = { ...(baseHeaders as Record<string, string>) };
      delete headers['content-type'];
      if (type !== undefined) headers['content-type'] = type;
      return { ...base, headers, ...(body === undefined ? {} : { payload: body }) };
    },
  });
});

const SEED_TEXT = readFileSync(
  fileURLToPath(new URL('../fixtures/seeds/ehn18-item-9.1-nis-ws12-update.txt', import.meta.url)),
);

t.test('uploads: random bytes and hostile files are refused cleanly; no file stays on disk unnamed', async (t) => {
  const { app, world, prober } = await fuzzApp(t);
  const itemId = world.draftItemId;
  const coverNote = { itemLine: '1  Draft item', content: ITEM_9_1.content };
  const [notePdf, noteDocx, annexPdf] = [await draftPdf(coverNote), await draftDocx(coverNote), await blankPdf()];
  type UploadRoute = 'version' | 'dry-run' | 'annex';
  const uploadRequest = (
    route: UploadRoute,
    headers: Record<string, string>,
    body: { payload: Buffer; contentType: string },
  ) => ({
    method: 'POST' as const,
    url:
      route === 'annex'
        ? `/api/v1/items/${itemId}/annexes`
        : `/api/v1/items/${itemId}/note/versions${route === 'dry-run' ? '?dryRun=true' : ''}`,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
  const send = (route: UploadRoute, body: { payload: Buffer; contentType: string }) =>
    prober.send(uploadRequest(route, { ...world.secretariat.headers, 'if-match': '*' }, body));
  const upload = (route: 'version' | 'annex', fileName: string, bytes: Buffer) => {
    const body = fileUpload(fileName, bytes);
    return send(route, { payload: body.payload, contentType: body.headers['content-type'] });
  };
  // pdfjs loads its worker with the first PDF it reads (seconds): here, not inside a timed request.
  const warmUp = fileUpload('warm-up.pdf', notePdf);
  const first = await app.inject({
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions`,
    headers: { ...world.secretariat.headers, ...warmUp.headers, 'if-match': '*' },
    payload: warmUp.payload,
  });
  t.equal(first.statusCode, 201, 'a real PDF draft is stored');

  await holds(t, 'multipart uploads', prober, {
    arbitrary: fc.record({
      route: fc.constantFrom('version' as const, 'dry-run' as const, 'annex' as const),
      who: caller,
      ifMatch: fc.constantFrom('*', '"note-0-0"', 'garbage', undefined),
      body: multipartRequest([SEED_TEXT, notePdf, noteDocx, annexPdf]),
    }),
    numRuns: 400,
    toRequest: ({ route, who, ifMatch, body }) =>
      uploadRequest(route, { ...authOf(world, who), ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) }, body),
  });

  /** A refusal: a 4xx problem (with the status and code given). */
  const refused = async (
    t: Test,
    label: string,
    result: Awaited<ReturnType<typeof upload>>,
    expected: { status?: number; code?: string } = {},
  ) => {
    const { res, fault } = result;
    t.notOk(fault, `${label}: a clean answer`, { fault });
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: refused (${res.statusCode})`);
    if (expected.status) t.equal(res.statusCode, expected.status, `${label}: ${expected.status}`);
    if (expected.code) t.equal(res.json().code, expected.code, `${label}: ${expected.code}`);
  };

  await t.test('oversize files: 413 before anything is stored', async (t) => {
    const padded = Buffer.concat([annexPdf, Buffer.alloc(300_000, 0x20)]);
    for (const [name, bytes] of [
      ['big.txt', Buffer.alloc(300_000, 'a')],
      ['big.pdf', padded],
      ['huge.bin', Buffer.alloc(3 * 1024 * 1024, 1)],
    ] as const) {
      for (const route of ['version', 'annex'] as const)
        await refused(t, `${route} ${name}`, await upload(route, name, bytes), { status: 413 });
    }
    t.end();
  });

  await t.test('zip bombs: refused as drafts (real bytes counted), refused as annexes (not a PDF)', async (t) => {
    const slip = '/tmp/agendum-zip-slip.txt';
    const slipExisted = existsSync(slip);
    for (const [name, bytes] of Object.entries(zipBombs())) {
      const asDraft = await upload('version', name, bytes);
      if (name === 'zip-slip.docx')
        t.notOk(asDraft.fault, `${name}: a clean answer (${asDraft.res.statusCode})`, { fault: asDraft.fault });
      else await refused(t, `draft ${name}`, asDraft, { status: 422, code: 'AGENDUM_BAD_UPLOAD' });
      await refused(t, `annex ${name}`, await upload('annex', name, bytes), { status: 415 });
    }
    if (!slipExisted) t.notOk(existsSync(slip), 'no zip entry was written outside');
    t.end();
  });

  await t.test('wrong magic bytes: the content decides, not the name', async (t) => {
    for (const [name, bytes] of Object.entries(WRONG_MAGIC)) {
      await refused(t, `draft ${name}`, await upload('version', name, bytes));
      await refused(t, `annex ${name}`, await upload('annex', name, bytes), {
        status: 415,
        code: 'AGENDUM_UNSUPPORTED_FILE',
      });
    }
    t.end();
  });

  await t.test('truncated PDFs: 422', async (t) => {
    for (const keep of [0.3, 0.6, 0.9]) {
      await refused(
        t,
        `draft cut at ${keep}`,
        await upload('version', 'cut.pdf', notePdf.subarray(0, Math.floor(notePdf.length * keep))),
        { status: 422 },
      );
      await refused(
        t,
        `annex cut at ${keep}`,
        await upload('annex', 'cut.pdf', annexPdf.subarray(0, Math.floor(annexPdf.length * keep))),
        { status: 422 },
      );
      await refused(
        t,
        `long annex cut at ${keep}`,
        await upload('annex', 'cut.pdf', notePdf.subarray(0, Math.floor(notePdf.length * keep))),
        { status: 422 },
      );
    }
    t.end();
  });

  await t.test(
    'path traversal names: refused, or kept as a bare name only (the bytes go under a generated name)',
    async (t) => {
      for (const name of HOSTILE_FILE_NAMES) {
        for (const [route, bytes] of [
          ['annex', annexPdf],
          ['version', SEED_TEXT],
        ] as const) {
          const { res, fault } = await upload(route, name, bytes);
          t.notOk(fault, `${route} ${JSON.stringify(name.slice(0, 60))}: a clean answer (${res.statusCode})`, {
            fault,
          });
          if (res.statusCode !== 201) continue;
          const shownName: string = route === 'annex' ? res.json().fileName : res.json().file.name;
          t.notMatch(
            shownName,
            // eslint-disable-next-line no-control-regex
            /[/\\\u0000-\u001f"]|^\.\.?$/,
            `${route} ${JSON.stringify(name.slice(0, 60))}: shown as ${JSON.stringify(shownName.slice(0, 60))}`,
          );
        }
      }
      t.notOk(existsSync('/tmp/agendum-escape.pdf'), 'nothing was written outside the uploads folder');
      const strays = readdirSync(app.config.dataDir).filter(
        (f) => !/^(agendum\.sqlite(-wal|-shm)?|link-secret|uploads|outgoing-mail)$/.test(f),
      );
      t.same(strays, [], 'the data folder holds only what agendum itself writes there');
      const unnamed = readdirSync(app.config.uploadsDir).filter((f) => !/^[0-9a-f]{32}\.(pdf|docx|txt)$/.test(f));
      t.same(unnamed, [], 'every stored file has a generated name');
      t.end();
    },
  );

  await t.test('a file part without a file name (busboy calls an octet-stream part a file)', async (t) => {
    for (const [route, bytes] of [
      ['version', Buffer.from('Dear colleagues,\nplease find attached.\n')],
      ['version', SEED_TEXT],
      ['annex', annexPdf],
    ] as const) {
      const body = multipart([{ name: 'file', type: 'application/octet-stream', content: bytes }]);
      const { res, fault } = await send(route, { payload: body.payload, contentType: body.headers['content-type'] });
      t.notOk(fault, `${route} without a file name: a clean answer (${res.statusCode})`, { fault });
    }
    t.end();
  });

  await t.test('damaged PDFs (bytes changed inside a real one): read, or refused cleanly', async (t) => {
    // A fixed pseudo-random sequence (Park-Miller): the same 40 damaged files on every run.
    let state = 1;
    const next = () => (state = (state * 48271) % 2147483647);
    const faults: string[] = [];
    for (let k = 0; k < 40; k += 1) {
      const damaged = Buffer.from(notePdf);
      for (let i = 0; i < 20; i += 1) damaged[next() % damaged.length] = next() % 256;
      const body = fileUpload(`damaged-${k}.pdf`, damaged);
      for (const route of ['dry-run', 'annex'] as const) {
        const { fault } = await send(route, { payload: body.payload, contentType: body.headers['content-type'] });
        if (fault) faults.push(`#${k} ${fault.split('\n')[1]!.trim()}`);
      }
    }
    t.same(faults, [], '80 damaged uploads, each answered cleanly');
    t.end();
  });

  await t.test(
    'a PDF with JavaScript is refused, or stored without its script ever running or reaching the packet',
    async (t) => {
      const scripted = await withJavaScript(annexPdf);
      const asAnnex = await upload('annex', 'scripted.pdf', scripted);
      const asDraft = await upload('version', 'scripted-draft.pdf', await withJavaScript(notePdf));
      for (const [label, { res, fault }] of [
        ['annex', asAnnex],
        ['draft', asDraft],
      ] as const) {
        t.notOk(fault, `${label}: a clean answer (${res.statusCode})`, { fault });
      }
      if (asAnnex.res.statusCode === 201) {
        const download = await app.inject({
          method: 'GET',
          url: `/api/v1/items/${itemId}/annexes/${asAnnex.res.json().id}`,
          headers: world.secretariat.headers,
        });
        t.match(download.headers['content-disposition'], /^attachment;/, 'the stored annex downloads as an attachment');
        t.equal(download.headers['x-content-type-options'], 'nosniff', 'and with nosniff');
      }
      // Every annex stored above (damaged ones pdf-lib accepted included) goes into the packet,
      // which delegates open in their PDF viewer: a script in it would run there.
      const staff = actor(world.secretariat);
      app.services.workflow.perform(staff, itemId, { event: 'submit' });
      app.services.workflow.perform(staff, itemId, { event: 'release' });
      const packet = await app.inject({
        method: 'GET',
        url: `/api/v1/meetings/${world.ids.meetingId}/packet.pdf`,
        headers: world.secretariat.headers,
      });
      t.notOk(answerFault(packet), `the packet answers cleanly (${packet.statusCode})`, { fault: answerFault(packet) });
      // An annex agendum accepted is one the packet can merge: otherwise one file blocks the whole packet.
      t.equal(packet.statusCode, 200, 'the packet with every stored annex builds', { body: packet.body.slice(0, 300) });
      t.notOk(holdsJavaScript(packet.rawPayload), 'the packet sent to delegates carries no JavaScript action');
      t.equal(
        (globalThis as Record<string, unknown>)[SCRIPT_MARKER],
        undefined,
        'no script of an uploaded PDF ran in the server',
      );
      t.end();
    },
  );

  const named = reposOf(app).files.allStoredNames();
  const onDisk = readdirSync(app.config.uploadsDir);
  t.same(
    onDisk.filter((f) => !named.has(f)),
    [],
    'the uploads folder holds only files a database row names',
  );
  t.same(
    [...named].filter((n) => !onDisk.includes(n)),
    [],
    'every row names a file that is there',
  );
  t.comment(`uploads: ${onDisk.length} files stored, each named by a row`);
});

/**
 * XSS at the API level: JSON is data, answered as application/json with nosniff, so a browser
 * never renders it as a page. Text comes back exactly as typed; escaping is the HTML layer's job
 * (Handlebars `{{ }}` in the pages and mails, tested there).
 */
t.test(
  'script-like text in titles, names, comments and note text comes back from the JSON API exactly as typed',
  async (t) => {
    const { app, world } = await fuzzApp(t);
    const who = world.secretariat;
    const call = async (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: unknown,
      extra: Record<string, string> = {},
    ) => {
      const res = await app.inject({
        method,
        url,
        headers: { ...who.headers, ...extra },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      t.ok(res.statusCode < 300, `${method} ${url} -> ${res.statusCode}`, { body: res.body.slice(0, 300) });
      t.match(res.headers['content-type'], /^application\/json/, `${method} ${url}: JSON, never text/html`);
      t.equal(res.headers['x-content-type-options'], 'nosniff', `${method} ${url}: nosniff`);
      return res.json();
    };
    for (const [i, text] of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'].entries()) {
      const network = await call('POST', '/api/v1/networks', { name: text, headerLines: [text] });
      t.match(
        (await call('GET', '/api/v1/networks')).find((n: { id: number }) => n.id === network.id),
        { name: text, headerLines: [text] },
        'network name',
      );
      const meeting = await call('POST', '/api/v1/meetings', {
        networkId: network.id,
        ordinal: 40 + i,
        startDate: '2021-01-01',
        endDate: '2021-01-01',
        city: text,
        country: text,
      });
      t.match(await call('GET', `/api/v1/meetings/${meeting.id}`), { city: text, country: text }, 'meeting place');
      const person = await call('POST', '/api/v1/people', {
        name: text,
        email: `xss${i}@example.org`,
        role: 'rapporteur',
        organisation: text,
      });
      t.match(await call('GET', `/api/v1/people/${person.id}`), { name: text, organisation: text }, 'person name');
      const item = await call('POST', `/api/v1/meetings/${meeting.id}/items`, {
        title: text,
        rapporteurIds: [person.id],
      });
      t.match(
        await call('GET', `/api/v1/items/${item.id}`),
        { title: text, rapporteurs: [{ name: text }] },
        'item title and rapporteur',
      );
      const content = {
        sections: { issueAtStake: [text], summary: [[{ text }, { footnote: 1 }]], procedure: ['For information.'] },
        footnotes: [{ text }],
      };
      await call('POST', `/api/v1/items/${item.id}/note/versions`, content, { 'if-match': '*' });
      const note = await call('GET', `/api/v1/items/${item.id}/note`);
      t.same(note.currentVersion.sections.issueAtStake, [[{ text }]], 'note text');
      t.same(note.currentVersion.sections.summary[0][0], { text }, 'note text run');
      t.same(note.currentVersion.footnotes, [{ text }], 'footnote');
      const comment = await call('POST', `/api/v1/items/${item.id}/note/comments`, { body: text });
      t.match(
        (await call('GET', `/api/v1/items/${item.id}/note/comments`)).find((c: { id: number }) => c.id === comment.id),
        { body: text },
        'comment',
      );
      await call('POST', `/api/v1/items/${item.id}/note/transitions`, { event: 'submit' }, { 'if-match': '*' });
      await call(
        'POST',
        `/api/v1/items/${item.id}/note/transitions`,
        { event: 'return', comment: text },
        { 'if-match': '*' },
      );
      t.equal((await call('GET', `/api/v1/items/${item.id}/note/history`)).at(-1).comment, text, 'workflow comment');
      const annex = multipart([
        { name: 'title', content: text },
        { name: 'file', fileName: 'annex.pdf', content: await blankPdf() },
      ]);
      await call('POST', `/api/v1/items/${item.id}/annexes`, annex.payload, annex.headers);
      t.match(await call('GET', `/api/v1/items/${item.id}/annexes`), [{ title: text }], 'annex title');
      await call('POST', '/api/v1/tokens', { name: text });
      t.ok(
        (await call('GET', '/api/v1/tokens')).some((token: { name: string }) => token.name === text),
        'token name',
      );
    }
  },
);
