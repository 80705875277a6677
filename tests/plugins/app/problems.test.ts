import { Writable } from 'node:stream';
import Fastify from 'fastify';
import t, { type Test } from 'tap';
import { Errors } from '../../../src/domain/errors.js';
import problems, { frameworkErrorAsProblem } from '../../../src/plugins/app/problems.js';

/** The problems plugin alone on a bare instance, with routes that fail in each way; the log kept. */
async function problemsApp(t: Test) {
  const log: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'warn', stream }, frameworkErrors: frameworkErrorAsProblem });
  t.teardown(() => app.close());
  await app.register(problems);
  app.get('/transition', async () => {
    throw Errors.invalidTransition('A note in released cannot submit; allowed from released: reopen.', {
      state: 'released',
      allowedEvents: ['reopen'],
    });
  });
  app.get('/stale', async () => {
    throw Errors.staleWrite('The note changed meanwhile.', { etag: '"note-4-r7"' });
  });
  app.get('/crash', async () => {
    throw new Error('cannot open /srv/agendum/data/agendum.sqlite');
  });
  app.get('/constraint', async () => {
    throw Object.assign(new Error('UNIQUE constraint failed: people.email'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
  });
  app.get('/too-large', async () => {
    throw Object.assign(new Error('The body is over 2 MB.'), { statusCode: 413 });
  });
  app.get('/teapot', async () => {
    throw Object.assign(new Error('I am a teapot.'), { statusCode: 418 });
  });
  app.post(
    '/titled',
    { schema: { body: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } },
    async () => 'ok',
  );
  app.get('/items/:itemId', async () => 'ok');
  return { app, log };
}

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

t.test('a domain error keeps its status, code and extras, as problem+json', async (t) => {
  const { app } = await problemsApp(t);
  const res = await app.inject({ url: '/transition' });
  t.equal(res.statusCode, 409);
  t.equal(res.headers['content-type'], PROBLEM_JSON);
  t.same(res.json(), {
    type: 'urn:agendum:problem:invalid-transition',
    instance: '/transition',
    status: 409,
    title: 'Transition not allowed',
    code: 'AGENDUM_INVALID_TRANSITION',
    detail: 'A note in released cannot submit; allowed from released: reopen.',
    state: 'released',
    allowedEvents: ['reopen'],
  });
});

t.test('a stale write tells the client the entity tag to retry with', async (t) => {
  const { app } = await problemsApp(t);
  const res = await app.inject({ url: '/stale' });
  t.equal(res.statusCode, 412);
  t.equal(res.headers.etag, '"note-4-r7"');
  t.match(res.json(), { code: 'AGENDUM_STALE', etag: '"note-4-r7"' });
});

t.test('an unknown error is a 500 that shows nothing of it; the log has it', async (t) => {
  const { app, log } = await problemsApp(t);
  const res = await app.inject({ url: '/crash' });
  t.equal(res.statusCode, 500);
  t.equal(res.headers['content-type'], PROBLEM_JSON);
  t.same(res.json(), {
    type: 'urn:agendum:problem:internal',
    instance: '/crash',
    status: 500,
    title: 'Internal error',
    code: 'AGENDUM_INTERNAL',
    detail: 'Something went wrong on our side; the log has the details (request req-1).',
  });
  t.notMatch(res.body, /agendum\.sqlite|stack|at /, 'no message, no stack');
  t.match(log, [
    { level: 50, reqId: 'req-1', msg: 'unexpected error', err: { message: /agendum\.sqlite/, stack: /\n/ } },
  ]);
});

t.test('a constraint the checks missed is a 409 conflict, without the SQL', async (t) => {
  const { app, log } = await problemsApp(t);
  const res = await app.inject({ url: '/constraint' });
  t.equal(res.statusCode, 409);
  t.same(res.json(), {
    type: 'urn:agendum:problem:conflict',
    instance: '/constraint',
    status: 409,
    title: 'Conflict',
    code: 'AGENDUM_CONFLICT',
    detail: 'The change conflicts with data that exists already; reload and try again.',
  });
  t.match(log, [{ level: 40, msg: 'constraint violation answered as 409' }]);
});

t.test("Fastify's own 4xx errors keep their status and message, with a code of ours", async (t) => {
  const { app } = await problemsApp(t);
  t.same((await app.inject({ url: '/too-large' })).json(), {
    type: 'urn:agendum:problem:too-large',
    instance: '/too-large',
    status: 413,
    title: 'Request too large',
    code: 'AGENDUM_TOO_LARGE',
    detail: 'The body is over 2 MB.',
  });
  t.same((await app.inject({ url: '/teapot' })).json(), {
    type: 'urn:agendum:problem:http-418',
    instance: '/teapot',
    status: 418,
    title: 'Request refused',
    code: 'AGENDUM_HTTP_418',
    detail: 'I am a teapot.',
  });
});

t.test('a request that fails its schema lists each field', async (t) => {
  const { app } = await problemsApp(t);
  const res = await app.inject({ method: 'POST', url: '/titled', payload: {} });
  t.equal(res.statusCode, 400);
  t.same(res.json(), {
    type: 'urn:agendum:problem:validation',
    instance: '/titled',
    status: 400,
    title: 'Invalid request',
    code: 'AGENDUM_VALIDATION',
    detail: 'body.title is required',
    errors: [{ path: 'body.title', message: 'is required' }],
  });
});

t.test('no route, a malformed address, an over-long parameter: problems too', async (t) => {
  const { app } = await problemsApp(t);
  const missing = await app.inject({ url: '/nowhere?page=2' });
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['content-type'], PROBLEM_JSON);
  t.same(missing.json(), {
    type: 'urn:agendum:problem:not-found',
    instance: '/nowhere',
    status: 404,
    title: 'Not found',
    code: 'AGENDUM_NOT_FOUND',
    detail: 'There is no GET /nowhere.',
  });
  t.same((await app.inject({ url: '/items/%zz' })).json(), {
    type: 'urn:agendum:problem:bad-request',
    instance: '/items/%zz',
    status: 400,
    title: 'Bad request',
    code: 'AGENDUM_BAD_REQUEST',
    detail: 'The address is not valid.',
  });
  const long = await app.inject({ url: `/items/${'9'.repeat(200)}` });
  t.equal(long.statusCode, 414);
  t.match(long.json(), { code: 'AGENDUM_URI_TOO_LONG', detail: 'A part of the address is too long.' });
});

t.test("a problem's instance is the path alone: a query (a link's signature, a token) is not echoed", async (t) => {
  const { app } = await problemsApp(t);
  const res = await app.inject({ url: '/transition?sig=0123456789abcdef&exp=1' });
  t.equal(res.statusCode, 409);
  t.equal(res.json().instance, '/transition');
  t.notMatch(res.body, '0123456789abcdef');
});
