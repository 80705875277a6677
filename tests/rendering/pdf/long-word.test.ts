import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import t, { type Test } from 'tap';
import { renderAgendaPdf } from '../../../src/rendering/pdf/agenda-pdf.js';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import { buildAgendaView } from '../../../src/rendering/views/agenda-view.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { CREATED_AT, MEETING_18, noteView } from '../../support/note-views.js';

/**
 * One unbroken word of 20,000 letters (issue 13: it took seconds, re-measured for every line)
 * is cut into lines that stay inside the text column, and no letter is lost or doubled.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const WORD = Array.from({ length: 20_000 }, (_, i) => ALPHABET[i % 26]).join('');
/** A4 with 2.5 cm margins: the text column runs from 70.87 pt to 524.41 pt. */
const COLUMN = { left: 70.87, right: 524.41 };
const PAGE_HEIGHT = 841.89;

interface Item {
  str: string;
  x: number;
  right: number;
  y: number;
}

/** Every upright text item of every page, in drawing order, with its place (y down). */
async function pdfItems(bytes: Uint8Array): Promise<Item[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: Item[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str !== '');
      pages.push(
        items.map((item) => {
          const [, , , , x, y] = Util.transform(viewport.transform, item.transform) as number[];
          return { str: item.str, x: x!, right: x! + item.width, y: y! };
        }),
      );
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** The letters of the long word as printed: items made only of a-z, joined in reading order. */
function assertWordIntact(t: Test, pages: Item[][]) {
  const pieces = pages.flat().filter((item) => /^[a-z]+$/.test(item.str.trim()) && item.str.trim().length > 3);
  t.equal(pieces.map((p) => p.str.trim()).join(''), WORD, 'every letter once, in order');
  t.ok(pieces.length > 100, `cut into many lines (${pieces.length})`);
  const outside = pieces.filter((p) => p.x < COLUMN.left - 0.5 || p.right > COLUMN.right + 0.5);
  t.same(outside, [], 'every line inside the text column');
  const offPage = pages.flat().filter((p) => p.y < 0 || p.y > PAGE_HEIGHT);
  t.same(offPage, [], 'nothing drawn off the page');
}

const sections = { summary: ['Summary.'], procedure: ['For information.'] };

t.test('a 20,000-letter word in a paragraph is cut into lines inside the column', async (t) => {
  const view = noteView({ number: '4', title: 'Long word' }, { sections: { issueAtStake: [WORD], ...sections } });
  assertWordIntact(t, await pdfItems(await renderCoverNotePdf(view, { now: new Date(CREATED_AT) })));
});

t.test('a 20,000-letter word in a footnote runs on over the next pages', async (t) => {
  const view = noteView(
    { number: '4', title: 'Long footnote' },
    {
      sections: { issueAtStake: [[{ text: 'See the note' }, { footnote: 1 }, { text: '.' }]], ...sections },
      footnotes: [{ text: WORD }],
    },
  );
  const pages = await pdfItems(await renderCoverNotePdf(view, { now: new Date(CREATED_AT) }));
  assertWordIntact(t, pages);
  t.ok(pages.length >= 4, `the note runs over ${pages.length} pages`);
});

t.test('a 20,000-letter word glued to a footnote marker is cut too', async (t) => {
  const view = noteView(
    { number: '4', title: 'Long word with a marker' },
    {
      sections: { issueAtStake: [[{ text: WORD }, { footnote: 1 }, { text: '.' }]], ...sections },
      footnotes: [{ text: 'A short note.' }],
    },
  );
  assertWordIntact(t, await pdfItems(await renderCoverNotePdf(view, { now: new Date(CREATED_AT) })));
});

t.test('a 20,000-letter item title on the agenda is cut into lines inside the column', async (t) => {
  const view = buildAgendaView({
    meeting: MEETING_18,
    headerLines: EHEALTH_HEADER_LINES,
    items: [
      { id: 1, number: '1', title: 'Opening of the meeting', rapporteurs: [], procedure: null },
      { id: 2, number: '2', title: WORD, rapporteurs: [{ name: 'Rita Rapporteur' }], procedure: 'for-information' },
    ],
  });
  assertWordIntact(t, await pdfItems(await renderAgendaPdf(view, { now: new Date(CREATED_AT) })));
});
