import t from 'tap';
import type { FrozenPacketItem } from '../../src/domain/frozen-packet.js';
import { packetChanges, type CurrentPacketItem } from '../../src/domain/packet-changes.js';

const item = (itemId: number, number: string, fields: Partial<FrozenPacketItem> = {}): FrozenPacketItem => ({
  itemId,
  number,
  title: `Item ${itemId}`,
  audience: 'network',
  audienceGroups: [],
  rapporteurs: [],
  versionId: null,
  publicationNumber: null,
  procedure: null,
  annexes: [],
  ...fields,
});
const now = (was: FrozenPacketItem, fields: Partial<CurrentPacketItem> = {}): CurrentPacketItem => ({
  ...was,
  isWithdrawn: false,
  isPostponed: false,
  reason: null,
  ...fields,
});
const annex = (fileId: number, title: string, sha256: string) => ({
  fileId,
  title,
  sha256,
  audience: 'network' as const,
  audienceGroups: [],
});

t.test('agenda changes: renumbered, retitled, postponed, removed, and a note released since', async (t) => {
  const a = item(1, '1', { versionId: 10, publicationNumber: 1 });
  const b = item(2, '2', { versionId: 20, publicationNumber: 1, annexes: [annex(5, 'Survey', 'aa')] });
  const c = item(3, '3');
  const gone = item(4, '4');
  const changes = packetChanges(
    [a, b, c, gone],
    [
      now(a, { number: '2', title: 'Item one, renamed' }),
      now(b, { number: '1', isPostponed: true, annexes: [annex(6, 'Budget', 'bb')] }),
      now(c, { versionId: 30, publicationNumber: 1 }),
    ],
  );
  t.same(
    changes.map((x) => x.summary),
    [
      'Item 1 is now item 2.',
      'Item 2 is now called "Item one, renamed" (was "Item 1").',
      'Item 2 is now item 1.',
      'Item 1 is postponed.',
      'Item 1: annex "Budget" added.',
      'Item 1: annex "Survey" removed.',
      'Item 3: the note is now released.',
      'Item 4 "Item 4" is no longer on the agenda.',
    ],
  );
  t.same(
    changes.map((x) => x.kind),
    [
      'item-renumbered',
      'item-retitled',
      'item-renumbered',
      'item-postponed',
      'annex-added',
      'annex-removed',
      'note-added',
      'item-removed',
    ],
  );
});

t.test('released again with the same version and annexes: no change', async (t) => {
  const a = item(1, '1', { versionId: 10, publicationNumber: 1, annexes: [annex(5, 'Survey', 'aa')] });
  t.same(packetChanges([a], [now(a, { publicationNumber: 2, reason: 'Procedure corrected.' })]), []);
});
