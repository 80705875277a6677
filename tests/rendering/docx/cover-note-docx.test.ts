import mammoth from 'mammoth';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { renderNoteDocx } from '../../../src/rendering/docx/cover-note-docx.js';
import { LIST_TABLE_NOTE, zipEntry } from '../../support/docx-notes.js';
import { note91, note92, noteView } from '../../support/note-views.js';

const html = async (bytes: Buffer) => (await mammoth.convertToHtml({ buffer: bytes })).value;
/** The document's paragraphs as a reader of its text sees them, whitespace folded. */
const paragraphs = async (bytes: Buffer) =>
  (await mammoth.extractRawText({ buffer: bytes })).value
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');

const listTableView = () =>
  noteView({ number: '9.3', title: LIST_TABLE_NOTE.title }, LIST_TABLE_NOTE.content, { state: 'drafting' });

t.test('the 9.1 note opens in the standard layout, top to bottom', async (t) => {
  const { issueAtStake, summary, procedure } = ITEM_9_1.content.sections;
  t.same(await paragraphs(await renderNoteDocx(note91())), [
    'EUROPEAN COMMISSION',
    'DG HEALTH AND FOOD SAFETY',
    'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
    'eHealth-units',
    '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
    'COVER NOTE',
    '9.1 Update from the Work Stream 12 of the NIS cooperation group',
    '1. Issue at stake',
    ...issueAtStake,
    '2. Summary',
    ...summary,
    '3. Format of procedure in the meeting',
    ...procedure,
  ]);
});

t.test('the letterhead, COVER NOTE and the item line are bold; the headings are Word headings', async (t) => {
  const page = await html(await renderNoteDocx(note91()));
  t.match(page, /^<p><strong>EUROPEAN COMMISSION<\/strong><\/p>/);
  t.match(page, '<p><strong>COVER NOTE</strong></p>');
  t.match(page, '<p><strong>9.1\tUpdate from the Work Stream 12 of the NIS cooperation group</strong></p>');
  t.match(page, '<h1>1. Issue at stake</h1>');
  t.match(page, '<h1>2. Summary</h1>');
  t.match(page, '<h1>3. Format of procedure in the meeting</h1>');
});

t.test('a footnote is a real Word footnote, its source a link written as [source: URL]', async (t) => {
  const bytes = await renderNoteDocx(note92());
  const notes = await zipEntry(bytes, 'word/footnotes.xml');
  t.match(notes, 'By the end of 2020, the Commission plans amongst other');
  t.match(notes, '[source: ');
  const rels = await zipEntry(bytes, 'word/_rels/footnotes.xml.rels');
  t.match(rels, 'Target="https://ec.europa.eu/digital-single-market/en/cyber-security" TargetMode="External"');
  t.match(await zipEntry(bytes, 'word/document.xml'), '<w:footnoteReference w:id="1"/>');
  const page = await html(bytes);
  t.match(page, 'knowledge and capacity<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.');
  t.match(
    page,
    'a new Cybersecurity Strategy [source: <a href="https://ec.europa.eu/digital-single-market/en/cyber-security">https://ec.europa.eu/digital-single-market/en/cyber-security</a>]',
  );
});

t.test('lists are Word lists and the table a Word table with a header row', async (t) => {
  const page = await html(await renderNoteDocx(listTableView()));
  t.match(
    page,
    '<p>The Work Stream met three times:</p>' +
      '<ul><li>in Brussels;</li><li>online;</li><li>at the <a href="https://www.enisa.europa.eu/">ENISA</a> in Athens.</li></ul>' +
      '<ol><li>Agree the mandate.</li><li>Collect practices:<ol><li>hospitals</li><li>insurers</li></ol></li><li>Report to the Network.</li></ol>' +
      '<table><thead><tr><th><p><strong>Date</strong></p></th><th><p><strong>Step</strong></p></th></tr></thead>' +
      '<tbody><tr><td><p>29 January 2020</p></td><td><p>Work Stream created</p></td></tr>' +
      '<tr><td><p>12 November 2020</p></td><td><p>First update</p></td></tr></tbody></table>' +
      '<h1>3. Format of procedure in the meeting</h1>',
  );
});

