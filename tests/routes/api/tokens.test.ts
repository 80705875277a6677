import t from 'tap';
import { as, build, problemOf, signedIn } from '../../helper.js';

t.test(
  'a token made with expiresInDays works until then, is refused with 401 after, and is listed as expired',
  async (t) => {
    let now = new Date('2020-11-01T09:00:00.000Z');
    const app = await build(t, { now: () => now });
    const me = await signedIn(app, 'rapporteur');
    const created = await as(app, me, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'laptop', expiresInDays: 7 },
    });
    t.equal(created.statusCode, 201);
    t.match(created.json(), {
      name: 'laptop',
      createdAt: '2020-11-01T09:00:00.000Z',
      expiresAt: '2020-11-08T09:00:00.000Z',
    });
    const stored = app.database.sqlite.prepare('select expires_at from api_tokens where id = ?').get(created.json().id);
    t.same(stored, { expires_at: '2020-11-08T09:00:00.000Z' }, 'kept in api_tokens.expires_at');

    const bearer = { authorization: `Bearer ${created.json().token}` };
    now = new Date('2020-11-08T08:59:59.000Z');
    t.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode,
      200,
      'a second before: works',
    );

    now = new Date('2020-11-08T09:00:00.000Z');
    const refused = await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer });
    t.equal(refused.statusCode, 401, 'at its expiry: refused');
    t.equal(refused.headers['www-authenticate'], 'Bearer');
    const problem = problemOf(t, refused);
    t.equal(problem.code, 'AGENDUM_UNAUTHENTICATED');
    t.equal(problem.detail, 'The API token has expired; create a new one.');

    const listed = await as(app, me, { method: 'GET', url: '/api/v1/tokens' });
    t.match(listed.json(), [
      { name: 'test', expiresAt: null, isExpired: false },
      { name: 'laptop', expiresAt: '2020-11-08T09:00:00.000Z', isExpired: true },
    ]);
  },
);

t.test('expiresInDays is a whole number of days from 1 to 365', async (t) => {
  const app = await build(t);
  const me = await signedIn(app, 'rapporteur');
  for (const expiresInDays of [0, 366, 1.5, 'seven', -1]) {
    const res = await as(app, me, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'x', expiresInDays } });
    t.equal(res.statusCode, 400, JSON.stringify(expiresInDays));
    t.same(
      problemOf(t, res).errors!.map((e) => e.path),
      ['body.expiresInDays'],
    );
  }
  const none = await as(app, me, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'forever' } });
  t.equal(none.statusCode, 201);
  t.equal(none.json().expiresAt, null, 'without expiresInDays: until revoked');
  const year = await as(app, me, {
    method: 'POST',
    url: '/api/v1/tokens',
    payload: { name: 'year', expiresInDays: 365 },
  });
  t.equal(year.json().expiresAt, '2021-11-01T09:00:00.000Z');
});
