import t from 'tap';
import { AgendumError } from '../../src/domain/errors.js';
import { diffReports } from '../../src/domain/report-diff.js';
import {
  allowedReportEvents,
  editReportText,
  isEditable,
  reportTransition,
  type ReportText,
} from '../../src/domain/summary-report.js';

const staff = { id: 1, name: 'Sam', role: 'secretariat' } as const;
const delegate = { id: 2, name: 'Dana', role: 'delegate' } as const;

function codeOf(work: () => unknown): [number, string | null] | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AgendumError ? [error.status, error.field] : null;
  }
}

t.test('the workflow table: what each state allows', async (t) => {
  t.same(allowedReportEvents('drafting'), ['submit']);
  t.same(allowedReportEvents('review'), ['return', 'release']);
  t.same(allowedReportEvents('released'), ['reopen', 'adopt']);
  t.same(allowedReportEvents('adopted'), []);
  t.same((['drafting', 'review', 'released', 'adopted'] as const).map(isEditable), [true, true, false, false]);
});

t.test('a move: its state, its performer, what it needs', async (t) => {
  t.equal(reportTransition('drafting', 'submit', { actor: staff }), 'review');
  t.equal(reportTransition('review', 'release', { actor: staff }), 'released');
  t.equal(reportTransition('released', 'reopen', { actor: staff, comment: 'A correction' }), 'drafting');
  t.equal(reportTransition('released', 'adopt', { actor: staff, adoptionItemId: 7 }), 'adopted');
  t.same(
    codeOf(() => reportTransition('drafting', 'submit', { actor: delegate })),
    [403, null],
  );
  t.same(
    codeOf(() => reportTransition('adopted', 'reopen', { actor: staff, comment: 'x' })),
    [409, null],
  );
  t.same(
    codeOf(() => reportTransition('review', 'return', { actor: staff, comment: '  ' })),
    [422, 'comment'],
  );
  t.same(
    codeOf(() => reportTransition('released', 'adopt', { actor: staff })),
    [422, 'adoptionItemId'],
  );
});

const text: ReportText = {
  format: 'hybrid',
  coChairs: [{ name: 'Ioana-Maria Gligor', function: 'Director, DG SANTE' }],
  opening: { blocks: [], footnotes: [] },
  items: [
    {
      itemId: 5,
      number: '9.1',
      title: 'Update from the Work Stream 12',
      depth: 2,
      procedure: 'for-information',
      outcome: 'noted',
      conclusions: { blocks: [[{ text: 'The Network took note.' }]], footnotes: [] },
      actionPoints: [{ itemNumber: '9.1', what: 'Send comments', owner: 'Belgium', dueDate: null, state: 'open' }],
    },
  ],
  attendance: [{ name: 'Ana', delegation: 'Austria', state: 'present', representedBy: null }],
};

t.test('editing the words: normalised as a note, unknown items refused', async (t) => {
  const edited = editReportText(text, {
    opening: { blocks: ['  The agenda   was approved. '] },
    items: [
      {
        itemId: 5,
        conclusions: {
          blocks: ['Noted, see', [{ text: 'the plan' }, { footnote: 1 }]],
          footnotes: [{ text: 'The plan.' }],
        },
      },
    ],
  });
  t.same(edited.opening, { blocks: [[{ text: 'The agenda was approved.' }]], footnotes: [] });
  t.same(edited.items[0]!.conclusions, {
    blocks: [[{ text: 'Noted, see' }], [{ text: 'the plan' }, { footnote: 1 }]],
    footnotes: [{ text: 'The plan.' }],
  });
  t.same(edited.items[0]!.actionPoints, text.items[0]!.actionPoints, 'what the record gives is kept');
  t.same(
    codeOf(() => editReportText(text, { items: [{ itemId: 6, conclusions: { blocks: ['x'] } }] })),
    [422, 'items.0.itemId'],
  );
});

t.test('two versions compared part by part', async (t) => {
  const after = editReportText(text, {
    items: [{ itemId: 5, conclusions: { blocks: ['The Network took careful note.'] } }],
  });
  const diff = diffReports(text, { ...after, attendance: [{ ...text.attendance[0]!, state: 'remote' }] });
  t.same(diff.opening, []);
  t.same(diff.items, [
    {
      itemId: 5,
      number: '9.1',
      title: 'Update from the Work Stream 12',
      parts: [
        { op: 'equal', text: 'The Network took ' },
        { op: 'insert', text: 'careful ' },
        { op: 'equal', text: 'note.' },
      ],
    },
  ]);
  t.same(diff.actionPoints, [{ op: 'equal', text: '9.1 | Send comments | Belgium | – | open' }]);
  t.same(diff.attendance, [
    { op: 'equal', text: 'Austria | Ana | ' },
    { op: 'delete', text: 'present' },
    { op: 'insert', text: 'remote' },
  ]);
  t.equal(diff.identical, false);
  t.equal(diffReports(text, text).identical, true);
  const gone = diffReports(text, { ...text, items: [] });
  t.same(
    gone.items[0]!.parts,
    [{ op: 'delete', text: 'The Network took note.' }],
    'an item no longer in the report is deleted whole',
  );
});
