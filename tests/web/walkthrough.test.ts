import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import t from 'tap';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { build, reposOf, testConfig } from '../helper.js';
import { hasChromium, launchBrowser, screenshot, seriousViolations } from '../support/browser.js';

const SEED_92 = fileURLToPath(
  new URL('../fixtures/seeds/ehn18-item-9.2-cybersecurity-reflections.txt', import.meta.url),
);
const PASSWORD = 'a long enough password';

t.test(
  'the whole path in a real browser, as each role',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium)' },
  async (t) => {
    // The real clock: the browser drops a session cookie whose expiry lies in its past.
    const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '100' }), now: () => new Date() });
    for (const [name, email, role] of [
      ['Sam Secretariat', 'sam@example.org', 'secretariat'],
      ['Rita Rapporteur', 'rita@example.org', 'rapporteur'],
      ['Dirk Delegate', 'dirk@example.org', 'delegate'],
    ] as const) {
      await app.services.people.create('system', { name, email, role, password: PASSWORD });
    }
    const sam = reposOf(app).people.findByEmail('sam@example.org')!;
    app.services.meetings.createNetwork(
      { id: sam.id, name: sam.name, role: 'secretariat' },
      { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES },
    );
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser: Browser = await launchBrowser();
    t.teardown(() => browser.close());
    const axeFindings: string[] = [];

    async function as(email: string): Promise<Page> {
      const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/meetings/);
      return page;
    }
    async function check(page: Page, name: string) {
      await screenshot(page, name);
      axeFindings.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
    }

    // The secretariat creates the meeting and its items.
    const secretariat = await as('sam@example.org');
    t.match(
      await secretariat.locator('.agendum-person').innerText(),
      /Sam Secretariat\s+\(Secretariat\)/,
      'name and role always visible',
    );
    await secretariat.getByLabel('Number of the meeting').fill('18');
    await secretariat.getByLabel('First day').fill('2020-11-12');
    await secretariat.getByLabel('Last day').fill('2020-11-13');
    await secretariat.getByLabel('City').fill('Brussels');
    await secretariat.getByLabel('Country').fill('Belgium');
    await secretariat.getByRole('button', { name: 'Create' }).click();
    await secretariat.waitForURL(/\/meetings\/\d+/);
    t.equal(await secretariat.locator('h1').textContent(), '18th eHealth Network meeting');
    await secretariat.getByLabel('Title').fill('Cybersecurity');
    await secretariat.getByRole('button', { name: 'Add an agenda item' }).click();
    await secretariat.getByLabel('Title').fill('Reflections on Cybersecurity on the health sector');
    await secretariat.getByLabel('Under item').selectOption({ label: '1 Cybersecurity' });
    await secretariat.getByLabel('Rapporteur').selectOption({ label: 'Rita Rapporteur' });
    await secretariat.getByRole('button', { name: 'Add an agenda item' }).click();
    await secretariat.getByRole('link', { name: /1\.1\s+Reflections/ }).waitFor();
    await check(secretariat, 'secretariat-meeting');
    // Rename and move: the numbers follow.
    await secretariat.getByLabel('Title').fill('Closing remarks');
    await secretariat.getByRole('button', { name: 'Add an agenda item' }).click();
    await secretariat.getByRole('link', { name: /2\s+Closing remarks/ }).click();
    await secretariat.locator('#item-title').fill('Any other business');
    await secretariat.locator('#item-parent').selectOption({ label: '1 Cybersecurity' });
    await secretariat.getByRole('button', { name: 'Save the settings' }).click();
    t.match(
      await secretariat.locator('h1').innerText(),
      /1\.2\s+Any other business/,
      'renamed and moved under item 1: now 1.2',
    );
    await secretariat.goto(secretariat.url().replace(/\/items\/.*/, '/meetings'));
    await secretariat.getByRole('link', { name: /18th eHealth Network/ }).click();
    const meetingUrl = secretariat.url().replace(/\?.*$/, '');

    // The rapporteur uploads the 9.2 seed, previews, saves and submits.
    const rapporteur = await as('rita@example.org');
    await rapporteur.getByRole('link', { name: 'My items' }).click();
    await rapporteur.getByRole('link', { name: 'Reflections on Cybersecurity on the health sector' }).click();
    await rapporteur.getByLabel('Upload a draft').setInputFiles(SEED_92);
    await rapporteur.getByRole('button', { name: 'Preview' }).click();
    await rapporteur.getByRole('heading', { name: 'What agendum recognised' }).waitFor();
    t.match(await rapporteur.locator('article.note').innerText(), /Critical Infrastructure Protection,/);
    t.match(
      await rapporteur.locator('.footnotes').innerText(),
      /\[source: https:\/\/ec\.europa\.eu\/digital-single-market\/en\/cyber-security\]/,
    );
    t.match(
      await rapporteur.locator('main').innerText(),
      /numbered 9\.2, but this is item 1\.1/,
      'the preview shows its warnings',
    );
    await check(rapporteur, 'rapporteur-preview');
    await rapporteur.getByRole('button', { name: 'Save as a new version' }).click();
    await rapporteur.getByText('Version 1 saved.').waitFor();
    await rapporteur.getByRole('button', { name: 'Submit for review' }).click();
    t.equal(await rapporteur.locator('#note-state').innerText(), 'In review');
    const itemUrl = rapporteur.url().replace(/\?.*$/, '');

    // The secretariat comments and returns it.
    await secretariat.goto(itemUrl);
    await secretariat.getByLabel('Section').selectOption('summary');
    await secretariat.getByLabel('Add a comment').fill('Please end the fifth paragraph with a full stop.');
    await secretariat.getByRole('button', { name: 'Comment' }).click();
    await secretariat.getByText('Comment added.').waitFor();
    await secretariat.locator('#c-return').fill('See the comment on the summary.');
    await secretariat.getByRole('button', { name: 'Return to the rapporteur' }).click();
    t.match(await secretariat.locator('#note-state').innerText(), 'Returned — action needed');
    await check(secretariat, 'secretariat-review');

    // The rapporteur fixes it, resolves the comment and resubmits.
    await rapporteur.goto(itemUrl);
    t.match(await rapporteur.locator('main').innerText(), /Please end the fifth paragraph/);
    await rapporteur.getByLabel('Upload a draft').setInputFiles(SEED_92);
    await rapporteur.getByRole('button', { name: 'Preview' }).click();
    await rapporteur.getByRole('button', { name: 'Save as a new version' }).click();
    await rapporteur.getByRole('button', { name: 'Mark resolved' }).click();
    await rapporteur.getByRole('button', { name: 'Submit for review' }).click();
    t.equal(await rapporteur.locator('#note-state').innerText(), 'In review');
    // Any two versions compare; the form starts on the last two.
    await rapporteur.locator('#compare-a').selectOption('1');
    await rapporteur.locator('#compare-b').selectOption('2');
    await rapporteur.getByRole('button', { name: 'Compare', exact: true }).click();
    await rapporteur.waitForURL(/\/diff\?a=1&b=2$/);
    await check(rapporteur, 'rapporteur-diff');

    // The secretariat releases it "For information" and downloads the packet.
    await secretariat.goto(itemUrl);
    await secretariat.locator('#p-release').selectOption('for-information');
    await secretariat.getByRole('button', { name: 'Release', exact: true }).click();
    t.equal(await secretariat.locator('#note-state').innerText(), 'Released');
    t.equal(await secretariat.locator('.draft-mark').count(), 0, 'a released note carries no DRAFT mark');
    await secretariat.goto(meetingUrl);
    // The PDF opens in the browser's viewer (inline): fetch it with the page's own session.
    const href = await secretariat
      .locator('.agendum-packets')
      .getByRole('link', { name: 'Packet (PDF)', exact: true })
      .getAttribute('href');
    const packet = await secretariat.request.get(`${base}${href}`);
    t.equal(packet.status(), 200);
    t.equal(packet.headers()['content-type'], 'application/pdf');
    t.equal((await packet.body()).subarray(0, 5).toString(), '%PDF-', 'the packet downloads as a PDF');
    await secretariat.locator('.agendum-packets').getByRole('link', { name: 'Send a packet' }).click();
    await secretariat.getByRole('button', { name: 'Preview the packet' }).click();
    await secretariat.getByRole('button', { name: 'Send the packet to 1 recipient(s)' }).click();
    await secretariat.waitForURL(/\/packets\/\d+/);
    for (let i = 0; i < 20 && !/1 sent/.test(await secretariat.locator('#packet-progress').innerText()); i += 1) {
      await secretariat.waitForTimeout(500);
      await secretariat.reload();
    }
    t.match(
      await secretariat.locator('#packet-progress').innerText(),
      /1 sent, 0 could not be delivered, 0 waiting, of 1/,
      'per-recipient progress',
    );
    t.match(
      await secretariat.locator('tbody').innerText(),
      /Dirk Delegate\s+dirk@example\.org\s+Delegates\s+Delivered to the mail server/,
    );
    await check(secretariat, 'secretariat-packet');
    await secretariat.goto(meetingUrl);
    await secretariat.getByLabel('Title').fill('A draft nobody outside may read');
    await secretariat.getByLabel('Rapporteur').selectOption({ label: 'Rita Rapporteur' });
    await secretariat.getByRole('button', { name: 'Add an agenda item' }).click();
    await check(secretariat, 'secretariat-meeting-released');

    // The delegate sees the released note and not the draft.
    const delegate = await as('dirk@example.org');
    await delegate.goto(itemUrl);
    t.match(await delegate.locator('article.note').innerText(), /Reflections on Cybersecurity/);
    await check(delegate, 'delegate-note');
    // The version shown downloads as a Word file, to start a next draft from.
    const [word] = await Promise.all([
      delegate.waitForEvent('download'),
      delegate.getByRole('link', { name: 'Download as Word (.docx)' }).click(),
    ]);
    t.match(
      word.suggestedFilename(),
      /^18th-ehealth-network-item-\d+(\.\d+)*-v2\.docx$/,
      'the released version as .docx',
    );
    await delegate.goto(meetingUrl);
    await delegate.getByRole('link', { name: /A draft nobody outside may read/ }).click();
    t.equal(await delegate.getByRole('link', { name: 'Download as Word (.docx)' }).count(), 0, 'nothing to download');
    t.equal(await delegate.locator('article.note').count(), 0, 'no draft for a delegate');
    t.equal(await delegate.getByRole('button', { name: 'Submit for review' }).count(), 0);
    const missing = await delegate.goto(`${base}/items/99999`);
    t.equal(missing!.status(), 404);
    t.match(await delegate.locator('h1').innerText(), 'Not found', 'errors are friendly pages');

    t.same(axeFindings, [], 'axe-core: no serious or critical violations');
  },
);

