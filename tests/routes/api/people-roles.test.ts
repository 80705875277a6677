import t from 'tap';
import { as, build, problemOf, signedIn } from '../../helper.js';

/**
 * Who changes whom: a role one may not give is not taken away either, and nobody changes their
 * own role or closes their own account (so the last admin stays one). Seen from the API, the door
 * a hand-made page form would reach too.
 */
t.test('the secretariat changes delegates, not a secretariat colleague; an admin changes everybody', async (t) => {
  const app = await build(t);
  const sam = await signedIn(app, 'secretariat');
  const sue = await signedIn(app, 'secretariat');
  const dora = await signedIn(app, 'delegate');
  const ada = await signedIn(app, 'admin');
  const patch = (who: typeof sam, id: number, payload: object) =>
    as(app, who, { method: 'PATCH', url: `/api/v1/people/${id}`, payload });

  const demote = await patch(sam, sue.id, { role: 'delegate' });
  t.equal(demote.statusCode, 403, 'before: 200, a colleague demoted by a colleague');
  t.equal(problemOf(t, demote).detail, 'Only an admin changes an admin or the secretariat.');
  const close = await patch(sam, sue.id, { isActive: false });
  t.equal(close.statusCode, 403, "nor a colleague's account closed");
  t.equal((await patch(sam, dora.id, { name: 'Dora Delegate-Smith' })).statusCode, 200);
  const promote = await patch(sam, dora.id, { role: 'secretariat' });
  t.equal(problemOf(t, promote).detail, 'Only an admin gives the admin or secretariat role.');
  t.equal((await patch(ada, sue.id, { role: 'delegate' })).statusCode, 200, 'an admin may');
});

t.test('nobody changes their own role or closes their own account', async (t) => {
  const app = await build(t);
  const ada = await signedIn(app, 'admin');
  const own = (payload: object) => as(app, ada, { method: 'PATCH', url: `/api/v1/people/${ada.id}`, payload });
  const demote = await own({ role: 'delegate' });
  t.equal(demote.statusCode, 422);
  t.same(problemOf(t, demote).detail, 'You cannot change your own role; another admin does that.');
  const close = await own({ isActive: false });
  t.equal(close.statusCode, 422);
  t.same(problemOf(t, close).detail, 'You cannot close your own account; another admin does that.');
  t.equal((await own({ name: 'Ada Admin' })).statusCode, 200, 'the rest of their own account they change');
  const still = await as(app, ada, { method: 'GET', url: `/api/v1/people/${ada.id}` });
  t.match(still.json(), { role: 'admin', isActive: true });
});
