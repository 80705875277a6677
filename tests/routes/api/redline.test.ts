import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { actor, createItem } from '../../factories.js';
import { as, build, noteEtag, problemOf, signedIn } from '../../helper.js';
import { uploadDraft } from '../../support/draft-upload.js';
import { pdfText } from '../../support/pdf-text.js';

/**
 * The corrigendum of issue 17, from the seed: 9.2 uploaded as its text file and released,
 * reopened, one sentence of summary paragraph 3 changed and the footnote's source moved, then
 * released again with a reason. The redline a delegate downloads marks exactly those words,
 * and a change bar stands beside the changed lines only.
 */

const SEED_92 = readFileSync(
  fileURLToPath(new URL('../../fixtures/seeds/ehn18-item-9.2-cybersecurity-reflections.txt', import.meta.url)),
);
const OLD_URL = 'https://ec.europa.eu/digital-single-market/en/cyber-security';
const NEW_URL = 'https://digital-strategy.ec.europa.eu/en/policies/cybersecurity';
const REASON = 'Corrected paragraph 3 of the summary and the source of footnote 1';
// 2.5 cm margin less 14 pt: where the change bars stand.
const BAR_X = (2.5 * 72) / 2.54 - 14;

async function corrigendum(t: Test) {
  let now = new Date('2020-11-02T09:00:00.000Z');
  const app = await build(t, { now: () => now });
  const secretariat = await signedIn(app, 'secretariat');
  const delegate = await signedIn(app, 'delegate');
  const staff = actor(secretariat);
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES });
  const meeting = app.services.meetings.create(staff, {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
  });
  for (let i = 1; i < 9; i += 1) createItem(app, secretariat, meeting.id, { title: `Item ${i}` });
  const heading = createItem(app, secretariat, meeting.id, { title: 'Cybersecurity' });
  createItem(app, secretariat, meeting.id, { title: 'Update from WS12', parentId: heading.id });
  const item = createItem(app, secretariat, meeting.id, { title: ITEM_9_2.title, parentId: heading.id });
  const uploaded = await uploadDraft(
    app,
    secretariat,
    item.id,
    'ehn18-item-9.2-cybersecurity-reflections.txt',
    SEED_92,
  );
  t.equal(uploaded.statusCode, 201, 'the seed is read as version 1');

  const { workflow, notes } = app.services;
  workflow.perform(staff, item.id, { event: 'submit' });
  workflow.perform(staff, item.id, { event: 'release', procedure: 'for-information' });
  now = new Date('2020-11-09T09:00:00.000Z');
  workflow.perform(staff, item.id, { event: 'reopen', comment: 'The source of footnote 1 moved.' });
  const first = notes.getVersion(staff, item.id, 1);
  const summary = first.sections.summary.map((block, i) =>
    i === 2
      ? [
          {
            text: 'The Commission is preparing a legislative framework for cross-border health data sharing, to reflect the EU’s fundamental values – in terms of data protection, fundamental rights, safety and cybersecurity - and address the requirements of a changing health information landscape.',
          },
        ]
      : block,
  );
  notes.createVersion(staff, item.id, {
    sections: { ...first.sections, summary },
    footnotes: first.footnotes.map((f) => ({ ...f, sourceUrl: NEW_URL })),
  } as Parameters<typeof notes.createVersion>[2]);
  workflow.perform(staff, item.id, { event: 'submit' });
  return { app, secretariat, delegate, item, first };
}

