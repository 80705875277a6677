import type { Browser } from 'playwright-core';
import t from 'tap';
import { build, testConfig } from '../helper.js';
import { accountLinkFor } from '../support/account-mail.js';
import { hasChromium, launchBrowser } from '../support/browser.js';
import { announceScreenshots, auditedContext, besidesEcl, eclOnly, signIn } from '../support/page-audit.js';
import { WEB_PASSWORD, webPerson } from '../support/web-session.js';

/**
 * The whole path of an invited delegate in Chromium: the secretariat adds them with an
 * invitation, the message (an .eml of the embedded mail mode) holds the link, the delegate
 * chooses a password there and lands on the meetings page signed in; the same link a second
 * time, and an expired one, end on a page that says why. Forgot password: the same answer for
 * an address with an account and one without. Each page held to the page auditor's checks.
 */
t.test(
  'an invited delegate chooses a password and lands on the meetings page; a used or expired link says why',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium)' },
  async (t) => {
    const clock = { offsetMs: 0 };
    const app = await build(t, { config: testConfig(t), now: () => new Date(Date.now() + clock.offsetMs) });
    const sam = await webPerson(app, 'secretariat');
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser: Browser = await launchBrowser();
    t.teardown(() => browser.close());
    announceScreenshots((line) => t.comment(line));
    // A refused form or a dead link answers 4xx, which Chromium logs as a failed resource: expected here.
    const isExpected = (finding: string) => /responded with a status of (404|410|422)/.test(finding);
    const auditor = await auditedContext(browser);
    const check = async (page: Parameters<typeof auditor.audit>[0], name: string) => {
      const findings = (await auditor.audit(page, 'invitation', name)).filter((f) => !isExpected(f));
      t.same(besidesEcl(findings), [], `${name}: axe, width, CSP, requests, console`);
      t.same(eclOnly(findings), [], `${name}: ECL classes`);
    };

    const staffPage = await auditor.newPage();
    await signIn(staffPage, base, sam.email, WEB_PASSWORD);
    await staffPage.goto(`${base}/people/new`);
    await staffPage.getByLabel('Name').fill('Ιωάννα Δημητρίου');
    await staffPage.getByLabel('Email').fill('ioanna@moh.gov.gr');
    await staffPage.getByLabel('Member State').fill('GR');
    t.equal(
      await staffPage.getByLabel('Invitation').inputValue(),
      'true',
      'a new account is invited unless told not to',
    );
    await check(staffPage, 'new-person');
    await staffPage.getByRole('button', { name: 'Create the account' }).click();
    await staffPage.waitForURL(/\/people\/\d+\?/);
    t.match(await staffPage.locator('main').textContent(), /Account created\./);
    await check(staffPage, 'person-invited');

    const mail = await accountLinkFor(app, 'ioanna@moh.gov.gr');
    t.equal(mail.subject, 'Your agendum account: choose your password');
    await staffPage.reload();
    t.match(await staffPage.locator('main').textContent(), /Delivered to the mail server/);
    await staffPage.getByRole('link', { name: 'Changes to this account' }).click();
    await staffPage.waitForURL(/\/people\/audit\?personId=\d+$/);
    t.match(await staffPage.locator('tbody').textContent(), /invited/);
    await check(staffPage, 'people-audit');

    const delegateContext = await auditedContext(browser);
    const delegate = await delegateContext.newPage();
    await delegate.goto(`${base}${mail.path}`);
    t.match(await delegate.locator('main').textContent(), /Welcome, Ιωάννα Δημητρίου/);
    await check(delegate, 'choose-password');
    await delegate.getByLabel('New password').fill('password1234');
    await delegate.getByRole('button', { name: 'Choose this password and sign in' }).click();
    await delegate.waitForSelector('#error-summary');
    t.match(await delegate.locator('#error-summary').textContent(), /commonly used passwords/);
    await check(delegate, 'choose-password-refused');
    await delegate.getByLabel('New password').fill('olive trees on the hill of Athens');
    await delegate.getByRole('button', { name: 'Choose this password and sign in' }).click();
    await delegate.waitForURL(/\/meetings\?/);
    t.match(await delegate.locator('main').textContent(), /Your password is chosen: you are signed in\./);
    t.match(await delegate.locator('header').textContent(), /Ιωάννα Δημητρίου/, 'signed in as the delegate');

    const second = await delegate.goto(`${base}${mail.path}`);
    t.equal(second?.status(), 410, 'the link works once');
    t.match(await delegate.locator('main').textContent(), /This link was used already: each link works once\./);
    await check(delegate, 'link-used');

    // Another invitation, opened eight days later: expired.
    await staffPage.goto(`${base}/people/new`);
    await staffPage.getByLabel('Name').fill('Петър Иванов');
    await staffPage.getByLabel('Email').fill('petar@mh.government.bg');
    await staffPage.getByRole('button', { name: 'Create the account' }).click();
    await staffPage.waitForURL(/\/people\/\d+\?/);
    const late = await accountLinkFor(app, 'petar@mh.government.bg');
    clock.offsetMs = 8 * 86_400_000;
    const fresh = await (await auditedContext(browser)).newPage();
    const expired = await fresh.goto(`${base}${late.path}`);
    t.equal(expired?.status(), 410);
    t.match(await fresh.locator('main').textContent(), /This link has expired\./);
    await check(fresh, 'link-expired');
    clock.offsetMs = 0;

    // Forgot password: an address with an account and one without get the same page.
    const answers: string[] = [];
    for (const email of ['ioanna@moh.gov.gr', 'nobody@moh.gov.gr']) {
      const page = await (await auditedContext(browser)).newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      if (email.startsWith('nobody')) await check(page, 'forgot-password');
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.waitForSelector('.ecl-notification--info');
      answers.push((await page.locator('main').textContent()) ?? '');
      if (email.startsWith('nobody')) await check(page, 'reset-requested');
    }
    t.equal(answers[0], answers[1], 'the same page for both addresses');
    t.match(answers[0], /If an account has this address, a message with a link/);
    const reset = await accountLinkFor(app, 'ioanna@moh.gov.gr', 2);
    t.equal(reset.subject, 'agendum: reset your password');
  },
);
