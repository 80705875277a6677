import t from 'tap';
import { normaliseNoteContent } from '../../src/domain/note-content.js';
import type { TrackedChanges } from '../../src/ingest/docx-warnings.js';
import { parseCoverNote } from '../../src/ingest/parse-cover-note.js';
import { readDraft } from '../../src/ingest/read-draft.js';
import {
  bullet,
  LIST_TABLE_CONTENT,
  link,
  listNumberedHeading,
  listTableDraft,
  objectsDraft,
  plain,
  styleNumberedDraft,
  table,
  wordDraft,
} from '../support/word-drafts.js';

const LIMITS = { maxUnzippedBytes: 50 * 1024 * 1024, maxEntries: 500 };

async function parseWord(bytes: Buffer, trackedChanges?: TrackedChanges) {
  const { kind, extracted } = await readDraft(bytes, LIMITS, { trackedChanges });
  t.equal(kind, 'docx');
  return parseCoverNote(extracted);
}

t.test(
  'a Word draft with list-numbered headings, a bulleted list, a table of dates, tracked changes and a comment',
  async (t) => {
    const parsed = await parseWord(await listTableDraft());
    t.same(parsed.item, { number: '9.3', title: 'Health data in practice' });
    t.equal(parsed.hasSections, true);
    t.same(parsed.content, LIST_TABLE_CONTENT);
    t.same(normaliseNoteContent(parsed.content), LIST_TABLE_CONTENT, 'already in its stored spelling');
    t.same(parsed.warnings, [
      {
        code: 'tracked-changes',
        message:
          'The draft has 2 pending tracked changes; they were read as accepted (inserted text kept, deleted text left out).',
      },
      {
        code: 'comments',
        message: 'The draft has 1 comment; comments are not part of the note and were left out: "Check the figures.".',
      },
    ]);
  },
);

t.test('AGENDUM_TRACKED_CHANGES=refuse: a draft with pending changes is refused with a sentence', async (t) => {
  await t.rejects(readDraft(await listTableDraft(), LIMITS, { trackedChanges: 'refuse' }), {
    code: 'AGENDUM_BAD_UPLOAD',
    status: 422,
    message:
      'The Word file has 2 pending tracked changes. Accept or reject them in Word (Review, Accept or Reject), save the file and upload it again.',
  });
  const clean = await wordDraft([listNumberedHeading('Summary'), plain('Nothing pending.')]);
  const parsed = await parseWord(clean, 'refuse');
  t.same(parsed.content.sections.summary, [[{ text: 'Nothing pending.' }]], 'a draft without changes passes');
});

t.test("headings in Word's numbered heading style, which puts the number in no text", async (t) => {
  const bytes = await styleNumberedDraft();
  const parsed = await parseWord(bytes);
  t.same(parsed.content.sections, {
    issueAtStake: [[{ text: 'Stake.' }]],
    summary: [[{ text: 'Sum.' }]],
    procedure: [[{ text: 'For adoption.' }]],
  });
  t.same(parsed.warnings, []);
});

t.test('headings without numbers, in odd case and spacing, in their common variants', async (t) => {
  const bytes = await wordDraft([
    plain('ISSUES  AT STAKE'),
    plain('Stake.'),
    plain('3. summary:'),
    plain('Sum.'),
    plain('Format of the procedure'),
    plain('For adoption by written procedure.'),
  ]);
  const parsed = await parseWord(bytes);
  t.same(parsed.content.sections, {
    issueAtStake: [[{ text: 'Stake.' }]],
    summary: [[{ text: 'Sum.' }]],
    procedure: [[{ text: 'For adoption by written procedure.' }]],
  });
  t.same(parsed.warnings, [], 'a typed number that contradicts the words is no problem: the words win');
});

t.test('a header row, a nested bullet, allowed and refused links in a Word draft', async (t) => {
  const bytes = await wordDraft([
    listNumberedHeading('Summary'),
    plain('See ', link('the report', 'https://example.org/report'), ' and ', link('this', 'javascript:alert(1)'), '.'),
    bullet('Outer'),
    bullet('Inner', 1),
    table(
      [
        ['Step', 'Date'],
        ['Kick-off', '29 January 2020'],
      ],
      { header: true },
    ),
  ]);
  const parsed = await parseWord(bytes);
  t.same(parsed.content.sections.summary, [
    [
      { text: 'See ' },
      { text: 'the report', href: 'https://example.org/report' },
      { text: ' and [this](javascript:alert(1)).' },
    ],
    {
      block: 'list',
      style: 'bullet',
      items: [{ runs: [{ text: 'Outer' }], sublist: { style: 'bullet', items: [{ runs: [{ text: 'Inner' }] }] } }],
    },
    {
      block: 'table',
      header: [[{ text: 'Step' }], [{ text: 'Date' }]],
      rows: [[[{ text: 'Kick-off' }], [{ text: '29 January 2020' }]]],
    },
  ]);
  t.same(
    parsed.warnings.map((w) => w.message),
    [
      'The link "javascript:alert(1)" on "this" is not an http, https or mailto link; it was kept as text.',
      'Section "1. Issue at stake" is missing.',
      'Section "3. Format of procedure in the meeting" is missing.',
    ],
  );
});

t.test('images, text boxes and equations are named with the paragraph they stood in', async (t) => {
  const bytes = await objectsDraft();
  const parsed = await parseWord(bytes);
  t.same(parsed.content.sections.summary, [
    [{ text: 'The logo stands here.' }],
    [{ text: 'See the box:' }],
    [{ text: 'Boxed words' }],
    [{ text: 'The area is square metres.' }],
  ]);
  t.same(
    parsed.warnings.filter((w) => w.code === 'embedded-object').map((w) => w.message),
    [
      'An image in the paragraph "The logo stands here.": it was left out.',
      'An image after the paragraph "The logo stands here.": it was left out.',
      'A text box ("Boxed words") in the paragraph "See the box:": its text was read as a paragraph after that one.',
      'An equation ("x = 2") in the paragraph "The area is square metres.": it was left out.',
    ],
  );
});

t.test('an unknown numbered heading keeps its text, as its warning says', async (t) => {
  const bytes = await wordDraft([
    plain('1. Issue at stake'),
    plain('Stake.'),
    plain('4. Next steps'),
    plain('More text.'),
  ]);
  const parsed = await parseWord(bytes);
  t.same(parsed.content.sections.issueAtStake, [
    [{ text: 'Stake.' }],
    [{ text: '4. Next steps' }],
    [{ text: 'More text.' }],
  ]);
  t.same(parsed.warnings[0], {
    code: 'unknown-heading',
    message: 'Unknown heading "4. Next steps": its text was kept as a paragraph in the section before it.',
  });
});
