import { Document, ExternalHyperlink, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import t from 'tap';
import { extractDocx } from '../../src/ingest/extract-docx.js';

const docxOf = (paragraphs: Paragraph[], footnotes: Record<number, { children: Paragraph[] }> = {}) =>
  Packer.toBuffer(new Document({ footnotes, sections: [{ children: paragraphs }] }));

t.test('characters HTML escapes come back as typed, "&amp;" typed in Word included', async (t) => {
  const bytes = await docxOf([
    new Paragraph('Tom & Jerry <b> "quoted" it\'s café — 10\u00a0%'),
    new Paragraph('Typed as is: &amp; &eacute; &#x2014;'),
  ]);
  t.same((await extractDocx(bytes)).lines, [
    'Tom & Jerry <b> "quoted" it\'s café — 10 %',
    'Typed as is: &amp; &eacute; &#x2014;',
  ]);
});

t.test('bold, italic and linked runs inside one paragraph read as one line, the link as [text](url)', async (t) => {
  const bytes = await docxOf([
    new Paragraph({
      children: [
        new TextRun('Plain '),
        new TextRun({ text: 'bold ', bold: true }),
        new TextRun({ text: 'bold italic', bold: true, italics: true }),
        new TextRun(' and '),
        new ExternalHyperlink({
          link: 'https://example.org/',
          children: [new TextRun({ text: 'a link', style: 'Hyperlink' })],
        }),
        new TextRun('.'),
      ],
    }),
  ]);
  t.same((await extractDocx(bytes)).lines, ['Plain bold bold italic and [a link](https://example.org/).']);
});

t.test('Word footnotes: cited as [^1], their paragraphs joined by a space', async (t) => {
  const bytes = await docxOf(
    [new Paragraph({ children: [new TextRun('It grows'), new FootnoteReferenceRun(1), new TextRun('.')] })],
    { 1: { children: [new Paragraph('Source & method:'), new Paragraph('see annex')] } },
  );
  t.same(await extractDocx(bytes), {
    lines: ['It grows[^1].'],
    wrapped: false,
    footnotes: ['Source & method: see annex'],
  });
});
