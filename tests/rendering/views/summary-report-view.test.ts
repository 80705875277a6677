import t from 'tap';
import {
  procedureWords,
  reportConclusions,
  reportItemHeading,
} from '../../../src/rendering/views/summary-report-view.js';

t.test('an item heading is the number with a period, the title and the procedure after an en dash', async (t) => {
  t.equal(
    reportItemHeading('1.1', 'State of play of the EHDS', 'for information'),
    '1.1. State of play of the EHDS – for information',
  );
  t.equal(reportItemHeading('9', 'Cybersecurity', null), '9. Cybersecurity');
});

t.test('a procedure is printed in lower-case words, a longer sentence without its period', async (t) => {
  t.equal(procedureWords('for-information'), 'for information');
  t.equal(procedureWords('for-adoption'), 'for adoption');
  t.equal(
    procedureWords('For information and to receive Member States reflections on cybersecurity.'),
    'for information and to receive Member States reflections on cybersecurity',
  );
});

t.test(
  'footnotes are numbered across the report in reading order, each part having numbered its own from 1',
  async (t) => {
    const { blocks, footnotes } = reportConclusions([
      { blocks: [[{ text: 'Opening.' }]], footnotes: [] },
      {
        blocks: [[{ text: 'First' }, { footnote: 2 }, { text: ' and second' }, { footnote: 1 }]],
        footnotes: [{ text: 'Cited second.' }, { text: 'Cited first.', sourceUrl: 'https://example.org/a' }],
      },
      {
        blocks: [{ block: 'list', style: 'bullet', items: [{ runs: [{ text: 'A point' }, { footnote: 1 }] }] }],
        footnotes: [{ text: 'Of the list.' }],
      },
    ]);
    t.same(footnotes, [
      { number: 1, text: 'Cited first.', sourceUrl: 'https://example.org/a' },
      { number: 2, text: 'Cited second.' },
      { number: 3, text: 'Of the list.' },
    ]);
    t.same(blocks[0], [{ kind: 'paragraph', runs: [{ kind: 'text', text: 'Opening.' }] }]);
    t.same(blocks[1], [
      {
        kind: 'paragraph',
        runs: [
          { kind: 'text', text: 'First' },
          { kind: 'footnote', number: 1 },
          { kind: 'text', text: ' and second' },
          { kind: 'footnote', number: 2 },
        ],
      },
    ]);
    t.same(blocks[2], [
      {
        kind: 'list',
        ordered: false,
        items: [
          {
            marker: '•',
            runs: [
              { kind: 'text', text: 'A point' },
              { kind: 'footnote', number: 3 },
            ],
          },
        ],
      },
    ]);
  },
);
