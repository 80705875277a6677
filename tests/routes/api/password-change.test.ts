import t from 'tap';
import { build, problemOf } from '../../helper.js';

const OLD = 'correct horse battery staple';
const NEW = 'a quiet meadow by the river';

/** A person with a password, signed in from two browsers. */
async function twoBrowsers(app: Awaited<ReturnType<typeof build>>) {
  const person = await app.services.people.create('system', {
    name: 'Ana Delegate',
    email: 'ana@ms.example.eu',
    role: 'delegate',
    password: OLD,
  });
  const signIn = async (password: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ana@ms.example.eu', password },
    });
    const cookie = res.cookies.find((c) => c.name === 'agendum_session');
    return { status: res.statusCode, cookie: cookie ? `agendum_session=${cookie.value}` : '' };
  };
  const laptop = await signIn(OLD);
  const phone = await signIn(OLD);
  return { person, signIn, laptop: laptop.cookie, phone: phone.cookie };
}

const whoAmI = (app: Awaited<ReturnType<typeof build>>, cookie: string) =>
  app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });

const change = (app: Awaited<ReturnType<typeof build>>, cookie: string, body: Record<string, string>) =>
  app.inject({
    method: 'PUT',
    url: '/api/v1/session/password',
    headers: { cookie, origin: 'http://localhost:80' },
    payload: body,
  });

t.test('a person changes their own password: the other browser is signed out, this one stays', async (t) => {
  const app = await build(t);
  const { signIn, laptop, phone } = await twoBrowsers(app);
  t.equal((await whoAmI(app, phone)).statusCode, 200);

  const res = await change(app, laptop, { currentPassword: OLD, newPassword: NEW });
  t.equal(res.statusCode, 204, res.body);
  t.equal((await whoAmI(app, laptop)).statusCode, 200, 'the browser that changed it stays signed in');
  t.equal((await whoAmI(app, phone)).statusCode, 401, 'the other browser is signed out');
  t.equal((await signIn(OLD)).status, 401, 'the old password no longer signs in');
  t.equal((await signIn(NEW)).status, 200, 'the new one does');
});

t.test('the rules: the current password, 12 characters, not a common password', async (t) => {
  const app = await build(t);
  const { laptop, phone } = await twoBrowsers(app);
  const cases: [Record<string, string>, string, string][] = [
    [
      { currentPassword: 'not my password', newPassword: NEW },
      'currentPassword',
      'Your current password is not right.',
    ],
    [
      { currentPassword: OLD, newPassword: 'short one' },
      'newPassword',
      'A password has at least 12 characters; this one has 9. A few words in a row make a long one that is easy to remember.',
    ],
    [
      { currentPassword: OLD, newPassword: 'Qwerty123456' },
      'newPassword',
      'This password is on the list of commonly used passwords: choose another.',
    ],
    [
      { currentPassword: OLD, newPassword: '1q2w3e4r5t6y' },
      'newPassword',
      'This password is on the list of commonly used passwords: choose another.',
    ],
  ];
  for (const [body, field, detail] of cases) {
    const res = await change(app, laptop, body);
    t.equal(res.statusCode, 422, `${body.newPassword}: refused`);
    t.equal(problemOf(t, res).detail, detail);
    t.ok(field);
  }
  t.equal((await whoAmI(app, phone)).statusCode, 200, 'a refused change ends no session');
  const accents = await change(app, laptop, { currentPassword: OLD, newPassword: 'ένας κωδικός' });
  t.equal(accents.statusCode, 204, 'twelve characters of any script are twelve');
});

t.test('a new account with a common password is refused on its field', async (t) => {
  const app = await build(t);
  await t.rejects(
    app.services.people.create('system', {
      name: 'Bea',
      email: 'bea@ms.example.eu',
      role: 'delegate',
      password: 'password1234',
    }),
    { name: 'AgendumError', status: 422, field: 'password' } as unknown as Error,
  );
});
