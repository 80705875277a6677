import t from 'tap';
import type { Actor } from '../../../src/domain/roles.js';
import type { ItemView, MeetingView } from '../../../src/services/presenters.js';
import { myItemsView } from '../../../src/web/views/my-items-view.js';

const rita: Actor = { id: 7, name: 'Rita', role: 'rapporteur' };
const meeting: MeetingView = {
  id: 1,
  network: { id: 1, name: 'eHealth Network' },
  ordinal: 18,
  startDate: '2020-11-12',
  endDate: '2020-11-13',
  city: 'Brussels',
  country: 'Belgium',
  status: 'planned',
  draftingDeadline: '2020-11-02',
  dates: '12-13 November 2020',
  displayLine: '18th eHealth Network, 12-13 November 2020, Brussels',
  headerLines: [],
};
const item = (id: number, state: string, rapporteurIds: number[]): ItemView => ({
  id,
  meetingId: 1,
  parentId: null,
  position: id,
  number: String(id),
  title: `Item ${id}`,
  copiedFromItemId: null,
  rapporteurs: rapporteurIds.map((r) => ({ id: r, name: `Person ${r}` })),
  audience: 'network',
  audienceGroups: [],
  note: { state, procedure: null, returned: false },
});
const agendas = [{ meeting, items: [item(1, 'drafting', [7]), item(2, 'review', [7]), item(3, 'drafting', [8])] }];

t.test(
  "my items: the rapporteur's own items, late once the deadline has passed and the note is still drafted",
  async (t) => {
    const before = myItemsView(rita, agendas, new Date('2020-11-02T23:59:00Z'));
    t.same(
      before.items.map((i) => [i.number, i.state, i.isLate]),
      [
        ['1', 'drafting', false],
        ['2', 'review', false],
      ],
      'on the deadline day nothing is late; item 3 is somebody else’s',
    );
    t.equal(before.items[0]!.meeting, '18th eHealth Network, 12-13 November 2020');

    const after = myItemsView(rita, agendas, new Date('2020-11-03T00:00:00Z'));
    t.same(
      after.items.map((i) => [i.number, i.isLate]),
      [
        ['1', true],
        ['2', false],
      ],
      'the day after, the note still in drafting is late; the one in review is not',
    );
  },
);

t.test('a rapporteur demoted to delegate has no items of their own any more', async (t) => {
  const demoted: Actor = { ...rita, role: 'delegate' };
  t.same(myItemsView(demoted, agendas, new Date('2020-11-01T00:00:00Z')).items, []);
});
