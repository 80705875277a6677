import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import t from 'tap';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import { blocksNote, CREATED_AT, noteView } from '../../support/note-views.js';
import { pdfText, type PageText } from '../../support/pdf-text.js';

const ITEM = { number: '9.4', title: 'Lists and tables' };
const render = (rows = 0) => renderCoverNotePdf(noteView(ITEM, blocksNote(rows)), { now: new Date(CREATED_AT) });

/**
 * The body's left edge: 2.5 cm. A list's markers stand 18 pt in (Word's list indent, 0.63 cm), its
 * text hangs 18 pt further (Word's hanging indent).
 */
const MARGIN = 70.87;
const MARKERS = MARGIN + 18;
const near = (a: number, b: number) => Math.abs(a - b) < 0.05;

/** The first upright item of a page whose text is `str`. */
function item(page: PageText, str: string) {
  const found = page.items.find((i) => i.str === str);
  if (!found) throw new Error(`no text item "${str}" on the page`);
  return found;
}

t.test('prints every block in reading order: bullets, numbers, the nested list, the table row by row', async (t) => {
  const [page] = await pdfText(await render());
  const lines = page!.lines.map((l) => l.replace(/\s+/g, ' '));
  const from = lines.indexOf('2. Summary');
  t.same(lines.slice(from), [
    '2. Summary',
    'The group met three times.',
    '• Exchange of good practices',
    '• Common guidelines for the security of hospitals and of the networks that connect',
    'them to the national contact points, adopted in writing after the summer',
    '• Report to the Network1',
    '1. Adopt the guidelines',
    '2. Mandate the group',
    '– for one year',
    '– with a report',
    'Date Meeting',
    '29 January 2020 Kick-off',
    '3 June 2020 Guidelines2',
    '12 November 2020 Report',
    'The Network is invited to take note of the report.',
    '3. Format of procedure in the meeting',
    'For information.',
    '1 Annex 1 of the report.',
    '2 Adopted on 3 June 2020.',
  ]);
});

t.test('hangs each marker at the list indent, the item text and its wrapped lines indented', async (t) => {
  const [page] = await pdfText(await render());
  const bullets = page!.items.filter((i) => i.str === '•');
  t.equal(bullets.length, 3);
  for (const bullet of bullets) t.ok(near(bullet.x, MARKERS), 'the bullet stands 0.63 cm in from the margin');
  const first = item(page!, 'Common guidelines for the security of hospitals and of the networks that connect');
  const wrapped = item(page!, 'them to the national contact points, adopted in writing after the summer');
  t.ok(near(first.x, MARKERS + 18), 'the item text hangs 18 pt in from its bullet');
  t.ok(near(wrapped.x, first.x), 'the wrapped line starts under the text, not under the bullet');
  t.ok(near(bullets[1]!.y, first.y), 'the bullet is on the first line');
  t.ok(near(item(page!, '2.').x, MARKERS), 'a number hangs as a bullet does');
  t.ok(near(item(page!, 'Mandate the group').x, MARKERS + 18));
  const dashes = page!.items.filter((i) => i.str === '–');
  t.same(
    dashes.map((d) => near(d.x, MARKERS + 18)),
    [true, true],
    'the nested list hangs its markers at its parent’s text',
  );
  t.ok(near(item(page!, 'for one year').x, MARKERS + 36));
  const marker = page!.items.find((i) => i.str === '1' && i.size < 10 && i.y < first.y + 60)!;
  t.ok(marker.y < item(page!, 'Report to the Network').y, 'the footnote marker in the item is raised');
});

t.test('prints each table row on one line, cells in column order, the header in bold', async (t) => {
  const [page] = await pdfText(await render());
  const rows = [
    ['Date', 'Meeting'],
    ['29 January 2020', 'Kick-off'],
    ['3 June 2020', 'Guidelines'],
    ['12 November 2020', 'Report'],
  ];
  let above = -Infinity;
  for (const [left, right] of rows) {
    const [a, b] = [item(page!, left!), item(page!, right!)];
    t.ok(near(a.y, b.y), `"${left}" and "${right}" share a line`);
    t.ok(a.x < b.x, `"${left}" is left of "${right}"`);
    t.ok(a.y > above, 'rows go down the page');
    above = a.y;
  }
  const cells = rows.slice(1).map(([, right]) => item(page!, right!).x);
  t.ok(
    cells.every((x) => near(x, cells[0]!)),
    'a column starts at one x',
  );
  const mark = page!.items.find(
    (i) => i.str === '2' && i.size < 10 && near(i.x, cells[0]! + item(page!, 'Guidelines').width),
  )!;
  t.ok(mark, 'the footnote marker follows the cell text');
  t.ok(mark.y < item(page!, 'Guidelines').y, 'and is raised');
});

