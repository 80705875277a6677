import type { Browser } from 'playwright-core';
import t from 'tap';
import { PDFDocument } from 'pdf-lib';
import { simpleContent } from '../factories.js';
import { build, testConfig } from '../helper.js';
import { hasChromium, horizontalOverflow, launchBrowser, wcagViolations } from '../support/browser.js';
import { WEB_PASSWORD, webPerson, webSecretariatWithMeeting } from '../support/web-session.js';

/**
 * The item page with its extras as a browser shows them: WCAG 2.2 AA by axe-core, and nothing
 * wider than a 390 px phone. Once while drafting (annexes, settings, rapporteurs, delete), once
 * postponed (the outcome, carrying over).
 */
t.test(
  "the item page's extras pass axe-core and fit a 390 px screen",
  { skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium)' },
  async (t) => {
    const app = await build(t, { config: testConfig(t), now: () => new Date() });
    const { sam, staff, meeting } = await webSecretariatWithMeeting(app);
    await webPerson(app, 'rapporteur', 'rita@example.org');
    const later = { startDate: '2031-05-10', endDate: '2031-05-11', city: 'Lisbon', country: 'Portugal' };
    app.services.meetings.create(staff, { ordinal: 19, ...later, networkId: meeting.network.id });
    const drafting = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity in the health sector' });
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const bytes = Buffer.from(await pdf.save());
    await app.services.ingest.addAnnex(staff, drafting.id, { bytes, fileName: 'work-stream-12-mandate-2020.pdf' });
    const postponed = app.services.agenda.create(staff, meeting.id, { title: 'European Health Data Space' });
    app.services.notes.createVersion(staff, postponed.id, simpleContent());
    app.services.workflow.perform(staff, postponed.id, { event: 'submit' });
    app.services.workflow.perform(staff, postponed.id, { event: 'release' });
    app.services.workflow.changeNote(staff, postponed.id, { outcome: 'postponed' });

    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser: Browser = await launchBrowser();
    t.teardown(() => browser.close());
    // axe-core is injected as an inline script: the test context lets it past the CSP.
    const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(sam.email);
    await page.getByLabel('Password').fill(WEB_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/meetings`);

    for (const item of [drafting, postponed]) {
      await page.goto(`${base}/items/${item.id}`);
      await page.waitForSelector('.agendum-extras');
      t.same(await wcagViolations(page), [], `item ${item.number}: no WCAG A/AA violation`);
      t.equal(await horizontalOverflow(page), 0, `item ${item.number}: no horizontal scroll at 390 px`);
    }
    t.equal(await page.locator('#carry-meeting option').count(), 1, 'the later meeting is offered');
  },
);
