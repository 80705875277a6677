import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { createItem, meetingSetup, simpleContent } from '../../factories.js';
import { as, build, problemOf, postVersion, signedIn } from '../../helper.js';

/** These tests are about content, not concurrency: any version of the note will do. */
const anyVersion = { 'if-match': '*' };

async function setup(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const otherRapporteur = await signedIn(app, 'rapporteur');
  const delegate = await signedIn(app, 'delegate');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { rapporteurIds: [rapporteur.id] });
  const other = createItem(app, secretariat, meeting.id, { rapporteurIds: [otherRapporteur.id] });
  return { secretariat, rapporteur, otherRapporteur, delegate, item, other };
}

const withFootnote = {
  sections: {
    issueAtStake: ['Stake.'],
    summary: [
      [
        { text: 'The Commission intends to boost capacity' },
        { footnote: 1 },
        { text: '. See ' },
        { text: 'the page', href: 'https://ec.europa.eu/' },
      ],
    ],
    procedure: ['For discussion.'],
  },
  footnotes: [
    { text: 'By the end of 2020', sourceUrl: 'https://ec.europa.eu/digital-single-market/en/cyber-security' },
  ],
};

t.test('a new item has an empty note in drafting', async (t) => {
  const app = await build(t);
  const { secretariat, item } = await setup(app);
  const res = await as(app, secretariat, { method: 'GET', url: `/api/v1/items/${item.id}/note` });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { itemId: item.id, state: 'drafting', procedure: null, currentVersion: null, versionCount: 0 });
});

t.test('the rapporteur of the item writes versions; each becomes the current one', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  const url = `/api/v1/items/${item.id}/note/versions`;
  const first = await postVersion(app, rapporteur, item.id, simpleContent('First summary.'));
  t.equal(first.statusCode, 201);
  t.match(first.json(), { number: 1, authorId: rapporteur.id, sections: { summary: [[{ text: 'First summary.' }]] } });
  t.match(first.json().contentHash, /^[0-9a-f]{64}$/);
  const second = await postVersion(app, rapporteur, item.id, withFootnote);
  t.equal(second.json().number, 2);

  const note = (await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note` })).json();
  t.equal(note.versionCount, 2);
  t.equal(note.currentVersion.number, 2);
  t.equal(note.procedure, 'For information.', 'the first procedure sentence set the note procedure');
  t.equal(note.procedureKind, 'for-information');
  t.same(note.currentVersion.footnotes, withFootnote.footnotes);

  const versions = (await as(app, rapporteur, { method: 'GET', url })).json();
  t.same(
    versions.map((v: { number: number }) => v.number),
    [1, 2],
  );
  const one = await as(app, rapporteur, { method: 'GET', url: `${url}/1` });
  t.equal(one.json().sections.summary[0][0].text, 'First summary.');
  t.equal((await as(app, rapporteur, { method: 'GET', url: `${url}/7` })).statusCode, 404);
});

t.test('the same text hashes the same however its whitespace and runs were sent', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  const url = `/api/v1/items/${item.id}/note/versions`;
  const a = (await postVersion(app, rapporteur, item.id, simpleContent('Two  words.'))).json();
  const b = (
    await as(app, rapporteur, {
      method: 'POST',
      headers: anyVersion,
      url,
      payload: { sections: { ...simpleContent().sections, summary: [[{ text: 'Two ' }, { text: ' words. ' }]] } },
    })
  ).json();
  t.equal(a.contentHash, b.contentHash);
});

t.test("another item's rapporteur cannot write; a delegate does not even see the draft", async (t) => {
  const app = await build(t);
  const { otherRapporteur, delegate, item, rapporteur } = await setup(app);
  await postVersion(app, rapporteur, item.id, simpleContent());

  for (const path of ['note', 'note/versions', 'note/versions/1']) {
    const res = await as(app, otherRapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/${path}` });
    t.equal(res.statusCode, 404, `another rapporteur: ${path}`);
    const asDelegate = await as(app, delegate, { method: 'GET', url: `/api/v1/items/${item.id}/${path}` });
    t.equal(asDelegate.statusCode, 404, `delegate: ${path}`);
    t.equal(problemOf(t, asDelegate).code, 'AGENDUM_NOT_FOUND');
  }
  t.equal((await postVersion(app, otherRapporteur, item.id, simpleContent())).statusCode, 404);
  t.equal((await postVersion(app, delegate, item.id, simpleContent())).statusCode, 404);
  const agenda = await as(app, delegate, { method: 'GET', url: `/api/v1/items/${item.id}` });
  t.equal(agenda.json().note, null, 'the agenda does not reveal the draft state to a delegate');
});

t.test('footnote markers must point at footnotes, and footnotes must be referenced', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  const url = `/api/v1/items/${item.id}/note/versions`;
  const dangling = await as(app, rapporteur, {
    method: 'POST',
    headers: anyVersion,
    url,
    payload: { sections: { summary: [[{ text: 'Text' }, { footnote: 2 }]] }, footnotes: [{ text: 'Only one' }] },
  });
  t.equal(dangling.statusCode, 422);
  t.match(problemOf(t, dangling).detail, /Footnote marker 2 has no footnote/);
  const orphan = await as(app, rapporteur, {
    method: 'POST',
    headers: anyVersion,
    url,
    payload: { sections: { summary: ['Text'] }, footnotes: [{ text: 'Never cited' }] },
  });
  t.equal(orphan.statusCode, 422);
  const empty = await as(app, rapporteur, {
    method: 'POST',
    headers: anyVersion,
    url,
    payload: { sections: { summary: [] } },
  });
  t.equal(empty.statusCode, 422);
  const script = await as(app, rapporteur, {
    method: 'POST',
    headers: anyVersion,
    url,
    payload: { sections: { summary: [[{ text: 'click', href: 'javascript:alert(1)' }]] } },
  });
  t.equal(script.statusCode, 400, 'only http(s) and mailto links');
  const unknownSection = await as(app, rapporteur, {
    method: 'POST',
    headers: anyVersion,
    url,
    payload: { sections: { conclusion: ['x'] } },
  });
  t.equal(unknownSection.statusCode, 400);
  t.equal((await as(app, rapporteur, { method: 'GET', url: `/api/v1/items/${item.id}/note` })).json().versionCount, 0);
});

t.test('a written version cannot be changed, not even with SQL', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  await postVersion(app, rapporteur, item.id, simpleContent());
  t.throws(
    () => app.database.sqlite.prepare("update note_versions set content_hash = 'x'").run(),
    /note versions are immutable/,
  );
});

t.test('the secretariat writes a version for any item', async (t) => {
  const app = await build(t);
  const { secretariat, other } = await setup(app);
  const res = await as(app, secretariat, {
    method: 'POST',
    headers: anyVersion,
    url: `/api/v1/items/${other.id}/note/versions`,
    payload: simpleContent(),
  });
  t.equal(res.statusCode, 201);
});
