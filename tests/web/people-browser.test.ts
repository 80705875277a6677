import type { Page } from 'playwright-core';
import t from 'tap';
import { build } from '../helper.js';
import { hasChromium, launchBrowser, screenshot, wcagViolations } from '../support/browser.js';

const PASSWORD = 'a long enough password';
const pageWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );

t.test(
  'sign-in, people, person, account, notifications and audit: no WCAG violation, no sideways scroll at 390 px',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { now: () => new Date() });
    const ada = await app.services.people.create('system', {
      name: 'Ada Admin',
      email: 'ada@example.org',
      role: 'admin',
      password: PASSWORD,
    });
    const dora = await app.services.people.create('system', {
      name: 'Dora Delegate with a rather long name',
      email: 'dora.delegate.with.a.long.address@health.example.europa.eu',
      role: 'delegate',
      organisation: 'Federal Public Service Health, Food Chain Safety and Environment',
      memberState: 'BE',
    });
    app.services.notifications.notify([ada.id], {
      kind: 'note-return',
      itemId: 1,
      message: 'Item 9.2 was returned to drafting.',
    });
    app.services.auth.createToken({ id: ada.id, name: ada.name, role: 'admin' }, 'Reporting script', 30);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());

    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const visit = async (name: string, url: string | null) => {
        if (url) await page.goto(`${base}${url}`);
        await screenshot(page, `${name}-${width}`);
        t.same(await wcagViolations(page), [], `${name} at ${width} px: no WCAG A/AA violation`);
        const wide = await page.evaluate((w) => {
          const d = (
            globalThis as unknown as {
              document: {
                querySelectorAll: (
                  s: string,
                ) => { className: string; tagName: string; getBoundingClientRect: () => { right: number } }[];
              };
            }
          ).document;
          return [...d.querySelectorAll('*')]
            .filter((e) => e.getBoundingClientRect().right > w)
            .slice(0, 6)
            .map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`);
        }, width);
        t.ok((await pageWidth(page)) <= width, `${name} at ${width} px: no wider than the screen ${wide.join(' ')}`);
      };
      await visit('sign-in', '/sign-in');
      await page.getByLabel('Email').fill('ada@example.org');
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForSelector('#error-summary');
      await visit('sign-in-refused', null);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/meetings/);
      await visit('people', '/people');
      await visit('person', `/people/${dora.id}`);
      await visit('people-new', '/people/new');
      await page.getByRole('button', { name: 'Create the account' }).click();
      await page.waitForSelector('#error-summary');
      await visit('people-new-refused', null);
      await visit('account', '/account');
      await page.getByLabel('Name of the token').fill('Calendar feed');
      await page.getByRole('button', { name: 'Make the token' }).click();
      await page.waitForSelector('#new-token');
      await visit('account-token', null);
      await visit('notifications', '/notifications');
      await visit('audit', '/audit');
      await visit('not-found', '/people/999');
      await context.close();
    }
  },
);
