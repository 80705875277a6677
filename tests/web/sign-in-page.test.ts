import t from 'tap';
import { build } from '../helper.js';
import { webPerson, webSession } from '../support/web-session.js';

t.test('a wrong password comes back as an ECL error notification, the email kept, the password not', async (t) => {
  const app = await build(t);
  await webPerson(app, 'delegate', 'dora@example.org');
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookies = Object.fromEntries(page.cookies.map((c) => [c.name, c.value]));
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email: 'dora@example.org', password: 'not the password' }).toString(),
  });
  t.equal(res.statusCode, 401);
  t.match(res.body, '<div class="ecl-notification ecl-notification--error error-summary" id="error-summary"');
  t.match(res.body, '<li>The email or the password is not right.</li>');
  t.match(res.body, 'value="dora@example.org"', 'the email is kept');
  t.notMatch(res.body, 'not the password', 'the password is not');
  t.match(res.body, '<input class="ecl-text-input ecl-text-input--l" id="password" name="password" type="password"');
});

t.test('an error page says what happened in a sentence and links back', async (t) => {
  const app = await build(t);
  await webPerson(app, 'delegate', 'dora@example.org');
  const web = await webSession(app, 'dora@example.org', '/meetings');
  const missing = await web.get('/meetings/999');
  t.equal(missing.statusCode, 404);
  t.match(missing.body, '<h1 class="ecl-page-header__title">Not found</h1>');
  t.match(missing.body, '<div class="ecl-notification ecl-notification--warning agendum-error" role="status">');
  t.match(missing.body, '<a class="ecl-link ecl-link--standalone" href="/meetings">Back to the meetings</a>');
});
