import t from 'tap';
import { fonts } from '../../../src/rendering/pdf/fonts.js';
import type { Run, TextStyle } from '../../../src/rendering/pdf/styled-text.js';
import { typesetParagraph, type Line, type ParagraphFormat } from '../../../src/rendering/pdf/typeset.js';

/**
 * Paragraphs broken into lines, in DejaVu Serif Condensed 12 pt (the package's font, so the
 * widths below hold wherever the tests run): which words go on which line, where each segment
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

t.test('a sentence 200 pt wide breaks into these three lines', async (t) => {
  const lines = typeset([{ text: SENTENCE, style: body }], format('left'));
  t.same(texts(lines), ['The Member States exchanged', 'their experience of cross-border', 'health data.']);
  t.same(segments(lines[0]!), [['The Member States exchanged', 0, 170.455]]);
  t.same(
    lines.map((l) => [round(l.baseline), l.height, l.extraPerSpace]),
    [
      [11.054, 13.8, 0],
      [11.054, 13.8, 0],
      [11.054, 13.8, 0],
    ],
  );
});

t.test('a justified paragraph stretches its spaces to the full width, except on the last line', async (t) => {
  const lines = typeset([{ text: SENTENCE, style: body }], format('justify'));
  t.same(texts(lines), ['The Member States exchanged', 'their experience of cross-border', 'health data.']);
  t.same(
    lines.map((l) => round(l.extraPerSpace)),
    [9.848, 7.774, 0],
  );
  t.same(
    lines.map((l) => round(l.segments.reduce((w, s) => w + s.width, 0))),
    [200, 200, 65.484],
    'a stretched line ends at the measure (no space after its last word)',
  );
});

t.test('a centred line sits in the middle, a right-aligned one against the right edge', async (t) => {
  t.same(segments(typeset([{ text: 'Cover note', style: body }], format('center'))[0]!), [
    ['Cover note', 69.994, 60.012],
  ]);
  t.same(segments(typeset([{ text: 'Cover note', style: body }], format('right'))[0]!), [
    ['Cover note', 139.988, 60.012],
  ]);
});

t.test('a URL wider than the line is broken after its slashes and dots', async (t) => {
  const text = 'See https://health.ec.europa.eu/ehealth-digital-health-and-care/overview_en for more.';
  t.same(texts(typeset([{ text, style: body }], format('left', 150))), [
    'See',
    'https://health.ec.europa.',
    'eu/ehealth-digital-health-',
    'and-care/overview_en for',
    'more.',
  ]);
});

t.test('a long word with nowhere to break is cut where the line is full', async (t) => {
  const lines = typeset([{ text: 'abcdefghijklmnopqrstuvwxyz'.repeat(2), style: body }], format('left', 100));
  t.same(texts(lines), ['abcdefghijklmnop', 'qrstuvwxyzabcdef', 'ghijklmnopqrstuv', 'wxyz']);
  t.same(
    lines.map((l) => round(l.segments[0]!.width)),
    [97.928, 98.795, 96.246, 27.117],
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
    ['building capacity', 0, 94.172],
    ['1', 94.172, 4.235],
    ['. More text here.', 98.407, 92.279],
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
    ['Bold ', 0, 31.729],
    ['and plain', 31.729, 50.924],
  ]);
  t.equal(round(lines[0]!.baseline), 11.119, 'the baseline follows the first face (bold)');
});

t.test('a footnote with its number hanging: every line starts at the indent', async (t) => {
  const style: TextStyle = { face: 'regular', size: 10 };
  const lines = typesetParagraph(fonts(), [{ text: 'Explains the point in a footnote that is long.', style }], {
    width: 150,
    align: 'left',
    leading: 11.5,
    indent: 10,
    label: { text: '1', style },
  });
  t.same(lines.map(segments), [
    [
      ['1', 0, 5.723],
      ['Explains the point in a', 10, 102.568],
    ],
    [['footnote that is long.', 10, 95.063]],
  ]);
  t.equal(round(lines[1]!.baseline), 9.212);
});

t.test('an empty paragraph is one empty line, so that it still takes its height', async (t) => {
  const lines = typeset([], { width: 150, align: 'left', leading: 11.5 });
  t.same(
    lines.map((l) => [l.segments.length, l.height, round(l.baseline)]),
    [[0, 11.5, 6.096]],
  );
});
