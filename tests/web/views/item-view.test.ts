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
  agenda: [],
});
const buttons = (actor: Actor, state: NoteState, inCircle = true) =>
  itemPageView(actor, facts(state, inCircle)).actions.map((a) => [a.event, a.needsComment, a.needsProcedure]);

t.test(
  'the workflow buttons: what the state allows and the person may do, withdraw and restore left to the API',
  async (t) => {
    t.same(buttons(rita, 'drafting'), [['submit', false, false]], 'the rapporteur submits');
    t.same(buttons(rita, 'review'), [], 'the rapporteur neither returns nor releases');
    t.same(
      buttons(sam, 'review'),
      [
        ['return', true, false],
        ['release', false, true],
      ],
      'the secretariat returns (with a reason) or releases (with a procedure)',
    );
    t.same(buttons(sam, 'released'), [['reopen', true, false]]);
    t.same(buttons(sam, 'withdrawn'), [], 'restore is not offered on the page');
    t.same(buttons(dirk, 'released', false), [], 'outside the drafting circle: no buttons');
  },
);

t.test('submit is not offered before the note has a version: it could only be refused', async (t) => {
  const actions = (actor: Actor) => itemPageView(actor, facts('drafting', true, 0)).actions.map((a) => a.event);
  t.same(actions(rita), [], 'no version yet: nothing to submit');
  t.same(actions(sam), [], 'nor for the secretariat');
});

t.test('uploading a draft is offered to the drafting circle while the note is drafted', async (t) => {
  t.equal(itemPageView(rita, facts('drafting')).canUpload, true);
  t.equal(itemPageView(sam, facts('drafting')).canUpload, true);
  t.equal(itemPageView(rita, facts('review')).canUpload, false, 'not in review');
  t.equal(itemPageView(dirk, facts('drafting', false)).canUpload, false, 'not for a delegate');
  t.equal(itemPageView({ ...rita, role: 'delegate' }, facts('drafting', false)).canUpload, false, 'nor once demoted');
});

t.test('only the secretariat manages the item', async (t) => {
  t.equal(itemPageView(sam, facts('drafting')).canManage, true);
  t.equal(itemPageView(rita, facts('drafting')).canManage, false);
  t.equal(itemPageView(sam, facts('drafting')).etag, '"note-5-2"', 'the note’s entity tag for its forms');
});

t.test('the Word download is offered for the version shown, and only when a version is shown', async (t) => {
  t.equal(itemPageView(dirk, facts('released', false)).docxUrl, null, 'no version the person may read');
  const shown = { ...facts('released', false), printed: { versionNumber: 2 } as PrintedNote };
  t.equal(itemPageView(dirk, shown).docxUrl, '/api/v1/items/3/note/versions/2/docx');
});
