import t from 'tap';
import { fonts } from '../../../src/rendering/pdf/fonts.js';
import type { Run, TextStyle } from '../../../src/rendering/pdf/styled-text.js';
import { typesetParagraph, type Line, type ParagraphFormat } from '../../../src/rendering/pdf/typeset.js';

/**
 * Paragraphs broken into lines, in Tinos 12 pt (the package's font, metric-compatible with
 * Times New Roman, so the widths below hold wherever the tests run): which words go on which line, where each segment
 * starts, how much each space is stretched.
 */

const body: TextStyle = { face: 'regular', size: 12 };
const bold: TextStyle = { face: 'bold', size: 12 };
const marker: TextStyle = { face: 'regular', size: 7.4, rise: 4.32 };
const SENTENCE = 'The Member States exchanged their experience of cross-border health data.';
const round = (n: number) => Math.round(n * 1000) / 1000;
const format = (align: ParagraphFormat['align'], width = 200): ParagraphFormat => ({ width, align, leading: 13.8 });

/** Each line's text, segments joined by `|`. */
const texts = (lines: Line[]) => lines.map((l) => l.segments.map((s) => s.text).join('|'));
/** Each segment as [text, x, width], rounded to the thousandth of a point. */
const segments = (line: Line) => line.segments.map((s) => [s.text, round(s.x), round(s.width)]);

const typeset = (runs: Run[], f: ParagraphFormat) => typesetParagraph(fonts(), runs, f);

t.test('a sentence 170 pt wide breaks into these three lines', async (t) => {
  const lines = typeset([{ text: SENTENCE, style: body }], format('left', 170));
  t.same(texts(lines), ['The Member States exchanged', 'their experience of cross-border', 'health data.']);
  t.same(segments(lines[0]!), [['The Member States exchanged', 0, 148.277]]);
  t.same(
    lines.map((l) => [round(l.baseline), l.height, l.extraPerSpace]),
    [
      [10.949, 13.8, 0],
      [10.949, 13.8, 0],
      [10.949, 13.8, 0],
    ],
  );
});

t.test('a justified paragraph stretches its spaces to the full width, except on the last line', async (t) => {
  const lines = typeset([{ text: SENTENCE, style: body }], format('justify', 170));
  t.same(texts(lines), ['The Member States exchanged', 'their experience of cross-border', 'health data.']);
  t.same(
    lines.map((l) => round(l.extraPerSpace)),
    [7.241, 5.692, 0],
  );
  t.same(
    lines.map((l) => round(l.segments.reduce((w, s) => w + s.width, 0))),
    [170, 170, 55.307],
    'a stretched line ends at the measure (no space after its last word)',
  );
});

t.test('a centred line sits in the middle, a right-aligned one against the right edge', async (t) => {
  t.same(segments(typeset([{ text: 'Cover note', style: body }], format('center'))[0]!), [
    ['Cover note', 73.507, 52.986],
  ]);
  t.same(segments(typeset([{ text: 'Cover note', style: body }], format('right'))[0]!), [
    ['Cover note', 147.014, 52.986],
  ]);
});

t.test('a URL wider than the line is broken after its slashes and dots', async (t) => {
  const text = 'See https://health.ec.europa.eu/ehealth-digital-health-and-care/overview_en for more.';
  t.same(texts(typeset([{ text, style: body }], format('left', 150))), [
    'See https://health.ec.europa.eu/',
    'ehealth-digital-health-and-',
    'care/overview_en for more.',
  ]);
});

t.test('a long word with nowhere to break is cut where the line is full', async (t) => {
  const lines = typeset([{ text: 'abcdefghijklmnopqrstuvwxyz'.repeat(2), style: body }], format('left', 100));
  t.same(texts(lines), ['abcdefghijklmnopqr', 'stuvwxyzabcdefghij', 'klmnopqrstuvwxyz']);
  t.same(
    lines.map((l) => round(l.segments[0]!.width)),
    [97.307, 96.639, 92.66],
  );
});

t.test('a footnote marker is a segment of its own, raised, and the line knows its footnote', async (t) => {
  const lines = typeset(
    [
      { text: 'building capacity', style: body },
      { text: '1', style: marker, footnote: 1 },
      { text: '. More text here.', style: body },
    ],
    format('left'),
  );
  t.equal(lines.length, 1);
  t.same(segments(lines[0]!), [
    ['building capacity', 0, 82.975],
    ['1', 82.975, 3.7],
    ['. More text here.', 86.675, 79.635],
  ]);
  t.same(lines[0]!.segments[1]!.footnote, 1);
  t.same(lines[0]!.segments[1]!.style, marker);
  t.same(lines[0]!.footnotes, [1]);
});

t.test('bold and plain runs on one line become two segments', async (t) => {
  const lines = typeset(
    [
      { text: 'Bold', style: bold },
      { text: ' and plain', style: body },
    ],
    format('left'),
  );
  t.same(segments(lines[0]!), [
    ['Bold ', 0, 27.012],
    ['and plain', 27.012, 44.32],
  ]);
  // Tinos Bold has the regular's ascent: the baseline is the same either way.
  t.equal(round(lines[0]!.baseline), 10.949, 'the baseline follows the first face (bold)');
});

t.test('a footnote with its number hanging: every line starts at the indent', async (t) => {
  const style: TextStyle = { face: 'regular', size: 10 };
  const lines = typesetParagraph(fonts(), [{ text: 'Explains the point in a footnote that is long.', style }], {
    width: 130,
    align: 'left',
    leading: 11.5,
    indent: 10,
    label: { text: '1', style },
  });
  t.same(lines.map(segments), [
    [
      ['1', 0, 5],
      ['Explains the point in a', 10, 89.985],
    ],
    [['footnote that is long.', 10, 82.769]],
  ]);
  t.equal(round(lines[1]!.baseline), 9.124);
});

t.test('an empty paragraph is one empty line, so that it still takes its height', async (t) => {
  const lines = typeset([], { width: 150, align: 'left', leading: 11.5 });
  t.same(
    lines.map((l) => [l.segments.length, l.height, round(l.baseline)]),
    [[0, 11.5, 6.087]],
  );
});
