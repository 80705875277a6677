import t from 'tap';
import { audienceOf, commonAudienceOf, type FrozenPacketItem } from '../../src/domain/frozen-packet.js';

const item = (itemId: number, marking: Pick<FrozenPacketItem, 'audience' | 'audienceGroups'>): FrozenPacketItem => ({
  itemId,
  number: `1.${itemId}`,
  title: `Item ${itemId}`,
  ...marking,
  rapporteurs: [],
  versionId: itemId * 10,
  publicationNumber: 1,
  procedure: 'for-information',
  annexes: [],
});

const items = [
  item(1, { audience: 'network', audienceGroups: [] }),
  item(2, { audience: 'limited', audienceGroups: ['delegates'] }),
  item(3, { audience: 'limited', audienceGroups: ['secretariat-copies'] }),
];

t.test('a link naming no recipient gets what every recipient of the packet may read', async (t) => {
  const recipients = [
    { personId: 7, groups: ['delegates'] },
    { personId: 8, groups: ['observers'] },
  ];
  t.equal(audienceOf({ items }, ['delegates']).key, 'without-i3', 'the delegate reads 1.2');
  t.equal(commonAudienceOf({ items, recipients }).key, 'without-i2-i3', 'the observer may hold the link: not 1.2');
  t.equal(
    commonAudienceOf({ items, recipients: [{ personId: 7, groups: ['delegates'] }] }).key,
    'without-i3',
    'a packet sent to delegates only: 1.2 too',
  );
  t.equal(commonAudienceOf({ items, recipients: [] }).key, 'without-i2-i3', 'no recipients: what no group admits');
});
