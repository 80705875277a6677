import t from 'tap';
import { as, build, problemOf, signedIn } from '../../helper.js';

t.test('anybody sets their own packet format through PATCH /people/:id, and nothing else of theirs', async (t) => {
  const app = await build(t);
  const dora = await signedIn(app, 'delegate');
  const dirk = await signedIn(app, 'delegate');
  const own = await as(app, dora, {
    method: 'PATCH',
    url: `/api/v1/people/${dora.id}`,
    payload: { packetFormat: 'separate' },
  });
  t.equal(own.statusCode, 200);
  t.equal(own.json().packetFormat, 'separate');

  const withRole = await as(app, dora, {
    method: 'PATCH',
    url: `/api/v1/people/${dora.id}`,
    payload: { packetFormat: 'combined', role: 'admin' },
  });
  t.equal(withRole.statusCode, 403);
  t.equal(problemOf(t, withRole).detail, 'Only the secretariat manages people.');

  const other = await as(app, dora, {
    method: 'PATCH',
    url: `/api/v1/people/${dirk.id}`,
    payload: { packetFormat: 'separate' },
  });
  t.equal(other.statusCode, 403, "not somebody else's");
});
