import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSession } from '../support/web-session.js';

t.test('an address no page answers is a page saying so, with the menu; the API keeps its problems', async (t) => {
  const app = await build(t);
  await webPerson(app, 'secretariat');
  const session = await webSession(app, 'secretariat.web@example.org', '/meetings');

  const page = await session.get('/meetngs/18');
  t.equal(page.statusCode, 404);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.body, /<h1[^>]*>Not found<\/h1>/);
  t.match(page.body, /There is nothing here, or you may not see it\./);
  t.match(page.body, /href="\/meetings"/, 'the menu to go on from');
  t.equal(page.headers['cache-control'], 'no-store');

  const anonymous = await app.inject({ url: '/old/link', headers: { accept: 'text/html' } });
  t.equal(anonymous.statusCode, 404);
  t.match(anonymous.headers['content-type'], /^text\/html/);
  t.match(anonymous.body, /Not found/);

  const script = await app.inject({ url: '/old/link', headers: { accept: 'application/json' } });
  t.equal(script.statusCode, 404);
  t.match(script.headers['content-type'], /^application\/problem\+json/);
  t.equal(script.json().code, 'AGENDUM_NOT_FOUND');

  const api = await app.inject({ url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
  t.equal(api.statusCode, 404);
  t.match(api.headers['content-type'], /^application\/problem\+json/);
  t.equal(api.json().detail, 'There is no GET /api/v1/nothing-here.');

  const posted = await app.inject({ method: 'POST', url: '/old/link' });
  t.equal(posted.statusCode, 404);
  t.match(posted.headers['content-type'], /^application\/problem\+json/);
});
