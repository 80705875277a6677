import { readdirSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import t from 'tap';
import { actor, createItem, meetingSetup } from '../factories.js';
import { as, build, signedIn } from '../helper.js';

const DRAFT =
  '1. Issue at stake\nStake.\n2. Summary\nA draft.\n3. Format of procedure in the meeting\nFor information.\n';

t.test('every answer behind sign-in is Cache-Control: no-store; the public stylesheet keeps caching', async (t) => {
  const app = await build(t);
  const staff = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, staff);
  const item = createItem(app, staff, meeting.id);
  await app.services.ingest.ingestDraft(
    actor(staff),
    item.id,
    { bytes: Buffer.from(DRAFT), fileName: 'draft.txt' },
    { dryRun: false },
  );
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const annex = await app.services.ingest.addAnnex(actor(staff), item.id, {
    bytes: Buffer.from(await pdf.save()),
    fileName: 'annex.pdf',
  });
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: 'correct horse battery',
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: 'correct horse battery' },
  });
  t.equal(signIn.headers['cache-control'], 'no-store', 'the sign-in answer');
  const cookies = { agendum_session: signIn.cookies[0]!.value };

  for (const url of [
    '/api/v1/meetings',
    `/api/v1/items/${item.id}/note`,
    `/api/v1/items/${item.id}/note.pdf`,
    `/api/v1/meetings/${meeting.id}/agenda.pdf`,
    `/api/v1/items/${item.id}/note/versions/1/original`,
    `/api/v1/items/${item.id}/annexes/${annex.id}`,
  ]) {
    const res = await as(app, staff, { method: 'GET', url });
    t.equal(res.statusCode, 200, `${url} answers`);
    t.equal(res.headers['cache-control'], 'no-store', `${url}: no-store`);
  }
  const samId = app.services.people.list(actor(staff)).find((p) => p.name === 'Sam')!.id;
  for (const url of [
    '/meetings',
    `/meetings/${meeting.id}`,
    `/items/${item.id}`,
    '/people',
    '/people/new',
    `/people/${samId}`,
    '/account',
    '/notifications',
  ]) {
    const res = await app.inject({ method: 'GET', url, cookies });
    t.equal(res.statusCode, 200, `page ${url} answers`);
    t.equal(res.headers['cache-control'], 'no-store', `page ${url}: no-store`);
  }
  const refused = await app.inject({ method: 'GET', url: `/api/v1/items/${item.id}/note` });
  t.equal(refused.statusCode, 401);
  t.equal(refused.headers['cache-control'], 'no-store', 'a refusal is not kept either');

  const page = await app.inject({ method: 'GET', url: '/meetings', cookies });
  const stylesheets = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const own = readdirSync(new URL('../../public/', import.meta.url)).filter((name) => name.endsWith('.css'));
  t.equal(stylesheets.length, 2 + own.length, "ECL's screen and print stylesheets, and each of public/*.css");
  for (const url of stylesheets) {
    for (const who of [cookies, {}]) {
      const css = await app.inject({ method: 'GET', url, cookies: who });
      t.equal(css.statusCode, 200);
      // Versioned or hash-named: kept a year, never asked again.
      t.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable', `${url} keeps its caching`);
    }
  }
});
