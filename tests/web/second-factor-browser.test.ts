import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser, screenshot, wcagViolations } from '../support/browser.js';
import { totpAt } from '../support/totp.js';

const PASSWORD = 'a long enough password';

t.test(
  'with AGENDUM_STAFF_2FA=required, staff are asked for the code (or enrol first, QR code shown) and land on the meetings; no WCAG violation',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    // The real clock, which the test moves on by whole time steps so that no code is a replay.
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const app = await build(t, { config: testConfig(t, { AGENDUM_STAFF_2FA: 'required' }), now });
    const sam = await app.services.people.create('system', {
      name: 'Sam Secretariat',
      email: 'sam@example.org',
      role: 'secretariat',
      password: PASSWORD,
    });
    await app.services.people.create('system', {
      name: 'Ada Admin',
      email: 'ada@example.org',
      role: 'admin',
      password: PASSWORD,
    });
    const samActor = { id: sam.id, name: sam.name, role: 'secretariat' as const };
    const { secret } = await app.services.secondFactor.startEnrolment(samActor);
    app.services.secondFactor.confirmEnrolment(samActor, totpAt(secret, now()));
    offset += 30_000;

    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const audit = async (name: string) => {
      await screenshot(page, `second-factor-${name}`);
      t.same(await wcagViolations(page), [], `${name}: no WCAG A/AA violation`);
    };

    // Enrolled staff: the password, then the code.
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/second-factor$/);
    await audit('code');
    await page.locator('#code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('#error-summary');
    t.match(await page.locator('#error-summary').innerText(), 'This code is not right or was already used');
    await audit('code-refused');
    await page.locator('#code').fill(totpAt(secret, now()));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/meetings$/);
    t.pass('the code opens the meetings page');

    // Staff without a second factor: enrolment first, the QR code and the key shown.
    const second = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await second.goto(`${base}/sign-in`);
    await second.getByLabel('Email').fill('ada@example.org');
    await second.getByLabel('Password').fill(PASSWORD);
    await second.getByRole('button', { name: 'Sign in' }).click();
    await second.waitForURL(/\/sign-in\/second-factor$/);
    const qr = second.getByRole('img', { name: 'QR code of the key for ada@example.org' });
    t.equal(await qr.count(), 1, 'the QR code is an image with an accessible name');
    t.ok(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 100), 'and it loads');
    const key = (await second.locator('#manual-key').innerText()).replace(/\s/g, '');
    t.match(key, /^[A-Z2-7]{32}$/);
    t.same(await wcagViolations(second), [], 'enrolment: no WCAG A/AA violation');
    await screenshot(second, 'second-factor-enrol');
    await second.locator('#code').fill(totpAt(key, now()));
    await second.getByRole('button', { name: 'Turn on the second factor' }).click();
    await second.getByText('Keep these codes now').waitFor();
    t.equal(await second.locator('.agendum-recovery-codes li').count(), 10);
    t.same(await wcagViolations(second), [], 'recovery codes: no WCAG A/AA violation');
    await second.getByRole('link', { name: 'I have kept them: continue' }).click();
    await second.waitForURL(/\/meetings$/);
    await second.goto(`${base}/account`);
    t.match(await second.locator('main').innerText(), 'Recovery codes left: 10.');
    t.same(await wcagViolations(second), [], 'account with a second factor: no WCAG A/AA violation');
  },
);
