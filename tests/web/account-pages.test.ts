import t from 'tap';
import { build, reposOf } from '../helper.js';
import { WEB_PASSWORD, webPerson, webSession } from '../support/web-session.js';

t.test('a delegate sets how packets come to them on My account, with "Saved."', async (t) => {
  const app = await build(t);
  const dora = await webPerson(app, 'delegate', 'dora@example.org');
  const web = await webSession(app, dora.email, '/account');
  const page = await web.get('/account');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1 class="ecl-page-header__title">My account</h1>');
  t.match(page.body, '<dd class="ecl-description-list__definition">Web delegate</dd>');
  t.match(page.body, '<dd class="ecl-description-list__definition agendum-break">dora@example.org</dd>');
  t.match(
    page.body,
    '<option value="combined" selected>One PDF with the agenda and every note</option><option value="separate">The agenda and one PDF per note</option>',
  );

  const saved = await web.post('/account', { packetFormat: 'separate' });
  t.equal(saved.statusCode, 303);
  t.equal(saved.headers.location, '/account?done=Saved.');
  t.equal(reposOf(app).people.findById(dora.id)!.packetFormat, 'separate');
  const after = await web.get('/account?done=Saved.');
  t.match(after.body, '<div class="ecl-notification__description">Saved.</div>');
  t.match(after.body, '<option value="separate" selected>The agenda and one PDF per note</option>');

  const odd = await web.post('/account', { packetFormat: 'zip' });
  t.equal(odd.statusCode, 422);
  t.match(
    odd.body,
    '<li><a class="ecl-link" href="#packet-format">Packets come as: must be one of combined, separate</a></li>',
  );

  const sneaky = await web.post('/account', { packetFormat: 'combined', role: 'admin' });
  t.equal(sneaky.statusCode, 403, 'a role is not a preference');
  t.equal(reposOf(app).people.findById(dora.id)!.role, 'delegate');
});

t.test('an API token is made, shown once, listed without its secret, and revoked', async (t) => {
  const app = await build(t);
  const rita = await webPerson(app, 'rapporteur', 'rita@example.org');
  const web = await webSession(app, rita.email, '/account');
  t.match((await web.get('/account')).body, '<p>You have no API tokens.</p>');

  const refused = await web.post('/account/tokens', { name: 'Reporting script', expiresInDays: '400' });
  t.equal(refused.statusCode, 422);
  t.match(
    refused.body,
    '<li><a class="ecl-link" href="#token-days">Days until it stops working: must be &lt;&#x3D; 365</a></li>',
  );
  t.match(refused.body, 'value="Reporting script"', 'the name typed is kept');
  t.match(refused.body, 'value="400"', 'the days typed are kept');

  const made = await web.post('/account/tokens', { name: 'Reporting script', expiresInDays: '30' });
  t.equal(made.statusCode, 200);
  t.match(made.body, '<h2 class="ecl-notification__title">Copy the token now</h2>');
  const secret = /<code class="agendum-token" id="new-token">(agd_[^<]+)<\/code>/.exec(made.body)![1]!;
  t.match(made.body, '<dd class="ecl-description-list__definition">2020-12-01 09:00 UTC</dd>');
  const viaToken = await app.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { authorization: `Bearer ${secret}` },
  });
  t.equal(viaToken.statusCode, 200, 'the token works');

  const list = (await web.get('/account')).body;
  t.notMatch(list, secret, 'never shown again');
  t.match(list, '<td class="ecl-table__cell agendum-break" data-label="Name">Reporting script</td>');
  t.match(list, '<td class="ecl-table__cell" data-label="Created">2020-11-01 09:00 UTC</td>');
  t.match(list, '<td class="ecl-table__cell" data-label="Stops working">2020-12-01 09:00 UTC</td>');
  t.match(list, '<td class="ecl-table__cell" data-label="Last used">2020-11-01 09:00 UTC</td>');
  const id = reposOf(app).people.listTokens(rita.id)[0]!.id;

  const revoked = await web.post(`/account/tokens/${id}/revoke`, {});
  t.equal(revoked.statusCode, 303);
  t.equal(revoked.headers.location, '/account?done=The%20token%20is%20revoked%3A%20it%20no%20longer%20works.');
  t.match(
    (await web.get('/account')).body,
    '<td class="ecl-table__cell" data-label="State">Revoked 2020-11-01 09:00 UTC</td>',
  );
  const refusedNow = await app.inject({
    method: 'GET',
    url: '/api/v1/session',
    headers: { authorization: `Bearer ${secret}` },
  });
  t.equal(refusedNow.statusCode, 401, 'the token no longer works');
  // A second click (or Back and again) is the same request done: the same confirmation, no error page.
  const again = await web.post(`/account/tokens/${id}/revoke`, {});
  t.equal(again.statusCode, 303, 'revoked once; asking again is no error');
  t.equal(again.headers.location, '/account?done=The%20token%20is%20revoked%3A%20it%20no%20longer%20works.');
  t.equal((await web.post(`/account/tokens/${id + 1000}/revoke`, {})).statusCode, 404, 'a token one does not have');
});

t.test('a person changes their password on My account; a refused form keeps no password', async (t) => {
  const app = await build(t);
  const dora = await webPerson(app, 'delegate', 'dora@example.org');
  const web = await webSession(app, dora.email, '/account');
  const page = await web.get('/account');
  t.match(page.body, '<h2>Your password</h2>');

  const wrong = await web.post('/account/password', {
    currentPassword: 'not my password',
    newPassword: 'Qwerty123456',
  });
  t.equal(wrong.statusCode, 422);
  t.match(
    wrong.body,
    '<li><a class="ecl-link" href="#current-password">Current password: Your current password is not right.</a></li>',
  );
  t.notMatch(wrong.body, 'not my password', 'what was typed is not sent back');
  t.notMatch(wrong.body, 'Qwerty123456');

  const common = await web.post('/account/password', {
    currentPassword: WEB_PASSWORD,
    newPassword: 'Qwerty123456',
  });
  t.equal(common.statusCode, 422);
  t.match(common.body, 'This password is on the list of commonly used passwords: choose another.');

  const done = await web.post('/account/password', {
    currentPassword: WEB_PASSWORD,
    newPassword: 'a quiet meadow by the river',
  });
  t.equal(done.statusCode, 303);
  t.equal(
    done.headers.location,
    '/account?done=Your%20password%20is%20changed.%20You%20are%20signed%20out%20everywhere%20else.',
  );
  t.equal((await web.get('/account')).statusCode, 200, 'still signed in here');
});
