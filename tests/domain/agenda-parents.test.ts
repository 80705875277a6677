import t from 'tap';
import { possibleParents } from '../../src/domain/agenda-parents.js';

// 1 Cybersecurity / 1.1 NIS / 1.1.1 Work stream; 2 Closing; 3 Data space / 3.1 Pilots
const AGENDA = [
  { id: 1, parentId: null, position: 1 },
  { id: 2, parentId: 1, position: 1 },
  { id: 3, parentId: 2, position: 1 },
  { id: 4, parentId: null, position: 2 },
  { id: 5, parentId: null, position: 3 },
  { id: 6, parentId: 5, position: 1 },
];

t.test('an item may move under any item of the first two levels but its own', async (t) => {
  t.same(possibleParents(AGENDA, 4), [1, 2, 5, 6], 'not itself, not under 1.1.1 (a fourth level)');
  t.same(possibleParents(AGENDA, 3), [1, 2, 4, 5, 6], 'a leaf moves anywhere two levels up');
});

t.test('an item with sub-items takes its height along and never goes under its own', async (t) => {
  t.same(possibleParents(AGENDA, 5), [1, 4], 'with 3.1 under it: only under top-level items');
  t.same(possibleParents(AGENDA, 1), [], 'three levels already: it stays at the top');
  t.same(possibleParents(AGENDA, 99), [], 'an item not on the agenda goes nowhere');
});
