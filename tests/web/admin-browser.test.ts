import { fileURLToPath } from 'node:url';
import t from 'tap';
import { build, reposOf } from '../helper.js';
import { hasChromium, horizontalOverflow, launchBrowser, screenshot, wcagViolations } from '../support/browser.js';

const PASSWORD = 'a long enough password';
const BAD_FILE = fileURLToPath(new URL('../fixtures/people/ehn-delegations-two-bad-lines.csv', import.meta.url));

t.test(
  'the secretariat filters people, keeps a group and checks an import in Chromium: no WCAG violation on any page',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { now: () => new Date() });
    await app.services.people.create('system', {
      name: 'Sam Secretariat',
      email: 'sam@example.org',
      role: 'secretariat',
      password: PASSWORD,
    });
    const eleni = await app.services.people.create('system', {
      name: 'Ελένη Γεωργίου',
      email: 'eleni.georgiou@moh.gov.cy',
      role: 'delegate',
      memberState: 'CY',
      password: PASSWORD,
    });
    await app.services.people.create('system', { name: 'José Gonçalves', email: 'jose@spms.pt', role: 'delegate' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    // Eleni signs in once: her page lists the session.
    await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: eleni.email, password: PASSWORD } });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const page = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    const check = async (name: string) => {
      await screenshot(page, `admin-${name}-390`);
      t.same(await wcagViolations(page), [], `${name}: no WCAG A/AA violation`);
      t.equal(await horizontalOverflow(page), 0, `${name}: nothing scrolls sideways at 390 px`);
    };

    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/meetings/);

    await page.goto(`${base}/people`);
    await page.getByLabel('Name or email').fill('ελενη');
    await page.getByLabel('Role').selectOption('delegate');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/q=/);
    t.equal(await page.getByRole('status').first().textContent(), '1 person found');
    await check('people-filtered');
    await page.getByRole('link', { name: 'Ελένη Γεωργίου' }).click();
    await page.waitForSelector('#sign-ins');
    await check('person-sign-ins');
    await page.getByRole('button', { name: /^End the session/ }).click();
    await page.waitForSelector('text=No open session.');

    await page.goto(`${base}/groups`);
    await check('groups');
    await page.getByLabel('Name').fill('Delegation CY');
    await page.getByRole('button', { name: 'Create the group' }).click();
    await page.waitForURL(/\/groups\/\d+/);
    await page.getByLabel('Person').selectOption({ label: 'Ελένη Γεωργίου (Delegate, CY)' });
    await page.getByRole('button', { name: 'Add to the group' }).click();
    await page.waitForSelector('text=Take out');
    await check('group');
    t.equal(reposOf(app).groups.members(reposOf(app).groups.findByName('Delegation CY')!.id).length, 1);

    await page.goto(`${base}/people/import`);
    await check('people-import');
    await page.setInputFiles('#import-file', BAD_FILE);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForSelector('#error-summary');
    t.match(await page.locator('#error-summary').textContent(), /Line 12, email[\s\S]*Line 40, role/);
    await check('people-import-report');
    t.equal(reposOf(app).people.count(), 3, 'the dry run wrote nobody');
  },
);