const transition = async (
  app: FastifyInstance,
  who: Awaited<ReturnType<typeof signedIn>>,
  itemId: number,
  body: object,
) =>
  as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/transitions`,
    headers: { 'if-match': await noteEtag(app, who, itemId) },
    payload: body,
  });

/** The alternate texts of the structure tree's elements that say `inserted:` or `deleted:`, in reading order. */
async function changeTexts(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const found: string[] = [];
  type Node = { role?: string; alt?: string; children?: Node[] };
  const walk = (node: Node) => {
    if (node.alt && /^(inserted|deleted): /.test(node.alt)) found.push(node.alt);
    for (const child of node.children ?? []) walk(child);
  };
  for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as Node);
  await pdf.destroy();
  return found;
}

/** The change bars of each page: vertical rules at the bar's x, as [top, bottom] in page space (y down). */
async function changeBars(bytes: Buffer): Promise<[number, number][][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: [number, number][][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const ops = await (await pdf.getPage(n)).getOperatorList();
    const bars: [number, number][] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return;
      const minMax = ops.argsArray[i][2] as number[];
      const [x0, y0, x1, y1] = minMax;
      if (Math.abs(x0! - BAR_X) < 0.5 && Math.abs(x1! - BAR_X) < 0.5) bars.push([y0!, y1!]);
    });
    pages.push(bars);
  }
  await pdf.destroy();
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');
// The changed words as pdfjs reads them (justified text comes word by word; a line may break inside a change).
const CHANGED_ITEMS = ['working on', 'working', 'preparing', 'cross-border', 'cross-', 'border'];

t.test('a corrected release needs a one-line reason; the first one does not', async (t) => {
  const { app, secretariat, item } = await corrigendum(t);
  const refused = await transition(app, secretariat, item.id, { event: 'release', reason: '  ' });
  t.equal(refused.statusCode, 422);
  const problem = problemOf(t, refused);
  t.match(problem.detail, 'say in one line why it is released again (revision 2)');
  const released = await transition(app, secretariat, item.id, { event: 'release', reason: REASON });
  t.equal(released.statusCode, 200);
  const publications = await as(app, secretariat, { method: 'GET', url: `/api/v1/items/${item.id}/note/publications` });
  t.same(
    publications
      .json()
      .map((p: { number: number; reason: string | null; releasedAt: string }) => [p.number, p.reason, p.releasedAt]),
    [
      [1, null, '2020-11-02T09:00:00.000Z'],
      [2, REASON, '2020-11-09T09:00:00.000Z'],
    ],
  );
});

t.test(
  'the redline of the 9.2 revision marks exactly the changed words, with bars beside the changed lines',
  async (t) => {
    const { app, secretariat, delegate, item } = await corrigendum(t);
    t.equal((await transition(app, secretariat, item.id, { event: 'release', reason: REASON })).statusCode, 200);

    const res = await as(app, delegate, {
      method: 'GET',
      url: `/api/v1/items/${item.id}/note/publications/1/redline/2`,
    });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['content-type'], 'application/pdf');
    t.match(res.headers['content-disposition'], 'item-9.2-revision-2-changes-from-revision-1.pdf');
    const bytes = res.rawPayload;

    t.same(
      (await changeTexts(bytes)).map(squash),
      [
        'deleted: working on',
        'inserted: preparing',
        'inserted: cross-border',
        `deleted: ${OLD_URL}`,
        `inserted: ${NEW_URL}`,
      ].map(squash),
      'the changed words, and nothing else, are tagged inserted or deleted',
    );

    const pages = await pdfText(bytes);
    const text = pages.map((p) => p.lines.join(' ')).join(' ');
    t.match(
      text.replace(/\s+/g, ' '),
      `Changes from revision 1 (2 November 2020): 3 insertions, 2 deletions, ${REASON}`,
      'the first page says what changed and why',
    );
    t.match(pages[0]!.lines.at(-1), 'Changes from revision 1 to revision 2', 'the footer names the two revisions');

    // The lines that hold a changed word, found by their words: a bar beside each, nowhere else.
    const bars = await changeBars(bytes);
    pages.forEach((page, p) => {
      const changedBaselines = [
        ...new Set(
          page.items
            .filter(
              (i) =>
                CHANGED_ITEMS.includes(i.str.trim()) ||
                /digital-single|digital-strategy|en\/policies/.test(i.str) ||
                // The new URL, cut after a slash, ends on the next line of the footnote (10 pt).
                (i.size < 11 && i.str.trim().length > 3 && NEW_URL.endsWith(i.str.trim())),
            )
            .map((i) => Math.round(i.y)),
        ),
      ];
      t.equal(bars[p]!.length, changedBaselines.length, `page ${p + 1}: one bar per changed line`);
      for (const baseline of changedBaselines)
        t.ok(
          bars[p]!.some(([top, bottom]) => top <= baseline && baseline <= bottom),
          `page ${p + 1}: the line at ${baseline} has its bar`,
        );
      // Lines re-wrapped by the longer insertion (the rest of paragraph 3) and every other paragraph: no bar.
      const unchanged = page.items.filter((i) =>
        /requirements of a changing|The Commission intends|Strong cybersecurity|Developing cybersecurity/.test(i.str),
      );
      for (const item of unchanged)
        t.notOk(
          bars[p]!.some(([top, bottom]) => top <= item.y && item.y <= bottom),
          `page ${p + 1}: no bar beside "${item.str.slice(0, 30)}"`,
        );
    });
    t.ok(bars.flat().length >= 3, 'the changes of paragraph 3 and of the footnote carry bars');
  },
);

t.test('delegates read each publication and its PDF, never a version that was not published', async (t) => {
  const { app, secretariat, delegate, item } = await corrigendum(t);
  const get = (url: string, who = delegate) => as(app, who, { method: 'GET', url: `/api/v1/items/${item.id}${url}` });

  // Version 2 waits in review: published is version 1 only.
  t.equal((await get('/note/publications/1')).statusCode, 200);
  t.equal((await get('/note/publications/2')).statusCode, 404, 'no second publication yet');
  t.equal((await get('/note/publications/2/pdf')).statusCode, 404);
  t.equal((await get('/note/versions/1/redline/2')).statusCode, 404, 'the draft version 2 is out of reach');
  t.equal((await get('/note/publications/1/redline/2')).statusCode, 404);
  t.equal(
    (await get('/note/versions/1/redline/2', secretariat)).statusCode,
    200,
    'the drafting circle compares drafts',
  );

  t.equal((await transition(app, secretariat, item.id, { event: 'release', reason: REASON })).statusCode, 200);
  const second = await get('/note/publications/2');
  t.equal(second.statusCode, 200);
  t.equal(second.json().reason, REASON);
  t.equal(second.json().text.footnotes[0].sourceUrl, NEW_URL);
  t.equal(
    (await get('/note/publications/1')).json().text.footnotes[0].sourceUrl,
    OLD_URL,
    'the first one stays readable',
  );

  const lines = async (url: string) => (await pdfText((await get(url)).rawPayload)).flatMap((p) => p.lines);
  t.ok(
    (await lines('/note/publications/2/pdf')).includes('Revision 2 — 9 November 2020 Page 1 of 1') ||
      (await lines('/note/publications/2/pdf')).some((l) => l.startsWith('Revision 2 — 9 November 2020')),
    'the footer of revision 2 says so',
  );
  t.notOk(
    (await lines('/note/publications/1/pdf')).some((l) => l.startsWith('Revision')),
    'revision 1 prints no revision line',
  );
});
