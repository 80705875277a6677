import t from 'tap';
import { hashNoteContent, normaliseNoteContent, paragraphText } from '../../src/domain/note-content.js';
import type { Inline } from '../../src/domain/note-blocks.js';

t.test('whitespace is folded and plain runs merge, so equal text hashes equal', async (t) => {
  const a = normaliseNoteContent({ sections: { summary: ['  One\n two  '] } });
  const b = normaliseNoteContent({ sections: { summary: [[{ text: 'One ' }, { text: 'two' }]] } });
  t.same(a.sections.summary, [[{ text: 'One two' }]]);
  t.equal(hashNoteContent(a), hashNoteContent(b));
  t.same(a.sections.issueAtStake, [], 'absent sections are empty');
});

t.test('links and footnote markers stay runs of their own', async (t) => {
  const content = normaliseNoteContent({
    sections: {
      summary: [[{ text: 'See ' }, { text: 'this', href: 'https://ec.europa.eu' }, { footnote: 1 }, { text: '.' }]],
    },
    footnotes: [{ text: ' A  note ', sourceUrl: 'https://ec.europa.eu ' }],
  });
  t.same(content.sections.summary[0], [
    { text: 'See ' },
    { text: 'this', href: 'https://ec.europa.eu' },
    { footnote: 1 },
    { text: '.' },
  ]);
  t.same(content.footnotes, [{ text: 'A note', sourceUrl: 'https://ec.europa.eu' }]);
  t.equal(paragraphText(content.sections.summary[0] as Inline[]), 'See this.');
});

t.test('empty paragraphs disappear; a version with no text at all is refused', async (t) => {
  t.same(normaliseNoteContent({ sections: { summary: ['x', '   '] } }).sections.summary.length, 1);
  t.throws(() => normaliseNoteContent({ sections: { summary: ['  '] } }), { code: 'AGENDUM_INVALID', status: 422 });
});
