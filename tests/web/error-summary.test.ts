import type { Browser } from 'playwright-core';
import t from 'tap';
import { eighteenthMeeting } from '../factories.js';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser } from '../support/chromium.js';

const PASSWORD = 'a long enough password';

/**
 * What only a browser shows: a refused form comes back with its error summary focused (screen
 * readers read it first, the keyboard starts there), each line a link to its field, and the
 * input kept. With the real Content-Security-Policy: no script does any of it.
 */
t.test(
  'a refused form comes back with the error summary focused and the input kept',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium)' },
  async (t) => {
    const app = await build(t, { config: testConfig(t), now: () => new Date() });
    const sam = await app.services.people.create('system', {
      name: 'Sam Secretariat',
      email: 'sam@example.org',
      role: 'secretariat',
      password: PASSWORD,
    });
    const staff = { id: sam.id, name: sam.name, role: 'secretariat' as const };
    app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: [] });
    const meeting = eighteenthMeeting(app, staff);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser: Browser = await launchBrowser();
    t.teardown(() => browser.close());
    const page = await (await browser.newContext()).newPage();
    // Runs in the page: the browser's document, not Node's.
    const focused = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement
            ?.id ?? '',
      );

    // The email field's own browser check passes; the schema's 254-character limit does not.
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(`${'a'.repeat(250)}@example.org`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('#error-summary');
    t.equal(await focused(), 'error-summary', 'sign-in: the summary has the focus');
    t.equal(await page.locator('#error-summary li').innerText(), 'Email: must NOT have more than 254 characters');

    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/meetings`);
    t.equal(await page.locator('#error-summary').count(), 0, 'no summary on a page without a refused form');

    await page.goto(`${base}/meetings/${meeting.id}`);
    const title = 'A'.repeat(501);
    await page.locator('#item-title').fill(title);
    await page.getByRole('button', { name: 'Add an agenda item' }).click();
    await page.waitForSelector('#error-summary');
    t.equal(await focused(), 'error-summary', 'meeting page: the summary has the focus');
    t.equal(await page.locator('#error-summary li').innerText(), 'Title: must NOT have more than 500 characters');
    t.equal(await page.locator('#item-title').inputValue(), title, 'the title typed is kept');
    t.equal(await page.locator('#item-title').getAttribute('aria-invalid'), 'true');
    t.equal(await page.locator('#error-summary a').getAttribute('href'), '#item-title', 'the line links to its field');
  },
);
