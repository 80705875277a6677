import * as fontkit from 'fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import t from 'tap';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import { fontFile, type FaceName } from '../../../src/rendering/pdf/fonts.js';
import type { NoteView } from '../../../src/rendering/views/note-view.js';
import { pdfLines } from '../../support/pdf-text.js';
import { BULGARIAN, GREEK, note91, note92, noteView } from '../../support/note-views.js';

/**
 * The fonts a note embeds: our subsets (truetype-subset.ts) of Tinos, and of DejaVu Serif
 * Condensed for the characters Tinos lacks, each glyph with its Unicode value, each outline the
 * original font's.
 */

const FACES: Record<string, [FaceName, 'main' | 'fallback']> = {
  'Tinos-Regular': ['regular', 'main'],
  'Tinos-Bold': ['bold', 'main'],
  'Tinos-Italic': ['italic', 'main'],
  DejaVuSerifCondensed: ['regular', 'fallback'],
  'DejaVuSerifCondensed-Bold': ['bold', 'fallback'],
  'DejaVuSerifCondensed-Italic': ['italic', 'fallback'],
};

interface EmbeddedFont {
  /** `BZZZZZ+Tinos-Regular`: the subset tag, then the font's name. */
  name: string;
  file: Uint8Array;
  /** Glyph id in the subset -> the text it stands for (ToUnicode). */
  unicode: Map<number, string>;
}

const bytesOf = (doc: PDFDocument, ref: unknown) =>
  decodePDFRawStream(doc.context.lookup(ref as PDFRef) as PDFRawStream).decode();

/** pdfkit's ToUnicode map: `<first> <last> [<text> <text> ...]` ranges of UTF-16 hex (`<0066 0069>`: fi). */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, first, , list] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    [...list!.matchAll(/<([0-9a-f ]*)>/gi)].forEach(([, hex], i) => {
      const units = (hex!.replace(/ /g, '').match(/.{4}/g) ?? []).map((u) => parseInt(u, 16));
      map.set(parseInt(first!, 16) + i, String.fromCharCode(...units));
    });
  }
  return map;
}

async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(pdf);
  const seen = new Map<string, EmbeddedFont>();
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const ref of fonts?.values() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      const cid = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const name = descriptor.get(PDFName.of('FontName'))!.toString().slice(1);
      seen.set(name, {
        name,
        file: bytesOf(doc, descriptor.get(PDFName.of('FontFile2'))),
        unicode: readToUnicode(new TextDecoder().decode(bytesOf(doc, font.get(PDFName.of('ToUnicode'))))),
      });
    }
  }
  return [...seen.values()];
}

const render = (view: NoteView) => renderCoverNotePdf(view, { now: new Date(view.createdAt) });
const greek = () => noteView({ number: '9.3', title: GREEK.title }, GREEK.content);
const bulgarian = () => noteView({ number: '9.4', title: BULGARIAN.title }, BULGARIAN.content);

t.test(
  'a Bulgarian note printed after a Greek one keeps every letter (Greek κ is drawn with Cyrillic к)',
  async (t) => {
    await render(greek());
    const lines = await pdfLines(await render(bulgarian()));
    t.ok(lines.includes('Информация за дейностите на работната група по киберсигурност.'));
    t.ok(lines.includes('Работната група обменя най-добри практики между държавите членки.'));
    const regular = (await embeddedFonts(await render(bulgarian()))).find((f) => f.name.endsWith('+Tinos-Regular'));
    t.ok(regular!.unicode.size > 60, 'the regular face maps its glyphs');
    t.same(
      [...regular!.unicode].filter(([gid, text]) => gid !== 0 && text === ''),
      [],
      'every glyph but .notdef has its text',
    );
  },
);

for (const [name, view] of [
  ['9.1', note91],
  ['9.2', note92],
  ['Greek', greek],
  ['Bulgarian', bulgarian],
] as const) {
  t.test(`the ${name} note's fonts are subsets (ours) whose every glyph fontkit reads back as in Tinos`, async (t) => {
    const fonts = await embeddedFonts(await render(view()));
    t.ok(fonts.length >= 2, `${fonts.length} fonts`);
    for (const font of fonts) {
      t.match(font.name, /^[A-Z]{6}\+Tinos-/, 'a subset of Tinos, named with its tag');
      const original = fontkit.create(Buffer.from(fontFile(...FACES[font.name.slice(7)]!))) as fontkit.Font;
      const subset = fontkit.create(Buffer.from(font.file)) as fontkit.Font;
      const different: string[] = [];
      let compound = 0;
      for (const [gid, text] of font.unicode) {
        if (gid === 0) continue;
        const [glyph, ...more] = original.layout(text).glyphs;
        if (!glyph || more.length > 0) continue;
        const copy = subset.getGlyph(gid);
        const outline = (copy as unknown as { _decode(): { numberOfContours: number } | null })._decode();
        if (outline && outline.numberOfContours < 0) compound++;
        if (copy.path.toSVG() !== glyph.path.toSVG() || copy.advanceWidth !== glyph.advanceWidth) different.push(text);
      }
      t.same(different, [], `${font.name}: ${font.unicode.size - 1} glyphs, ${compound} of them compound`);
    }
  });
}

t.test('a character Tinos lacks is set in DejaVu Serif Condensed, the rest in Tinos', async (t) => {
  const view = noteView(
    { number: '9.5', title: 'Checks ⇒ and arrows' },
    {
      sections: {
        issueAtStake: ['Done ⇒ agreed ⇄ in both directions, ∀ states.'],
        summary: ['Nothing more.'],
        procedure: ['For information.'],
      },
    },
  );
  const bytes = await render(view);
  const lines = await pdfLines(bytes);
  t.ok(lines.includes('9.5 Checks ⇒ and arrows'), 'the bold fallback reads back in its line');
  t.ok(lines.includes('Done ⇒ agreed ⇄ in both directions, ∀ states.'), 'the regular fallback too');
  const fonts = await embeddedFonts(bytes);
  const names = fonts.map((f) => f.name.slice(7)).sort();
  t.same(names, ['DejaVuSerifCondensed', 'DejaVuSerifCondensed-Bold', 'Tinos-Bold', 'Tinos-Regular']);
  const fallback = fonts.find((f) => f.name.endsWith('+DejaVuSerifCondensed'))!;
  t.same(
    [...fallback.unicode].filter(([gid]) => gid !== 0).map(([, text]) => text),
    ['⇒', '⇄', '∀'],
    'the regular fallback holds the three characters Tinos lacks, and no space',
  );
  for (const font of fonts) {
    const original = fontkit.create(Buffer.from(fontFile(...FACES[font.name.slice(7)]!))) as fontkit.Font;
    const subset = fontkit.create(Buffer.from(font.file)) as fontkit.Font;
    const different = [...font.unicode]
      .filter(([gid, text]) => gid !== 0 && original.layout(text).glyphs.length === 1)
      .filter(([gid, text]) => subset.getGlyph(gid).path.toSVG() !== original.layout(text).glyphs[0]!.path.toSVG())
      .map(([, text]) => text);
    t.same(different, [], `${font.name}: every glyph is the original's`);
  }
});
