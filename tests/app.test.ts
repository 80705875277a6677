import t from 'tap';
import { build, problemOf } from './helper.js';

t.test('healthz answers ok once the database is migrated', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { status: 'ok' });
});

t.test('the OpenAPI 3.1 document lists the API routes and the problem schema', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  t.equal(res.statusCode, 200);
  const doc = res.json();
  t.equal(doc.openapi, '3.1.0');
  for (const path of [
    '/api/v1/session',
    '/api/v1/tokens',
    '/api/v1/people',
    '/api/v1/meetings',
    '/api/v1/meetings/{meetingId}',
    '/api/v1/meetings/{meetingId}/items',
    '/api/v1/meetings/{meetingId}/items/order',
    '/api/v1/items/{itemId}',
    '/api/v1/items/{itemId}/note',
    '/api/v1/items/{itemId}/note/versions',
  ]) {
    t.ok(doc.paths[path], `documents ${path}`);
  }
  t.ok(doc.components.schemas.Problem, 'problem+json schema is a shared component');
});

t.test('/docs serves the API browser without signing in', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
});

t.test('an unknown path is a 404 problem', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  t.equal(res.statusCode, 404);
  t.equal(problemOf(t, res).code, 'AGENDUM_NOT_FOUND');
});

t.test('a body that is not JSON is a 400 problem, not a 500', async (t) => {
  const app = await build(t);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { 'content-type': 'application/json' },
    payload: '{"email": ',
  });
  t.equal(res.statusCode, 400);
  t.equal(problemOf(t, res).code, 'AGENDUM_BAD_REQUEST');
});

t.test('an unsupported media type is a 415 problem', async (t) => {
  const app = await build(t);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { 'content-type': 'application/xml' },
    payload: '<x/>',
  });
  t.equal(res.statusCode, 415);
  t.equal(problemOf(t, res).code, 'AGENDUM_UNSUPPORTED_MEDIA_TYPE');
});