t.test('embeds the bullet and the dash in the font subset', async (t) => {
  const pdf = await render();
  t.notMatch(pdf.toString('latin1'), /\/Subtype \/Type1/, 'no unembedded standard font');
  const [page] = await pdfText(pdf);
  t.ok(page!.items.some((i) => i.str === '•') && page!.items.some((i) => i.str === '–'), 'read back as • and –');
});

t.test('a table over pages: rows kept whole, the header repeated, the text after it continuing', async (t) => {
  const pages = await pdfText(await render(30));
  const text = pages.map((p) => p.lines.map((l) => l.replace(/\s+/g, ' ')));
  t.ok(pages.length >= 3, 'the table runs over pages');
  const covered = text.map((lines) => lines.findIndex((l) => /^(Row \d+|29 January 2020) /.test(l)));
  t.same(
    covered.map((first, i) => text[i]![first - 1]),
    pages.map(() => 'Date Meeting'),
    'the header row stands above the first row on every page',
  );
  for (let n = 4; n <= 33; n++) {
    const page = text.findIndex((lines) => lines.some((l) => l.startsWith(`Row ${n} Point ${n} `)));
    t.ok(page >= 0, `row ${n} is printed`);
    t.ok(
      text[page]!.some((l) => l.endsWith(`ends at point ${n}.`)),
      `row ${n} ends on the page it starts on`,
    );
    const [left, right] = [
      pages[page]!.items.find((i) => i.str === `Row ${n}`)!,
      pages[page]!.items.find((i) => i.str.startsWith(`Point ${n} `))!,
    ];
    t.ok(near(left.y, right.y), `row ${n}'s cells share a line`);
  }
  const last = text.at(-1)!;
  const after = last.indexOf('The Network is invited to take note of the report.');
  t.ok(after > last.findIndex((l) => l.startsWith('Row 33 ')), 'the text after the table follows its last row');
  t.equal(last[after + 1], '3. Format of procedure in the meeting');
});

/** The structure tree below the Document element, as `Type(children…)`; marked content left out. */
function outline(doc: PDFDocument, dict: PDFDict): string {
  const type = dict.lookup(PDFName.of('S'), PDFName).decodeText();
  const kids = dict.lookup(PDFName.of('K'));
  const list = kids instanceof PDFArray ? kids.asArray().map((k) => doc.context.lookup(k)) : [kids];
  const children = list
    .filter((k): k is PDFDict => k instanceof PDFDict && k.has(PDFName.of('S')))
    .map((k) => outline(doc, k));
  return children.length > 0 ? `${type}(${children.join(',')})` : type;
}

async function structure(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const kids = root.lookup(PDFName.of('K'));
  const top = kids instanceof PDFArray ? kids.lookup(0, PDFDict) : (kids as PDFDict);
  return outline(doc, top);
}

t.test('tags lists as L > LI > (Lbl, LBody) and tables as Table > THead/TBody > TR > TH/TD', async (t) => {
  const tree = await structure(await render());
  const item = 'LI(Lbl,LBody)';
  t.match(tree, `L(${item},${item},LI(Lbl,LBody(Note)))`, 'the bulleted list, a note under its third item');
  t.match(tree, `L(${item},LI(Lbl,LBody(L(${item},${item}))))`, 'the nested list inside its item’s body');
  t.match(
    tree,
    'Table(THead(TR(TH,TH)),TBody(TR(TD,TD),TR(TD,TD(Note)),TR(TD,TD)))',
    'the table, its header row in THead',
  );
  const long = await structure(await render(30));
  t.match(long, /THead\(TR\(TH,TH\)\),TBody/, 'the header row repeated on later pages is read once');
  t.equal(long.match(/TR\(/g)?.length, 34, 'one header row and 33 body rows');
});
