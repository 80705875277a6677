import t from 'tap';
import { takeDocxInventory } from '../../src/ingest/docx-inventory.js';
import { inventoryWarnings, mammothWarnings } from '../../src/ingest/docx-warnings.js';

/** Word's XML as Word itself writes it (the docx package writes no charts, moves or DrawingML text boxes). */
const body = (xml: string) => new Map([['word/document.xml', `<w:document><w:body>${xml}</w:body></w:document>`]]);
const p = (xml: string) => `<w:p>${xml}</w:p>`;
const r = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;

t.test('moves count as tracked changes; a changed paragraph mark or formatting does not', async (t) => {
  const inventory = takeDocxInventory(
    body(
      p(`<w:pPr><w:rPr><w:ins w:id="1"/></w:rPr></w:pPr><w:ins w:id="2">${r('new')}</w:ins>`) +
        p(`<w:moveFrom w:id="3"><w:r><w:delText>moved</w:delText></w:r></w:moveFrom>`) +
        p(`<w:moveTo w:id="4">${r('moved')}</w:moveTo>`) +
        p(`<w:r><w:rPr><w:b/><w:rPrChange w:id="5"><w:rPr/></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r>`),
    ),
  );
  t.equal(inventory.trackedChanges, 3);
  t.same(inventory.paragraphs, ['new', 'moved', 'bold now'], 'deleted text is not visible text');
});

t.test('a chart and a DrawingML text box with and without the VML copy mammoth reads', async (t) => {
  const drawing = (inner: string) => `<w:r><w:drawing><wp:inline>${inner}</wp:inline></w:drawing></w:r>`;
  const textBox = (text: string) => `<wps:txbx><w:txbxContent>${p(r(text))}</w:txbxContent></wps:txbx>`;
  const inventory = takeDocxInventory(
    body(
      p(r('Figures') + drawing('<a:graphic><a:graphicData><c:chart r:id="rId9"/></a:graphicData></a:graphic>')) +
        p(
          r('Boxed') +
            `<mc:AlternateContent><mc:Choice>${drawing(textBox('read by mammoth'))}</mc:Choice>` +
            `<mc:Fallback><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p(r('read by mammoth'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></mc:Fallback></mc:AlternateContent>`,
        ) +
        p(drawing(textBox('only in DrawingML'))),
    ),
  );
  t.same(
    inventoryWarnings(inventory).map((w) => w.message),
    [
      'A chart in the paragraph "Figures": it was left out.',
      'A text box ("read by mammoth") in the paragraph "Boxed": its text was read as a paragraph after that one.',
      'A text box ("only in DrawingML") after the paragraph "Boxed": it was left out.',
    ],
  );
});

t.test('header rows as Word means them: w:tblHeader on, not w:val="off"', async (t) => {
  const row = (header: string, text: string) => `<w:tr><w:trPr>${header}</w:trPr><w:tc>${p(r(text))}</w:tc></w:tr>`;
  const inventory = takeDocxInventory(
    body(
      `<w:tbl>${row('<w:tblHeader/>', 'a')}${row('<w:tblHeader w:val="off"/>', 'b')}${row('', 'c')}</w:tbl>` +
        `<w:tbl>${row('<w:tblHeader w:val="false"/>', 'd')}<w:tr><w:tc><w:tbl>${row('<w:tblHeader/>', 'nested')}</w:tbl></w:tc></w:tr></w:tbl>`,
    ),
  );
  t.same(inventory.tableHeaders, [
    [true, false, false],
    [false, false],
  ]);
});

t.test(
  'comments are counted and quoted; page headers and footers are named; mammoth messages once per element',
  async (t) => {
    const parts = body(p(r('Text')));
    parts.set(
      'word/comments.xml',
      `<w:comments><w:comment w:id="0">${p(r('Too long?'))}</w:comment><w:comment w:id="1">${p(r('Agreed.'))}</w:comment></w:comments>`,
    );
    parts.set('word/header1.xml', `<w:hdr>${p(r('EUROPEAN COMMISSION'))}</w:hdr>`);
    t.same(
      inventoryWarnings(takeDocxInventory(parts)).map((w) => w.message),
      [
        'The draft has 2 comments; comments are not part of the note and were left out: "Too long? / Agreed.".',
        'The page header and footer of the Word file are not read into the note: "EUROPEAN COMMISSION".',
      ],
    );
    const ns = '{http://schemas.openxmlformats.org/officeDocument/2006/math}';
    t.same(
      mammothWarnings([
        { type: 'warning', message: `An unrecognised element was ignored: ${ns}oMath` },
        { type: 'warning', message: 'An unrecognised element was ignored: w:customThing' },
        { type: 'warning', message: 'An unrecognised element was ignored: w:customThing' },
        { type: 'warning', message: 'Unrecognised paragraph style: Fancy (Style ID: Fancy)' },
      ]),
      [
        {
          code: 'unread-content',
          message: 'Word content of a kind agendum does not read (w:customThing) was left out.',
        },
      ],
    );
  },
);
