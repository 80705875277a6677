import t from 'tap';
import { fonts } from '../../../src/rendering/pdf/fonts.js';
import type { TextStyle } from '../../../src/rendering/pdf/styled-text.js';
import { measureWords, type Word } from '../../../src/rendering/pdf/word-breaking.js';

/**
 * Words as the line filler receives them: measured in Tinos (the package's font, metric-compatible
 * with Times New Roman, so the widths below hold wherever the tests run), with over-long words cut to fit.
 */

const body: TextStyle = { face: 'regular', size: 12 };
const bold: TextStyle = { face: 'bold', size: 12 };
const marker: TextStyle = { face: 'regular', size: 7.4, rise: 4.32 };
const round = (n: number) => Math.round(n * 100) / 100;

/** Each word as `text` (pieces joined by `|`), its width and the width of the space after it. */
const shown = (words: Word[]) =>
  words.map((w) => [w.pieces.map((p) => p.text).join('|'), round(w.width), round(w.spaceWidth)]);

/** The words of one run of body text at `width` points, as `shown` gives them. */
const wordsOf = (text: string, width: number) => shown(measureWords(fonts(), [{ text, style: body }], width));

t.test('words are split at spaces, measured, and the last has no space after it', async (t) => {
  t.same(wordsOf('Two  words ', 500), [
    ['Two', 21.16, 3],
    ['words', 29.33, 0],
  ]);
});

t.test('a footnote marker belongs to the word it follows, punctuation included', async (t) => {
  const words = measureWords(
    fonts(),
    [
      { text: 'building capacity', style: body },
      { text: '1', style: marker, footnote: 1 },
      { text: '. Next', style: body },
    ],
    500,
  );
  t.same(shown(words), [
    ['building', 40, 3],
    ['capacity|1|.', 46.67, 3],
    ['Next', 23.33, 0],
  ]);
  t.same(
    words[1]!.pieces.map((p) => p.footnote),
    [undefined, 1, undefined],
  );
});

t.test('runs of two styles with no space between them make one word', async (t) => {
  t.same(
    shown(
      measureWords(
        fonts(),
        [
          { text: 'Bold', style: bold },
          { text: 'plain and', style: body },
        ],
        500,
      ),
    ),
    [
      ['Bold|plain', 48.01, 3],
      ['and', 17.33, 0],
    ],
  );
});

t.test('Greek and Cyrillic words are measured like Latin ones', async (t) => {
  t.same(wordsOf('Ελληνικά και кирилица', 500), [
    ['Ελληνικά', 46.02, 3],
    ['και', 15.46, 3],
    ['кирилица', 48.83, 0],
  ]);
});

t.test('a URL wider than the measure is cut after its slashes, dots and the like', async (t) => {
  t.same(wordsOf('see https://example.org/a/b/c/d/e/f?x=1&y=2 now', 60), [
    ['see', 15.32, 3],
    ['https://', 33.34, 0],
    ['example.', 43.65, 0],
    ['org/a/b/c/d/', 55.1, 0],
    ['e/f?x=1&y=', 58.85, 0],
    ['2', 6, 3],
    ['now', 20.67, 0],
  ]);
});

t.test('a word with nowhere to break is cut where the measure is full', async (t) => {
  t.same(wordsOf('abcdefghijklmnopqrstuvwxyz', 50), [
    ['abcdefghi', 47.31, 0],
    ['jklmnopqr', 50, 0],
    ['stuvwxyz', 46, 0],
  ]);
});

t.test('a long word of two styles is cut inside either piece', async (t) => {
  const runs = [
    { text: 'abcdefghij', style: body },
    { text: 'klmnopqrstuvwxyz', style: bold },
  ];
  t.same(shown(measureWords(fonts(), runs, 50)), [
    ['abcdefghi', 47.31, 0],
    ['j|klmnopq', 49.36, 0],
    ['rstuvwxy', 47.33, 0],
    ['z', 5.33, 0],
  ]);
});

t.test('a letter wider than the measure still takes a line of its own', async (t) => {
  t.same(wordsOf('xy', 2), [
    ['x', 6, 0],
    ['y', 6, 0],
  ]);
});

t.test('a 600-letter word (measured roughly first) is cut into 36 parts that fit, none lost', async (t) => {
  const word = 'ab'.repeat(300);
  const words = measureWords(fonts(), [{ text: word, style: body }], 100);
  t.equal(words.length, 36);
  t.same(
    words.slice(0, 3).map((w) => w.pieces[0]!.text),
    ['ababababababababa', 'babababababababab', 'ababababababababa'],
  );
  t.same(
    words.filter((w) => w.width > 100),
    [],
    'every part fits',
  );
  t.equal(words.map((w) => w.pieces[0]!.text).join(''), word);
});
