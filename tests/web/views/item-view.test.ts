import t from 'tap';
import type { Actor } from '../../../src/domain/roles.js';
import type { NoteView as PrintedNote } from '../../../src/rendering/views/note-view.js';
import type { ItemView, MeetingView, NoteView } from '../../../src/services/presenters.js';
import { itemPageView, type ItemPageFacts } from '../../../src/web/views/item-view.js';
import type { NoteState } from '../../../src/domain/note-workflow.js';

const sam: Actor = { id: 1, name: 'Sam', role: 'secretariat' };
const rita: Actor = { id: 7, name: 'Rita', role: 'rapporteur' };
const dirk: Actor = { id: 9, name: 'Dirk', role: 'delegate' };

const item: ItemView = {
  id: 3,
  meetingId: 1,
  parentId: null,
  position: 1,
  number: '1',
  title: 'Cybersecurity',
  copiedFromItemId: null,
  rapporteurs: [{ id: 7, name: 'Rita' }],
  audience: 'network',
  audienceGroups: [],
  note: { state: 'drafting', procedure: null, returned: false },
};
const note = (state: NoteState, versionCount = 1): NoteView => ({
  id: 5,
  itemId: 3,
  state,
  procedure: null,
  procedureKind: null,
  outcome: null,
  revision: 2,
  versionCount,
  currentVersion: null,
  updatedAt: '2020-11-01T10:00:00.000Z',
  publication: null,
});
const facts = (state: NoteState, inDraftingCircle = true, versionCount = 1): ItemPageFacts => ({
  item,
  meeting: { displayLine: '18th eHealth Network' } as MeetingView,
  note: note(state, versionCount),
  inDraftingCircle,
  printed: null,
  versions: [],
  comments: [],
});
const buttons = (actor: Actor, state: NoteState, inCircle = true) =>
  itemPageView(actor, facts(state, inCircle)).actions.map((a) => [a.event, a.needsComment, a.needsProcedure]);

t.test('the workflow boxes: what the state allows and the person may do', async (t) => {
  t.same(buttons(rita, 'drafting'), [['submit', false, false]], 'the rapporteur submits');
  t.same(buttons(rita, 'review'), [], 'the rapporteur neither returns nor releases');
  t.same(
    buttons(sam, 'review'),
    [
      ['return', true, false],
      ['release', false, true],
      ['withdraw', true, false],
    ],
    'the secretariat returns (with a reason), releases (with a procedure) or withdraws (with a reason)',
  );
  t.same(buttons(sam, 'released'), [['reopen', true, false]]);
  t.same(buttons(sam, 'withdrawn'), [['restore', false, false]], 'a withdrawn note is restored');
  t.same(buttons(dirk, 'released', false), [], 'outside the drafting circle: no buttons');
});

t.test('submit is not offered before the note has a version: it could only be refused', async (t) => {
  const actions = (actor: Actor) => itemPageView(actor, facts('drafting', true, 0)).actions.map((a) => a.event);
  t.same(actions(rita), [], 'no version yet: nothing to submit');
  t.same(actions(sam), ['withdraw'], 'the secretariat may only withdraw it');
});

t.test('the release box preselects the procedure the note proposes', async (t) => {
  const proposed = { ...facts('review'), note: { ...note('review'), procedure: 'for-discussion' } };
  const release = itemPageView(sam, proposed).actions.find((a) => a.event === 'release')!;
  t.same(
    release.procedures.map((p) => [p.label, p.selected]),
    [
      ['For information', false],
      ['For discussion', true],
      ['For adoption', false],
    ],
  );
});

t.test('the history shows section headings, never keys, and return reasons inline', async (t) => {
  const view = itemPageView(sam, {
    ...facts('drafting'),
    history: [
      {
        id: 1,
        event: 'submit',
        toState: 'review',
        actor: { name: 'Rita' },
        at: '2020-11-01T10:00:00.000Z',
        comment: null,
      },
      {
        id: 2,
        event: 'return',
        toState: 'drafting',
        actor: { name: 'Sam' },
        at: '2020-11-02T10:00:00.000Z',
        comment: 'Shorter.',
      },
    ],
    comments: [
      {
        id: 4,
        version: 1,
        section: 'summary',
        paragraph: 2,
        body: 'Too long.',
        author: { name: 'Sam' },
        createdAt: '2020-11-01T12:00:00.000Z',
        resolvedAt: null,
      },
    ],
  });
  t.same(view.timeline, [
    {
      title: 'Submitted for review',
      who: 'Rita',
      when: '2020-11-01 10:00',
      reasonWords: 'Comment',
      text: null,
      where: null,
    },
    {
      title: 'Review comment on version 1',
      who: 'Sam',
      when: '2020-11-01 12:00',
      reasonWords: 'Comment',
      text: 'Too long.',
      where: '2. Summary, paragraph 2',
    },
    {
      title: 'Returned to the rapporteurs',
      who: 'Sam',
      when: '2020-11-02 10:00',
      reasonWords: 'Reason',
      text: 'Shorter.',
      where: null,
    },
  ]);
  t.equal(view.comments[0]!.where, '2. Summary, paragraph 2');
});

t.test('uploading a draft is offered to the drafting circle while the note is drafted', async (t) => {
  t.equal(itemPageView(rita, facts('drafting')).canUpload, true);
  t.equal(itemPageView(sam, facts('drafting')).canUpload, true);
  t.equal(itemPageView(rita, facts('review')).canUpload, false, 'not in review');
  t.equal(itemPageView(dirk, facts('drafting', false)).canUpload, false, 'not for a delegate');
  t.equal(itemPageView({ ...rita, role: 'delegate' }, facts('drafting', false)).canUpload, false, 'nor once demoted');
});

t.test('the forms carry the note’s entity tag', async (t) => {
  // Who manages the item (its settings) is item-extras' (tests/web/item-extras-settings.test.ts).
  t.equal(itemPageView(sam, facts('drafting')).etag, '"note-5-2"', 'the note’s entity tag for its forms');
});

t.test('the Word download is offered for the version shown, and only when a version is shown', async (t) => {
  t.equal(itemPageView(dirk, facts('released', false)).docxUrl, null, 'no version the person may read');
  const shown = { ...facts('released', false), printed: { versionNumber: 2 } as PrintedNote };
  t.equal(itemPageView(dirk, shown).docxUrl, '/api/v1/items/3/note/versions/2/docx');
});
