import t from 'tap';
import { build } from '../helper.js';
import { ssoWorld } from '../support/sso-world.js';

const BUTTON = 'Sign in with EU Login (single sign-on)';

t.test('without SSO set up, the sign-in page offers none and its addresses are a page saying so', async (t) => {
  const app = await build(t);
  const signIn = await app.inject({ method: 'GET', url: '/sign-in' });
  t.notMatch(signIn.body, BUTTON);
  t.notMatch(signIn.body, '/sign-in/sso');
  for (const url of ['/sign-in/sso', '/sign-in/sso/callback?code=a&state=b']) {
    const page = await app.inject({ method: 'GET', url });
    t.equal(page.statusCode, 404, url);
    t.match(page.headers['content-type'], /^text\/html/);
    t.match(page.body, '<h1 class="ecl-page-header__title">Single sign-on did not sign you in</h1>');
    t.match(page.body, 'Single sign-on is not set up on this agendum.');
    t.match(page.body, '<a class="ecl-link ecl-link--standalone" href="/sign-in">Back to the sign-in page</a>');
  }
});

t.test(
  'with SSO set up, the button carries `next`, and the redirect keeps a sealed, HttpOnly pending login',
  async (t) => {
    const world = await ssoWorld(t);
    const signIn = await world.app.inject({ method: 'GET', url: '/sign-in?next=%2Fmeetings%2F7' });
    t.match(
      signIn.body,
      `<a class="ecl-button ecl-button--secondary" href="/sign-in/sso?next&#x3D;%2Fmeetings%2F7">${BUTTON}</a>`,
    );
    const start = await world.walker.request(`${world.base}/sign-in/sso?next=%2Fmeetings%2F7`);
    t.equal(start.status, 303);
    const location = new URL(start.headers.get('location')!);
    t.equal(location.origin, world.issuer);
    t.equal(location.searchParams.get('redirect_uri'), `${world.base}/sign-in/sso/callback`);
    t.match(
      start.headers.getSetCookie().join('\n'),
      /agendum_sso=[\w-]+\.[\w-]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax/,
    );

    const callback = await world.walker.signInAtProvider(location.href, 'ada', world.base);
    const landed = await world.walker.request(callback);
    t.equal(landed.status, 303);
    t.equal(landed.headers.get('location'), '/meetings/7', 'back where the person was going');
    t.equal(world.walker.cookie(world.base, 'agendum_sso'), undefined);
    t.equal((await world.walker.request(`${world.base}/meetings`)).status, 200, 'signed in');
  },
);

t.test('a `next` leading off the site is dropped: the sign-on ends on the meetings page', async (t) => {
  const world = await ssoWorld(t);
  const start = await world.walker.request(`${world.base}/sign-in/sso?next=%2F%2Fevil.example%2F`);
  const callback = await world.walker.signInAtProvider(start.headers.get('location')!, 'ada', world.base);
  t.equal((await world.walker.request(callback)).headers.get('location'), '/meetings');
});

t.test('a configured issuer the provider does not answer as: a 400 page before anyone is sent there', async (t) => {
  const world = await ssoWorld(t, { issuer: (real) => real.replace('127.0.0.1', 'localhost') });
  const start = await world.walker.request(`${world.base}/sign-in/sso`);
  t.equal(start.status, 400);
  const html = await start.text();
  t.match(html, 'The sign-on service&#x27;s answer could not be trusted');
  t.match(html, 'href="/sign-in">Back to the sign-in page</a>');
  t.equal(world.sessionCount(), 0);
});