t.test(
  'every page works with the keyboard alone, focus visible',
  { skip: hasChromium() ? false : 'no chromium' },
  async (t) => {
    const app = await build(t, { now: () => new Date() });
    await app.services.people.create('system', {
      name: 'Sam',
      email: 'sam@example.org',
      role: 'secretariat',
      password: PASSWORD,
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    // Runs in the page: the browser's document, not Node's.
    const focused = async () =>
      page.evaluate(() => {
        const active = (
          globalThis as unknown as { document: { activeElement: { id: string; textContent: string | null } | null } }
        ).document.activeElement;
        return active?.id || active?.textContent?.trim() || '';
      });
    await page.keyboard.press('Tab');
    t.equal(await focused(), 'Skip to content', 'the first Tab reaches the skip link');
    const outline = await page.evaluate(() => {
      const w = globalThis as unknown as {
        getComputedStyle: (e: unknown) => { outlineStyle: string };
        document: { activeElement: unknown };
      };
      return w.getComputedStyle(w.document.activeElement).outlineStyle;
    });
    t.not(outline, 'none', 'focus is visible');
    // The logo and the site's name, then the form.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    t.equal(await focused(), 'email');
    await page.keyboard.type('sam@example.org');
    await page.keyboard.press('Tab');
    t.equal(await focused(), 'password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/meetings/);
    t.match(await page.locator('h1').innerText(), 'Meetings', 'signed in with the keyboard alone');
  },
);

t.test('a form without its CSRF token is refused with 403', async (t) => {
  const app = await build(t);
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: PASSWORD,
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: PASSWORD },
  });
  const cookies = { agendum_session: signIn.cookies[0]!.value };
  const res = await app.inject({
    method: 'POST',
    url: '/meetings',
    cookies,
    payload: 'ordinal=19&startDate=2021-06-08&endDate=2021-06-08&city=Lisbon&country=Portugal',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(res.statusCode, 403);
  t.match(res.headers['content-type'], /text\/html/, 'a friendly page, not JSON');
  t.equal(app.services.meetings.list().length, 0, 'nothing was created');
  const signOut = await app.inject({ method: 'POST', url: '/sign-out', cookies });
  t.equal(signOut.statusCode, 403);
});

t.test('text typed by users is shown, never run', async (t) => {
  const app = await build(t);
  await app.services.people.create('system', {
    name: '<script>alert(1)</script>',
    email: 'x@example.org',
    role: 'secretariat',
    password: PASSWORD,
  });
  const x = reposOf(app).people.findByEmail('x@example.org')!;
  const staff = { id: x.id, name: x.name, role: 'secretariat' as const };
  app.services.meetings.createNetwork(staff, { name: 'Net', headerLines: [] });
  const meeting = app.services.meetings.create(staff, {
    ordinal: 1,
    startDate: '2021-01-01',
    endDate: '2021-01-01',
    city: '"><img src=x onerror=alert(1)>',
    country: 'X',
  });
  const item = app.services.agenda.create(staff, meeting.id, { title: '<script>alert("title")</script>' });
  app.services.notes.createVersion(staff, item.id, { sections: { summary: ['<img src=x onerror=alert(2)> & more'] } });
  app.services.review.add(staff, item.id, { body: '<script>alert("comment")</script>' });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'x@example.org', password: PASSWORD },
  });
  const cookies = { agendum_session: signIn.cookies[0]!.value };
  for (const url of [`/meetings`, `/meetings/${meeting.id}`, `/items/${item.id}`]) {
    const html = (await app.inject({ method: 'GET', url, cookies })).body;
    t.notMatch(html, /<script>alert|<img src=x/, `${url}: no user text as markup`);
    t.match(html, /&lt;script&gt;alert|&lt;img src=x/, `${url}: shown escaped`);
  }
});
