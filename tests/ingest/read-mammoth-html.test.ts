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

t.test(
  'nested inline tags give their text in reading order, without added spaces; a link as [text](url)',
  async (t) => {
    const { lines } = readMammothHtml(
      '<p><strong>Bold <em>and italic <u>under</u></em></strong>ly <a href="https://example.org/x">linked</a>.' +
        '<a id="_Toc1"></a> <a href="#_Toc1">Inside</a></p>',
    );
    t.same(lines, ['Bold and italic underly [linked](https://example.org/x). Inside']);
  },
);

t.test('paragraphs and breaks end a plain line; headings, list items and table rows are marked', async (t) => {
  const { lines, warnings } = readMammothHtml(
    '<h2>1. Issue at stake</h2><p>one<br />two</p>' +
      '<ul><li>outer<ul><li>inner</li></ul></li><li>second<br />line</li></ul>' +
      '<ol><li><p>first</p><p>more</p></li></ol>' +
      '<table><tr><th>Head</th><th>er</th></tr><tr><td><p>cell a</p><p>again</p></td><td>cell b</td></tr></table>' +
      '<table><tr><td>other</td></tr></table>' +
      '<p>   </p><p>\n  spaced \t out  </p>',
  );
  t.same(lines, [
    { heading: '1. Issue at stake' },
    'one',
    'two',
    { list: 'bullet', level: 0, text: 'outer' },
    { list: 'bullet', level: 1, text: 'inner' },
    { list: 'bullet', level: 0, text: 'second line' },
    { list: 'number', level: 0, text: 'first more' },
    { table: 1, cells: ['Head', 'er'], header: true },
    { table: 1, cells: ['cell a again', 'cell b'], header: false },
    { table: 2, cells: ['other'], header: false },
    'spaced out',
  ]);
  t.equal(warnings, undefined);
});

t.test('a table inside a cell is flattened into that cell, with a warning', async (t) => {
  const { lines, warnings } = readMammothHtml(
    '<table><tr><td>outer <table><tr><td>in</td><td>ner</td></tr></table> end</td><td>b</td></tr></table><p>after</p>',
  );
  t.same(lines, [{ table: 1, cells: ['outer in ner end', 'b'], header: false }, 'after']);
  t.same(warnings, [
    { code: 'nested-table', message: 'A table inside a cell of table 1 was read as the text of that cell.' },
  ]);
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
