import t from 'tap';
import { normaliseNoteContent, type NoteContentInput } from '../../src/domain/note-content.js';
import { diffText, diffVersions } from '../../src/domain/version-diff.js';

/** Versions are compared as they are stored: normalised. */
const version = (input: NoteContentInput) => normaliseNoteContent(input);

t.test('a changed sentence shows exactly the changed words, the rest as equal runs', async (t) => {
  t.same(diffText('This is the first update to the Network.', 'This is its second update to the Network.'), [
    { op: 'equal', text: 'This is ' },
    { op: 'delete', text: 'the' },
    { op: 'insert', text: 'its' },
    { op: 'equal', text: ' ' },
    { op: 'delete', text: 'first' },
    { op: 'insert', text: 'second' },
    { op: 'equal', text: ' update to the Network.' },
  ]);
  t.same(diffText('The Work stream is operational.', 'The Work stream is fully operational.'), [
    { op: 'equal', text: 'The Work stream is ' },
    { op: 'insert', text: 'fully ' },
    { op: 'equal', text: 'operational.' },
  ]);
  t.same(diffText('', 'New text.'), [{ op: 'insert', text: 'New text.' }]);
  t.same(diffText('Old text.', ''), [{ op: 'delete', text: 'Old text.' }]);
  t.same(diffText('', ''), []);
});

t.test('a paragraph re-wrapped (other line breaks, other spaces) is not a change', async (t) => {
  const before = version({
    sections: { summary: ['The Work stream is now operational and this is\nthe first update.'] },
  });
  const after = version({
    sections: { summary: ['The Work stream is now\noperational  and this is the first\n   update.'] },
  });
  t.same(diffVersions(before, after), {
    sections: {
      issueAtStake: [],
      summary: [{ op: 'equal', text: 'The Work stream is now operational and this is the first update.' }],
      procedure: [],
    },
    footnotes: [],
    identical: true,
  });
});

t.test('two paragraphs joined into one is a change (the paragraph break goes)', async (t) => {
  const before = version({ sections: { summary: ['The Work stream is operational.', 'This is its update.'] } });
  const after = version({ sections: { summary: ['The Work stream is operational. This is its update.'] } });
  const diff = diffVersions(before, after);
  t.equal(diff.identical, false);
  t.same(diff.sections.summary, [
    { op: 'equal', text: 'The Work stream is operational.' },
    { op: 'delete', text: '\n\n' },
    { op: 'insert', text: ' ' },
    { op: 'equal', text: 'This is its update.' },
  ]);
});

t.test('sections are compared one by one; footnotes with their markers and sources', async (t) => {
  const before = version({
    sections: { summary: [[{ text: 'See the report' }, { footnote: 1 }, { text: '.' }]] },
    footnotes: [{ text: 'ENISA report', sourceUrl: 'https://www.enisa.europa.eu' }],
  });
  const after = version({
    sections: {
      issueAtStake: ['Cybersecurity of hospitals.'],
      summary: [[{ text: 'See the report' }, { footnote: 1 }, { text: '.' }]],
    },
    footnotes: [{ text: 'ENISA 2020 report', sourceUrl: 'https://www.enisa.europa.eu' }],
  });
  t.same(diffVersions(before, after), {
    sections: {
      issueAtStake: [{ op: 'insert', text: 'Cybersecurity of hospitals.' }],
      summary: [{ op: 'equal', text: 'See the report[^1].' }],
      procedure: [],
    },
    footnotes: [
      { op: 'equal', text: '[^1] ENISA ' },
      { op: 'insert', text: '2020 ' },
      { op: 'equal', text: 'report [source: https://www.enisa.europa.eu]' },
    ],
    identical: false,
  });
});

t.test('a removed footnote source is a change', async (t) => {
  const withSource = version({
    sections: { summary: [[{ text: 'See' }, { footnote: 1 }]] },
    footnotes: [{ text: 'ENISA', sourceUrl: 'https://www.enisa.europa.eu' }],
  });
  const without = version({
    sections: { summary: [[{ text: 'See' }, { footnote: 1 }]] },
    footnotes: [{ text: 'ENISA' }],
  });
  t.same(diffVersions(withSource, without).footnotes, [
    { op: 'equal', text: '[^1] ENISA' },
    { op: 'delete', text: ' [source: https://www.enisa.europa.eu]' },
  ]);
});
