import t from 'tap';
import { readMammothHtml } from '../../src/ingest/read-mammoth-html.js';

t.test('entities are decoded once: named, decimal, hexadecimal and the no-break space', async (t) => {
  const { lines } = readMammothHtml(
    '<p>Tom &amp; Jerry &lt;b&gt; &quot;q&quot; it&#39;s</p>' +
      '<p>caf&eacute; &#x2014; na&iuml;ve &#8211; 10&nbsp;%</p>' +
      '<p>&amp;amp; stays &amp;amp;</p>',
  );
  t.same(lines, ['Tom & Jerry <b> "q" it\'s', 'café — naïve – 10 %', '&amp; stays &amp;']);
});

t.test('nested inline tags give their text in reading order, without added spaces', async (t) => {
  const { lines } = readMammothHtml(
    '<p><strong>Bold <em>and italic <u>under</u></em></strong>ly <a href="https://example.org/x">linked</a>.</p>',
  );
  t.same(lines, ['Bold and italic underly linked.']);
});

t.test('paragraphs, headings, list items, table cells and breaks each end a line', async (t) => {
  const { lines } = readMammothHtml(
    '<h2>1. Issue at stake</h2><p>one<br />two</p>' +
      '<ul><li>outer<ul><li>inner</li></ul></li></ul>' +
      '<table><tr><td><p>cell a</p></td><td>cell b</td></tr></table>' +
      '<p>   </p><p>\n  spaced \t out  </p>',
  );
  t.same(lines, ['1. Issue at stake', 'one', 'two', 'outer', 'inner', 'cell a', 'cell b', 'spaced out']);
});

t.test('footnotes: cited as [^n] in the text, their text without the back link', async (t) => {
  const html =
    '<p>First<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup>, second' +
    '<sup><a href="#footnote-1" id="footnote-ref-1">[2]</a></sup>.</p>' +
    '<ol>' +
    '<li id="footnote-2"><p>Note &amp; <em>source</em> <a href="#footnote-ref-2">↑</a></p></li>' +
    '<li id="footnote-1"><p>Two</p><p>paragraphs <a href="#footnote-ref-1">↑</a></p></li>' +
    '</ol>';
  t.same(readMammothHtml(html), {
    lines: ['First[^1], second[^2].'],
    wrapped: false,
    footnotes: ['Note & source', 'Two paragraphs'],
  });
});

t.test('endnotes count with the footnotes; a citation of no note is left out', async (t) => {
  const html =
    '<p>A<sup><a href="#endnote-1" id="endnote-ref-1">[1]</a></sup> ' +
    'B<sup><a href="#footnote-9" id="footnote-ref-9">[9]</a></sup></p>' +
    '<ol><li id="endnote-1"><p>End <a href="#endnote-ref-1">↑</a></p></li></ol>';
  t.same(readMammothHtml(html), { lines: ['A[^1] B'], wrapped: false, footnotes: ['End'] });
});
