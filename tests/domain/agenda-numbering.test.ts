import t from 'tap';
import { assertCompleteOrder, buildAgendaTree, layoutAgenda, placeNode } from '../../src/domain/agenda-numbering.js';

const numbers = (tree: ReturnType<typeof buildAgendaTree>) => layoutAgenda(tree).map((p) => `${p.id}:${p.number}`);

t.test('stored rows become a tree in position order, then numbers', async (t) => {
  const tree = buildAgendaTree([
    { id: 3, parentId: 1, position: 2 },
    { id: 1, parentId: null, position: 1 },
    { id: 2, parentId: 1, position: 1 },
    { id: 4, parentId: null, position: 2 },
  ]);
  t.same(numbers(tree), ['1:1', '2:1.1', '3:1.2', '4:2']);
});

t.test('placing a node moves it and clamps the position', async (t) => {
  const tree = buildAgendaTree([
    { id: 1, parentId: null, position: 1 },
    { id: 2, parentId: null, position: 2 },
    { id: 3, parentId: null, position: 3 },
  ]);
  t.same(numbers(placeNode(tree, { id: 3, children: [] }, { parentId: 1, position: 99 })), ['1:1', '3:1.1', '2:2']);
  t.same(numbers(placeNode(tree, { id: 3, children: [] }, { parentId: null, position: 1 })), ['3:1', '1:2', '2:3']);
  t.same(numbers(tree), ['1:1', '2:2', '3:3'], 'the input tree is unchanged');
});

t.test('a node cannot move under itself or its descendants, nor too deep', async (t) => {
  const tree = buildAgendaTree([
    { id: 1, parentId: null, position: 1 },
    { id: 2, parentId: 1, position: 1 },
    { id: 3, parentId: 2, position: 1 },
    { id: 4, parentId: null, position: 2 },
    { id: 5, parentId: 4, position: 1 },
  ]);
  const node1 = tree[0]!;
  t.throws(() => placeNode(tree, node1, { parentId: 1 }), { code: 'AGENDUM_INVALID' });
  t.throws(() => placeNode(tree, node1, { parentId: 3 }), { code: 'AGENDUM_INVALID' });
  t.throws(() => placeNode(tree, tree[1]!, { parentId: 2 }), /at most 3 levels/);
  t.throws(() => placeNode(tree, tree[1]!, { parentId: 42 }), /not on this agenda/);
});

t.test('a new order must hold every item exactly once', async (t) => {
  const ok = [{ id: 2, children: [{ id: 1, children: [] }] }];
  t.doesNotThrow(() => assertCompleteOrder(ok, [1, 2]));
  t.throws(() => assertCompleteOrder([{ id: 2, children: [] }], [1, 2]), /leaves out items 1/);
  t.throws(
    () =>
      assertCompleteOrder(
        [
          { id: 1, children: [] },
          { id: 1, children: [] },
        ],
        [1],
      ),
    /appears twice/,
  );
  t.throws(() => assertCompleteOrder([{ id: 9, children: [] }], []), /not on this agenda/);
  const deep = [{ id: 1, children: [{ id: 2, children: [{ id: 3, children: [{ id: 4, children: [] }] }] }] }];
  t.throws(() => assertCompleteOrder(deep, [1, 2, 3, 4]), /deeper than 3/);
});
