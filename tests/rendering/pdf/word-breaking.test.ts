import t from 'tap';
import { fonts } from '../../../src/rendering/pdf/fonts.js';
import type { TextStyle } from '../../../src/rendering/pdf/styled-text.js';
import { measureWords, type Word } from '../../../src/rendering/pdf/word-breaking.js';

/**
 * Words as the line filler receives them: measured in DejaVu Serif Condensed (the package's
 * font, so the widths below hold wherever the tests run), with over-long words cut to fit.
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
    ['Two', 22.51, 3.43],
    ['words', 33.35, 0],
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
    ['building', 44.99, 3.43],
    ['capacity|1|.', 53.42, 3.43],
    ['Next', 26.26, 0],
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
      ['Bold|plain', 55.17, 3.43],
      ['and', 20.3, 0],
    ],
  );
});

t.test('Greek and Cyrillic words are measured like Latin ones', async (t) => {
  t.same(wordsOf('Ελληνικά και кирилица', 500), [
    ['Ελληνικά', 52.87, 3.43],
    ['και', 18.27, 3.43],
    ['кирилица', 55.48, 0],
  ]);
});

t.test('a URL wider than the measure is cut after its slashes, dots and the like', async (t) => {
  t.same(wordsOf('see https://example.org/a/b/c/d/e/f?x=1&y=2 now', 60), [
    ['see', 18.31, 3.43],
    ['https://', 38.99, 0],
    ['example.', 49.32, 0],
    ['org/a/b/c/', 52.51, 0],
    ['d/e/f?x=', 45.49, 0],
    ['1&y=', 31.62, 0],
    ['2', 6.87, 3.43],
    ['now', 22.69, 0],
  ]);
});

t.test('a word with nowhere to break is cut where the measure is full', async (t) => {
  t.same(wordsOf('abcdefghijklmnopqrstuvwxyz', 50), [
    ['abcdefg', 43.59, 0],
    ['hijklmno', 47.43, 0],
    ['pqrstuv', 41.91, 0],
    ['wxyz', 27.12, 0],
  ]);
});

t.test('a long word of two styles is cut inside either piece', async (t) => {
  const runs = [
    { text: 'abcdefghij', style: body },
    { text: 'klmnopqrstuvwxyz', style: bold },
  ];
  t.same(shown(measureWords(fonts(), runs, 50)), [
    ['abcdefg', 43.59, 0],
    ['hij|klmn', 44.61, 0],
    ['opqrstu', 46.9, 0],
    ['vwxyz', 34.41, 0],
  ]);
});

t.test('a letter wider than the measure still takes a line of its own', async (t) => {
  t.same(wordsOf('xy', 2), [
    ['x', 6.09, 0],
    ['y', 6.1, 0],
  ]);
});

t.test('a 600-letter word (measured roughly first) is cut into 43 parts that fit, none lost', async (t) => {
  const word = 'ab'.repeat(300);
  const words = measureWords(fonts(), [{ text: word, style: body }], 100);
  t.equal(words.length, 43);
  t.same(
    words.slice(0, 3).map((w) => w.pieces[0]!.text),
    ['abababababababa', 'bababababababa', 'bababababababa'],
  );
  t.same(
    words.filter((w) => w.width > 100),
    [],
    'every part fits',
  );
  t.equal(words.map((w) => w.pieces[0]!.text).join(''), word);
});
