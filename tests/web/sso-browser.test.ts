import type { Page } from 'playwright-core';
import t from 'tap';
import { hasChromium, launchBrowser } from '../support/browser.js';
import { auditedContext, type Auditor } from '../support/page-audit.js';
import type { AnswerChange } from '../support/oidc-provider.js';
import { ssoWorld, type SsoWorld } from '../support/sso-world.js';

const SSO_BUTTON = 'Sign in with EU Login (single sign-on)';
const CALLBACK = '/sign-in/sso/callback';

/**
 * What the provider's own pages cause is not agendum's to answer for: its development login
 * form asks for a web font (refused: nothing leaves 127.0.0.1) and styles itself inline.
 */
const agendumsOwn = (world: SsoWorld, findings: string[]) =>
  findings.filter((line) => !line.includes(world.issuer) && !line.includes('fonts.googleapis.com'));

/** From agendum's sign-in page, through the SSO button and the provider's login form as `login`. */
async function signInAtProvider(page: Page, world: SsoWorld, login: string) {
  await page.goto(`${world.base}/sign-in?next=%2Fmeetings`);
  await page.getByRole('link', { name: SSO_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(world.issuer));
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** The error page shown: its status, heading, sentence and the way back, and what the audit finds. */
async function shownRefusal(page: Page, auditor: Auditor, world: SsoWorld, name: string, status: number) {
  return {
    status,
    heading: await page.locator('h1').innerText(),
    message: await page.locator('.agendum-error').innerText(),
    back: await page.getByRole('link', { name: 'Back to the sign-in page' }).getAttribute('href'),
    findings: agendumsOwn(world, await auditor.audit(page, 'sso', name)),
  };
}

/** The error page at `url`, visited. */
async function refusal(page: Page, auditor: Auditor, world: SsoWorld, url: string, name: string) {
  const response = await page.goto(url);
  return shownRefusal(page, auditor, world, name, response!.status());
}

t.test(
  'SSO in Chromium: the button on the sign-in page, the full redirect flow, and a clear page for each refusal',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const world = await ssoWorld(t);
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const fresh = async () => {
      const auditor = await auditedContext(browser);
      return { auditor, page: await auditor.newPage() };
    };

    // Success: the sign-in page offers SSO, the provider signs Ada in, agendum opens the meetings.
    const { auditor, page } = await fresh();
    await page.goto(`${world.base}/sign-in`);
    t.same(await auditor.audit(page, 'sso', 'sign-in-with-sso'), [], 'the sign-in page with its SSO button');
    await signInAtProvider(page, world, 'ada');
    await page.waitForURL(`${world.base}/meetings`);
    t.equal(await page.locator('h1').innerText(), 'Meetings');
    t.match(await page.locator('header').innerText(), /Ada Delegate/, 'the session cookie works');
    t.equal(world.sessionCount(), 1);

    // Replayed: the same answer a second time (Back, or a copied address).
    const second = await fresh();
    let answer = '';
    second.page.on('request', (request) => {
      if (request.url().startsWith(`${world.base}${CALLBACK}?`)) answer = request.url();
    });
    await signInAtProvider(second.page, world, 'ada');
    await second.page.waitForURL(`${world.base}/meetings`);
    t.equal(world.sessionCount(), 2);
    const replayed = await refusal(second.page, second.auditor, world, answer, 'replayed');
    t.match(replayed, {
      status: 400,
      heading: 'Single sign-on did not sign you in',
      message: /unknown, out of date or was already used\. Start again from the sign-in page\./,
      back: '/sign-in',
      findings: [],
    });

    const cases: [name: string, login: string, alter: AnswerChange | null, status: number, message: RegExp][] = [
      ['unknown-email', 'nobody', null, 403, /No agendum account has the email address nobody@example\.org/],
      ['unverified-email', 'unverified', null, 403, /has not verified your email address/],
      ['tampered-state', 'ada', (url) => url.searchParams.set('state', 'forged'), 400, /could not be trusted/],
      [
        'wrong-issuer',
        'ada',
        (url) => url.searchParams.set('iss', 'https://evil.example/'),
        400,
        /could not be trusted/,
      ],
    ];
    for (const [name, login, alter, status, message] of cases) {
      const { auditor, page } = await fresh();
      world.alterAnswers(alter);
      const landed = page.waitForResponse((response) => response.url().startsWith(`${world.base}${CALLBACK}?`));
      await signInAtProvider(page, world, login);
      const seen = await shownRefusal(page, auditor, world, name, (await landed).status());
      t.match(
        seen,
        { status, heading: 'Single sign-on did not sign you in', message, back: '/sign-in', findings: [] },
        name,
      );
      t.equal(world.sessionCount(), 2, `${name}: no session opened`);
    }
    world.alterAnswers(null);
  },
);
