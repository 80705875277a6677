import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { normaliseNoteContent, paragraphText, SECTION_KEYS } from '../../src/domain/note-content.js';
import type { Inline } from '../../src/domain/note-blocks.js';
import { build, reposOf, testConfig } from '../helper.js';

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url)), 'utf8')
    .replace(/\s+/g, ' ')
    // A compound broken at a line end ("cross-" / "border") is one word again.
    .replace(/(\w)- (\w)/g, '$1-$2');

t.test('every demo paragraph and footnote is copied word for word from the seed notes', async (t) => {
  for (const [note, file] of [
    [ITEM_9_1, 'ehn18-item-9.1-nis-ws12-update.txt'],
    [ITEM_9_2, 'ehn18-item-9.2-cybersecurity-reflections.txt'],
  ] as const) {
    const text = seed(file);
    t.ok(text.includes(note.title), `${file}: title`);
    const content = normaliseNoteContent(note.content);
    for (const key of SECTION_KEYS) {
      for (const paragraph of content.sections[key]) {
        // The seed's extraction shows a footnote marker as " 1" before the full stop.
        const sentence = (paragraph as Inline[])
          .map((run) => ('footnote' in run ? ` ${run.footnote}` : run.text))
          .join('');
        t.ok(text.includes(sentence), `${file}: "${sentence.slice(0, 50)}..."`);
      }
    }
    for (const footnote of content.footnotes) {
      t.ok(text.includes(`${footnote.text} [source: ${footnote.sourceUrl}]`), `${file}: footnote`);
    }
  }
  t.equal(normaliseNoteContent(ITEM_9_1.content).sections.summary.length, 6, '9.1 summary has 6 paragraphs');
  const summary92 = normaliseNoteContent(ITEM_9_2.content).sections.summary;
  t.equal(summary92.length, 7, '9.2 summary has 7 paragraphs');
  t.match(paragraphText(summary92[4] as Inline[]), /Protection,$/, 'its fifth ends in a comma, as in the original');
});

t.test('an empty database gets the demo meeting, once', async (t) => {
  const config = testConfig(t, { AGENDUM_DEMO: '1', AGENDUM_DEMO_PASSWORD: 'demo password 123' });
  const first = await build(t, { config });
  const secretariat = await first.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'secretariat@example.org', password: 'demo password 123' },
  });
  t.equal(secretariat.statusCode, 200);
  const cookies = { agendum_session: secretariat.cookies[0]!.value };
  const meetings = (await first.inject({ method: 'GET', url: '/api/v1/meetings', cookies })).json();
  t.equal(meetings.length, 1);
  t.equal(meetings[0].displayLine, '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM');
  t.equal(meetings[0].headerLines[0], 'EUROPEAN COMMISSION');

  const items = (
    await first.inject({ method: 'GET', url: `/api/v1/meetings/${meetings[0].id}/items`, cookies })
  ).json();
  const byNumber = new Map(items.map((i: { number: string }) => [i.number, i]));
  t.match(byNumber.get('9'), { title: 'Cybersecurity' });
  t.match(byNumber.get('9.1'), { title: ITEM_9_1.title, rapporteurs: [{ name: 'Rita Rapporteur' }] });
  t.match(byNumber.get('9.2'), { title: ITEM_9_2.title });

  const item92 = byNumber.get('9.2') as { id: number };
  const note = (await first.inject({ method: 'GET', url: `/api/v1/items/${item92.id}/note`, cookies })).json();
  t.equal(note.currentVersion.sections.summary.length, 7);
  t.equal(note.currentVersion.footnotes[0].sourceUrl, 'https://ec.europa.eu/digital-single-market/en/cyber-security');
  t.equal(note.procedureKind, 'for-information');
  t.equal(note.state, 'review', '9.2 waits in review');
  const item91 = byNumber.get('9.1') as { id: number; note: { state: string; procedure: string } };
  t.match(item91.note, { state: 'released', procedure: 'for-information' }, '9.1 is released for information');

  const delegate = await first.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'delegate@example.org', password: 'demo password 123' },
  });
  const asDelegate = { agendum_session: delegate.cookies[0]!.value };
  t.equal(
    (await first.inject({ method: 'GET', url: `/api/v1/items/${item91.id}/note`, cookies: asDelegate })).statusCode,
    200,
  );
  t.equal(
    (await first.inject({ method: 'GET', url: `/api/v1/items/${item92.id}/note`, cookies: asDelegate })).statusCode,
    404,
  );
  await first.close();

  const second = await build(t, { config });
  t.equal(reposOf(second).meetings.list().length, 1, 'a second start does not load the demo again');
  t.equal(reposOf(second).people.count(), 4);
});
