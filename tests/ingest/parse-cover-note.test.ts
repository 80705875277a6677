import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { normaliseNoteContent, paragraphText } from '../../src/domain/note-content.js';
import type { Inline } from '../../src/domain/note-blocks.js';
import { parseCoverNote } from '../../src/ingest/parse-cover-note.js';

const seed = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url)), 'utf8');
const parseText = (text: string) => parseCoverNote({ lines: text.split('\n'), wrapped: true });

t.test('the 9.1 seed gives its header, item line and the sections exactly', async (t) => {
  const parsed = parseText(seed('ehn18-item-9.1-nis-ws12-update.txt'));
  t.same(parsed.headerLines, [
    'EUROPEAN COMMISSION',
    'DG HEALTH AND FOOD SAFETY',
    'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
    'eHealth-units',
  ]);
  t.equal(parsed.meetingLine, '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM');
  t.equal(parsed.hasCoverNoteTitle, true);
  t.same(parsed.item, { number: '9.1', title: ITEM_9_1.title });
  t.equal(parsed.content.sections.summary.length, 6);
  t.same(normaliseNoteContent(parsed.content), normaliseNoteContent(ITEM_9_1.content));
  t.same(parsed.warnings, []);
});

t.test('the 9.2 seed: no header, seven summary paragraphs, one footnote with its source', async (t) => {
  const parsed = parseText(seed('ehn18-item-9.2-cybersecurity-reflections.txt'));
  t.same(parsed.headerLines, []);
  t.equal(parsed.meetingLine, null);
  t.same(parsed.item, { number: '9.2', title: ITEM_9_2.title });
  const summary = parsed.content.sections.summary;
  t.equal(summary.length, 7);
  t.match(paragraphText(summary[4] as Inline[]), /Critical Infrastructure Protection,$/);
  t.match(
    paragraphText(summary[5] as Inline[]),
    /fostering cross-border access/,
    'a compound broken at a line end stays one word',
  );
  t.same(parsed.content.footnotes, [
    {
      text: ITEM_9_2.content.footnotes[0]!.text,
      sourceUrl: 'https://ec.europa.eu/digital-single-market/en/cyber-security',
    },
  ]);
  t.same(normaliseNoteContent(parsed.content), normaliseNoteContent(ITEM_9_2.content));
  t.same(parsed.warnings, []);
});

t.test('Markdown headings and footnotes are understood', async (t) => {
  const parsed = parseText(
    [
      '# 9.3  A markdown note',
      '',
      '## 1. Issue at stake',
      'Stake.',
      '## 2. Summary',
      'It grows[^1].',
      '## 3. Format of procedure in the meeting',
      'For adoption.',
      '',
      '[^1]: A source [source: https://example.org/x].',
    ].join('\n'),
  );
  t.same(parsed.item, { number: '9.3', title: 'A markdown note' });
  t.same(parsed.content.sections.summary, [[{ text: 'It grows' }, { footnote: 1 }, { text: '.' }]]);
  t.same(parsed.content.footnotes, [{ text: 'A source', sourceUrl: 'https://example.org/x' }]);
});

t.test('problems come back as warnings, not silence', async (t) => {
  const parsed = parseText(
    ['Some stray words', '1. Issue at stake', 'Stake.', '4. Next steps', 'More text.', '2. Summary', 'A claim 2.'].join(
      '\n',
    ),
  );
  const codes = parsed.warnings.map((w) => w.code).sort();
  t.same(codes, ['missing-section', 'unknown-heading']);
  t.same(parsed.headerLines, ['Some stray words'], 'a line before everything counts as a header line');
  const markerless = parseText(['1. Issue at stake', 'Stake[^3].'].join('\n'));
  t.ok(markerless.warnings.some((w) => w.code === 'footnote-without-text'));
});

t.test('a text without any known heading has no sections', async (t) => {
  const parsed = parseText('Dear colleagues,\nplease find the note attached.');
  t.equal(parsed.hasSections, false);
});
