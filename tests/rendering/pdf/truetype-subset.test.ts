import * as fontkit from 'fontkit';
import t from 'tap';
import { fontFile } from '../../../src/rendering/pdf/fonts.js';
import { TrueTypeSource } from '../../../src/rendering/pdf/truetype-subset.js';

/**
 * Our subsetter on its own: the glyphs a text needs, written to a new font file that fontkit
 * reads back with the original's outlines and widths, compound glyphs with their parts.
 */

const regularFile = fontFile('regular');
const original = fontkit.create(Buffer.from(regularFile)) as fontkit.Font;

/** Subsets `text`'s glyphs; returns the subset font and, per character, its id in the subset. */
function subsetOf(text: string) {
  const subset = new TrueTypeSource(regularFile).createSubset();
  const ids = [...text].map((ch) => {
    const [glyph] = original.layout(ch).glyphs;
    return { ch, originalId: glyph!.id, subsetId: subset.includeGlyph(glyph!) };
  });
  const file = subset.encode();
  return { font: fontkit.create(Buffer.from(file)) as fontkit.Font, ids, bytes: file.byteLength };
}

const isCompound = (glyph: fontkit.Glyph) =>
  ((glyph as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours ?? 0) < 0;

t.test('glyph ids in the subset follow the order they were asked for, after .notdef', async (t) => {
  const { ids, font } = subsetOf('Aa');
  t.same(
    ids.map((i) => i.subsetId),
    [1, 2],
  );
  t.equal(font.numGlyphs, 3, '.notdef, A and a');
  t.equal(font.getGlyph(0).path.toSVG(), original.getGlyph(0).path.toSVG(), '.notdef is the original one');
  t.equal(font.unitsPerEm, 2048);
});

t.test('the same glyph asked for twice is written once', async (t) => {
  const { ids, font } = subsetOf('eee');
  t.same(
    ids.map((i) => i.subsetId),
    [1, 1, 1],
  );
  t.equal(font.numGlyphs, 2);
});

for (const [script, text] of [
  ['Latin', 'Issue at stake, 12-13 November 2020.'],
  ['Latin with accents', 'Réseau santé: à é è ê ë ç ñ ö ü ß'],
  ['Greek', 'Ενημέρωση για τις δραστηριότητες κ'],
  ['Cyrillic', 'Информация за дейностите к й ё ї'],
] as const) {
  t.test(`${script}: every glyph reads back with the original's outline and width`, async (t) => {
    const { ids, font } = subsetOf(text);
    const different = ids.filter(({ originalId, subsetId }) => {
      const was = original.getGlyph(originalId);
      const is = font.getGlyph(subsetId);
      return is.path.toSVG() !== was.path.toSVG() || is.advanceWidth !== was.advanceWidth;
    });
    t.same(
      different.map((d) => d.ch),
      [],
    );
  });
}

t.test('a compound glyph keeps its parts: they are copied and renumbered', async (t) => {
  // In Tinos, é is drawn as e plus an acute accent (a compound glyph).
  const [eAcute] = original.layout('é').glyphs;
  t.equal(isCompound(eAcute!), true, 'é is compound in the original');
  const { ids, font } = subsetOf('é');
  t.equal(ids[0]!.subsetId, 1);
  t.ok(font.numGlyphs >= 3, `.notdef, é and its parts: ${font.numGlyphs} glyphs`);
  const copy = font.getGlyph(1);
  t.equal(isCompound(copy), true, 'still compound in the subset');
  t.equal(copy.path.toSVG(), eAcute!.path.toSVG(), 'drawn the same, parts included');
});
