import t from 'tap';
import {
  assertCanManageAgenda,
  assertCanManagePeople,
  assertCanWriteVersion,
  canBeRapporteur,
  canManageAgenda,
  canPerform,
  canReadNoteContent,
  canWriteVersionNow,
} from '../../src/domain/permissions.js';
import type { AgendumError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/domain/roles.js';

/** The status of the error `fn` throws, 0 when it does not throw. */
function statusOf(fn: () => void): number {
  try {
    fn();
    return 0;
  } catch (error) {
    return (error as AgendumError).status;
  }
}

const admin: Actor = { id: 1, name: 'A', role: 'admin' };
const secretariat: Actor = { id: 2, name: 'S', role: 'secretariat' };
const rapporteur: Actor = { id: 3, name: 'R', role: 'rapporteur' };
const otherRapporteur: Actor = { id: 4, name: 'O', role: 'rapporteur' };
const delegate: Actor = { id: 5, name: 'D', role: 'delegate' };
const draft = { itemId: 9, state: 'drafting', rapporteurIds: [3] };
const released = { ...draft, state: 'released', published: true };

t.test('only staff manage agendas', async (t) => {
  t.doesNotThrow(() => assertCanManageAgenda(admin));
  t.doesNotThrow(() => assertCanManageAgenda(secretariat));
  for (const actor of [rapporteur, delegate])
    t.equal(
      statusOf(() => assertCanManageAgenda(actor)),
      403,
    );
});

t.test('only an admin creates staff accounts', async (t) => {
  t.doesNotThrow(() => assertCanManagePeople(secretariat, 'delegate'));
  t.equal(
    statusOf(() => assertCanManagePeople(secretariat, 'admin')),
    403,
  );
  t.equal(
    statusOf(() => assertCanManagePeople(secretariat, 'secretariat')),
    403,
  );
  t.doesNotThrow(() => assertCanManagePeople(admin, 'secretariat'));
  t.equal(
    statusOf(() => assertCanManagePeople(delegate, 'delegate')),
    403,
  );
});

t.test("drafts are read by staff and the item's rapporteurs; released notes by everybody", async (t) => {
  t.same(
    [admin, secretariat, rapporteur, otherRapporteur, delegate].map((a) => canReadNoteContent(a, draft)),
    [true, true, true, false, false],
  );
  t.ok([otherRapporteur, delegate].every((a) => canReadNoteContent(a, released)));
});

t.test('a hidden draft is 404 to writers who may not see it, 403 to readers who may', async (t) => {
  t.doesNotThrow(() => assertCanWriteVersion(rapporteur, draft));
  t.equal(
    statusOf(() => assertCanWriteVersion(otherRapporteur, draft)),
    404,
  );
  t.equal(
    statusOf(() => assertCanWriteVersion(delegate, released)),
    403,
  );
});

t.test('the secretariat performs every event; the rapporteurs of the item submit only', async (t) => {
  const events = ['submit', 'return', 'release', 'reopen', 'withdraw', 'restore'] as const;
  const allowed = (actor: Actor) => events.filter((event) => canPerform(actor, event, draft));
  t.same(allowed(secretariat), events);
  t.same(allowed(admin), events);
  t.same(allowed(rapporteur), ['submit']);
  t.same(allowed(otherRapporteur), [], 'not a rapporteur of this item');
  t.same(allowed({ ...rapporteur, role: 'delegate' }), [], 'demoted: the assignment alone does not count');
  t.same(allowed(delegate), []);
});

t.test('versions are written by the drafting circle while the note is drafted', async (t) => {
  t.same(
    [admin, secretariat, rapporteur, otherRapporteur, delegate].map((a) => canWriteVersionNow(a, draft)),
    [true, true, true, false, false],
  );
  t.equal(canWriteVersionNow(rapporteur, { ...draft, state: 'review' }), false);
});

t.test('managing the agenda is staff work; only active rapporteur accounts are named rapporteur', async (t) => {
  t.same([admin, secretariat, rapporteur, delegate].map(canManageAgenda), [true, true, false, false]);
  t.equal(canBeRapporteur({ role: 'rapporteur', isActive: true }), true);
  t.equal(canBeRapporteur({ role: 'rapporteur', isActive: false }), false);
  t.equal(canBeRapporteur({ role: 'secretariat', isActive: true }), false);
});
