import { readFileSync } from 'node:fs';
import t from 'tap';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import type { NoteView } from '../../../src/rendering/views/note-view.js';
import { pdfText } from '../../support/pdf-text.js';
import { note91, note92 } from '../../support/note-views.js';

/**
 * The seed notes set in Tinos (metric-compatible with Times New Roman, the face of the Word
 * originals) fit on one page each, and break their lines where Chromium breaks the same text in
 * the same font files at the same measure and sizes. The expectation, tests/fixtures/line-breaks.json,
 * is written by `npx tsx bench/line-break-reference.ts`: from the item line on, the last word of
 * every line.
 */

const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/line-breaks.json', import.meta.url), 'utf8'),
) as Record<string, string[]>;

for (const [number, view] of [
  ['9.1', note91],
  ['9.2', note92],
] as const) {
  t.test(`the ${number} seed note fits on one page and breaks its lines as the reference`, async (t) => {
    const note: NoteView = view();
    const pages = await pdfText(await renderCoverNotePdf(note, { now: new Date(note.createdAt) }));
    t.equal(pages.length, 1, 'one page');
    const lines = pages[0]!.lines;
    const from = lines.findIndex((line) => line.startsWith(`${number} `));
    t.ok(from > 0, 'the item line is found');
    t.same(
      lines.slice(from).map((line) => line.split(/\s+/).at(-1)),
      expected[number],
    );
  });
}
