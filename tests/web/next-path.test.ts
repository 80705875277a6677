import t, { type Test } from 'tap';
import { pageAfterSignIn } from '../../src/web/next-path.js';
import { build } from '../helper.js';

const PASSWORD = 'correct horse battery';

async function withStaff(t: Test) {
  const app = await build(t);
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: PASSWORD,
  });
  return app;
}

/** Opens the sign-in page at `url` and sends its form back as the browser would (every field it holds). */
async function signInThrough(app: Awaited<ReturnType<typeof withStaff>>, url: string, postUrl = '/sign-in') {
  const page = await app.inject({ method: 'GET', url });
  const cookies = Object.fromEntries(page.cookies.map((c) => [c.name, c.value]));
  const hidden = [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
    ([, name, value]) =>
      `${name}=${encodeURIComponent(
        value!
          .replace(/&amp;/g, '&')
          .replace(/&#x3D;/g, '=')
          .replace(/&#x27;/g, "'"),
      )}`,
  );
  const res = await app.inject({
    method: 'POST',
    url: postUrl,
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: [...hidden, 'email=sam%40example.org', `password=${encodeURIComponent(PASSWORD)}`].join('&'),
  });
  return { page, res };
}

t.test('signing in returns to the page that asked for it: `next` rides in the sign-in form', async (t) => {
  const app = await withStaff(t);
  const asked = await app.inject({ method: 'GET', url: '/meetings/7?tab=agenda' });
  t.equal(asked.statusCode, 303);
  t.equal(asked.headers.location, '/sign-in?next=%2Fmeetings%2F7%3Ftab%3Dagenda');

  const { page, res } = await signInThrough(app, asked.headers.location as string);
  t.match(
    page.body,
    '<input type="hidden" name="next" value="/meetings/7?tab&#x3D;agenda">',
    'carried as a hidden field',
  );
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/meetings/7?tab=agenda');
});

t.test('`next` that would leave the site is replaced by the default page', async (t) => {
  const app = await withStaff(t);
  for (const next of [
    '/%5Cevil.example/x',
    '/%5cevil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '/%2F/evil.example',
    'https://evil.example/',
    'evil.example',
    '/\t/evil.example',
    '/%09/evil.example',
  ]) {
    // In the form, and in the address the form is posted to, as an attacker's link could put it.
    const query = `?next=${encodeURIComponent(next)}`;
    const { res } = await signInThrough(app, `/sign-in${query}`, `/sign-in${query}`);
    t.equal(res.statusCode, 303, next);
    t.equal(res.headers.location, '/meetings', `${JSON.stringify(next)} -> /meetings`);
  }
});

t.test('the rule alone: own paths pass, anything else is the default page', async (t) => {
  t.equal(pageAfterSignIn('/items/12'), '/items/12');
  t.equal(pageAfterSignIn('/meetings/7?tab=agenda#top'), '/meetings/7?tab=agenda#top');
  t.equal(pageAfterSignIn('/'), '/');
  t.equal(pageAfterSignIn('/%5Cevil.example/x'), '/meetings');
  t.equal(pageAfterSignIn('/%2F%2Fevil.example'), '/meetings');
  t.equal(pageAfterSignIn('/%E0%A4%A'), '/meetings', 'broken percent-encoding');
  t.equal(pageAfterSignIn('/items/\u00e9'), '/meetings', 'not ASCII: never a header we cannot send');
  t.equal(pageAfterSignIn(undefined), '/meetings');
  t.equal(pageAfterSignIn(['/items/1']), '/meetings');
});
