import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser, horizontalOverflow, wcagViolations } from '../support/browser.js';
import { WEB_PASSWORD, webPerson, webSecretariatWithMeeting } from '../support/web-session.js';

/** What only a browser shows: the agenda reordered with the keyboard alone, and the pages' accessibility. */
t.test(
  'keyboard only: Move down moves the item in place, the focus stays on it, the order is saved',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { config: testConfig(t), now: () => new Date() });
    const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
    const rita = await webPerson(app, 'rapporteur');
    const opening = app.services.agenda.create(staff, meeting.id, { title: 'Opening', rapporteurIds: [rita.id] });
    const cyber = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
    app.services.agenda.create(staff, meeting.id, { title: 'Work streams', parentId: cyber.id });
    app.services.agenda.create(staff, meeting.id, { title: 'Closing remarks' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(sam.email);
    await page.getByLabel('Password').fill(WEB_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/meetings`);

    for (const [url, name] of [
      ['/meetings', 'meetings'],
      [`/meetings/${meeting.id}`, 'meeting'],
      [`/meetings/${meeting.id}/edit`, 'edit'],
    ] as const) {
      await page.goto(`${base}${url}`);
      t.same(await wcagViolations(page), [], `${name}: axe finds nothing (WCAG 2.2 AA)`);
      t.equal(await horizontalOverflow(page), 0, `${name}: no horizontal scroll at 390 px`);
    }

    await page.goto(`${base}/meetings/${meeting.id}`);
    const focusedText = () =>
      page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } })
          .document;
        // The button's name: its visible words and, for a screen reader, the item's title.
        return doc.activeElement?.getAttribute('aria-label') ?? '';
      });
    let found = false;
    for (let i = 0; i < 80 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = (await focusedText()) === 'Move down: Opening';
    }
    t.ok(found, 'Tab reaches the Move down button of Opening');
    await page.keyboard.press('Enter');
    await page.locator('[data-agenda-status]').filter({ hasText: 'Item 1 is now 2.' }).waitFor();
    t.equal(await focusedText(), 'Move down: Opening', 'the focus stays on the moved item');
    t.equal(
      await page.locator(`#item-${opening.id} > .agendum-agenda__row [data-item-number]`).innerText(),
      '2',
      'renumbered in place',
    );
    t.equal(new URL(page.url()).pathname, `/meetings/${meeting.id}`, 'no reload');
    t.same(
      app.services.agenda.list(staff, meeting.id).map((i) => `${i.number} ${i.title}`),
      ['1 Cybersecurity', '1.1 Work streams', '2 Opening', '3 Closing remarks'],
      'the order is saved',
    );
  },
);