t.test('in Word, numbered lists restart at 1, the header row repeats and no row splits', async (t) => {
  const twoLists = noteView(
    { number: '9.3', title: 'Two lists' },
    {
      sections: {
        issueAtStake: [{ block: 'list', style: 'number', items: ['one', 'two'] }],
        summary: [
          { block: 'list', style: 'number', items: ['again one'] },
          LIST_TABLE_NOTE.content.sections.summary[3]!,
        ],
        procedure: ['For information.'],
      },
    },
  );
  const document = await zipEntry(await renderNoteDocx(twoLists), 'word/document.xml');
  const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
  t.equal(numIds.length, 3);
  t.equal(numIds[0], numIds[1], 'the items of one list share their numbering');
  t.not(numIds[2], numIds[0], 'the second list has numbering of its own, from 1');
  t.equal(document.match(/<w:tblHeader\/>/g)?.length, 1, 'one header row');
  t.equal(document.match(/<w:cantSplit\/>/g)?.length, 3, 'every row kept whole');
});

t.test(
  'the properties name the note, its marking and its draft label; the pages carry only their number',
  async (t) => {
    const bytes = await renderNoteDocx(listTableView());
    const core = await zipEntry(bytes, 'docProps/core.xml');
    t.match(core, '<dc:title>Cover note 9.3 Timeline of the NIS Work Stream</dc:title>');
    t.match(
      core,
      '<dc:description>Distribution: eHealth Network members and observers. Draft — version 1, drafting</dc:description>',
    );
    t.match(core, '<dcterms:created xsi:type="dcterms:W3CDTF">2020-11-01T09:00:00.000Z</dcterms:created>');
    const footer = await zipEntry(bytes, 'word/footer1.xml');
    t.match(footer, /<w:instrText[^>]*>PAGE<\/w:instrText>/, 'the page number');
    t.notMatch(footer, /<w:t[ >]/, 'and no text an upload would have to report');
    t.notMatch((await paragraphs(bytes)).join('\n'), /Draft|Distribution/);
    const released = await zipEntry(await renderNoteDocx(note91()), 'docProps/core.xml');
    t.match(released, '<dc:description>Distribution: eHealth Network members and observers. Released</dc:description>');
  },
);

t.test('a title with markup characters stays text in the properties', async (t) => {
  const view = noteView({ number: '9.4', title: 'R&D <budget> "2021"' }, ITEM_9_2.content);
  const core = await zipEntry(await renderNoteDocx(view), 'docProps/core.xml');
  t.match(core, '<dc:title>Cover note 9.4 R&amp;D &lt;budget&gt; &quot;2021&quot;</dc:title>');
});

t.test('a link agendum does not allow is written as its text, never as a hyperlink', async (t) => {
  // A version stored before links were checked on input: the view carries what the row holds.
  const view = noteView(
    { number: '9.1', title: 'Links' },
    {
      sections: { summary: [[{ text: 'See ' }, { text: 'this', href: 'https://ec.europa.eu/' }]] },
      footnotes: [],
    },
  );
  const summary = view.sections.find((s) => s.key === 'summary')!;
  const paragraph = summary.blocks[0] as { runs: { kind: string; text?: string; href?: string }[] };
  paragraph.runs[1]!.href = 'javascript:alert(1)';
  view.footnotes.push({ number: 1, text: 'A source', sourceUrl: 'file:///etc/passwd' });
  const bytes = await renderNoteDocx(view);
  const rels = await zipEntry(bytes, 'word/_rels/document.xml.rels');
  t.notMatch(rels, 'javascript:', 'no hyperlink to a script');
  t.notMatch(await zipEntry(bytes, 'word/_rels/footnotes.xml.rels').catch(() => ''), 'file:', 'nor to a file');
  t.match(await html(bytes), 'See this');
  t.match(await zipEntry(bytes, 'word/footnotes.xml'), '[source: file:///etc/passwd]', 'the source is kept as text');
});
