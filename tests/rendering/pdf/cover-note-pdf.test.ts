import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import t, { type Test } from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import type { NoteView } from '../../../src/rendering/views/note-view.js';
import { pdfLines, pdfText } from '../../support/pdf-text.js';
import { BULGARIAN, CREATED_AT, GREEK, longNote, note91, note92, noteView } from '../../support/note-views.js';

const render = (view: NoteView) => renderCoverNotePdf(view, { now: new Date(CREATED_AT) });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Asserts that each expected text appears in `text`, in this order. */
function assertInOrder(t: Test, text: string, expected: string[]) {
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(squash(piece), from);
    t.ok(at >= 0, `"${piece.slice(0, 60)}" comes next`);
    if (at >= 0) from = at + squash(piece).length;
  }
}

t.test('prints the 9.1 note in the standard layout, top to bottom', async (t) => {
  const lines = await pdfLines(await render(note91()));
  t.same(lines.slice(0, 5), [
    'Distribution: eHealth Network members and observers',
    'EUROPEAN COMMISSION',
    'DG HEALTH AND FOOD SAFETY',
    'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
    'eHealth-units',
  ]);
  t.equal(lines[5], '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM');
  t.equal(lines[6], 'COVER NOTE');
  t.equal(squash(lines[7]!), `9.1 ${ITEM_9_1.title}`);
  const { issueAtStake, summary, procedure } = ITEM_9_1.content.sections;
  assertInOrder(t, squash(lines.join(' ')), [
    '1. Issue at stake',
    ...issueAtStake,
    '2. Summary',
    ...summary,
    '3. Format of procedure in the meeting',
    ...procedure,
  ]);
  t.notOk(
    lines.some((l) => /^Page \d/.test(l)),
    'a one-page note has no page number',
  );
});

t.test('prints the footnote of 9.2 at the foot of its page, with its source as a live link', async (t) => {
  const pdf = await render(note92());
  const [first] = await pdfText(pdf);
  const text = squash(first!.lines.join(' '));
  t.match(text, 'knowledge and capacity1.', 'the superscript marker follows the sentence');
  const footnote = ITEM_9_2.content.footnotes[0]!;
  t.match(text, `1 ${footnote.text} [source: ${footnote.sourceUrl}].`);
  t.ok(
    text.indexOf('[source:') > text.indexOf('Digital Europe Programme') ||
      text.indexOf('[source:') > text.indexOf('capacity1.'),
  );
  const doc = await PDFDocument.load(pdf);
  const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
  const uris = annots.asArray().map((ref) => {
    const action = doc.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict);
    return action.lookup(PDFName.of('URI'), PDFString).decodeText();
  });
  t.same(uris, [footnote.sourceUrl]);
});

t.test('prints Greek and Bulgarian notes with their own letters', async (t) => {
  for (const [number, note] of [
    ['4', GREEK],
    ['5', BULGARIAN],
  ] as const) {
    const text = squash(
      (await pdfLines(await render(noteView({ number, title: note.title }, note.content)))).join(' '),
    );
    t.match(text, `${number} ${note.title}`);
    t.match(text, note.content.sections.summary[0]!);
  }
});

t.test('gives the same bytes for the same version, every time', async (t) => {
  const first = await render(note92('review'));
  const second = await render(note92('review'));
  t.equal(sha256(first), sha256(second));
  t.not(sha256(await renderCoverNotePdf(note92('review'), { now: new Date('2021-01-01T00:00:00Z') })), sha256(first));
});

t.test('marks a draft as DRAFT on every page, with its version and state in the footer', async (t) => {
  const draft = noteView({ number: '9.3', title: 'A long note' }, longNote(), { state: 'review', versionNumber: 3 });
  const pages = await pdfText(await render(draft));
  t.ok(pages.length > 1);
  for (const page of pages) {
    t.same(page.rotated, ['DRAFT']);
    t.ok(
      page.lines.some((l) => l.startsWith('Draft — version 3, review')),
      'the footer names the version and state',
    );
  }
  const released = await pdfText(await render(note91('released')));
  t.same(
    released.flatMap((p) => p.rotated),
    [],
    'a released note has no DRAFT mark',
  );
  t.notOk(released.flatMap((p) => p.lines).some((l) => l.startsWith('Draft')));
});

t.test('breaks a long note across pages: numbered pages, no heading left at a page foot', async (t) => {
  const pages = await pdfText(await render(noteView({ number: '9.3', title: 'A long note' }, longNote(40))));
  t.ok(pages.length >= 3);
  pages.forEach((page, i) => {
    t.ok(page.lines.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`);
    const body = page.lines.filter(
      (l) => !l.startsWith('Page ') && !/^\d+ Footnote/.test(l) && !l.startsWith('https://'),
    );
    const lastBody = body.filter((l) => !/^Footnote|^\d$/.test(l)).at(-1)!;
    t.notMatch(lastBody, /^\d\. /, `page ${i + 1} does not end on a heading`);
  });
  const text = squash(pages.flatMap((p) => p.lines).join(' '));
  t.match(text, 'Footnote 3 explains point 20 [source: https://example.org/points/20].');
});

t.test('is an A4, tagged, titled PDF that shows its title and embeds its fonts', async (t) => {
  const pdf = await render(note91());
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { width, height } = doc.getPage(0).getSize();
  t.same([width.toFixed(2), height.toFixed(2)], ['595.28', '841.89']);
  t.equal(doc.getTitle(), `Cover note 9.1 ${ITEM_9_1.title}`);
  t.equal(doc.getSubject(), '18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium');
  t.equal(doc.getCreationDate()?.toISOString(), CREATED_AT);
  const catalog = doc.catalog;
  t.equal(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), 'en');
  t.ok(catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict), 'has a structure tree');
  t.equal(String(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))), 'true');
  t.equal(String(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))), 'true');
  const text = pdf.toString('latin1');
  t.notMatch(text, /\/Subtype \/Type1/, 'no unembedded standard font');
  t.match(text, /\/FontFile2/, 'TrueType fonts are embedded');
});
