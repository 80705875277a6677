import t from 'tap';
import { escapeXml } from '../../../src/rendering/html/atom-feed.js';

t.test("the feed's text: markup escaped, characters XML forbids dropped, the rest kept", async (t) => {
  t.equal(escapeXml('Item 9 <"R&D"> it\'s'), 'Item 9 &lt;&quot;R&amp;D&quot;&gt; it&apos;s');
  t.equal(escapeXml('a\uFFFEb\uD800c\u0007d'), 'abcd', 'U+FFFE, a lone surrogate and a control character go');
  t.equal(escapeXml('Ελληνικά, Кириллица, 😀\ttab'), 'Ελληνικά, Кириллица, 😀\ttab');
});
