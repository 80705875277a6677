import type { Browser } from 'playwright-core';
import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, horizontalOverflow, launchBrowser, wcagViolations } from '../support/browser.js';
import { recordedMeeting } from '../support/recorded-meeting.js';
import { WEB_PASSWORD, webPerson } from '../support/web-session.js';

/**
 * The summary report's pages as a browser shows them: WCAG 2.2 AA by axe-core, and nothing wider
 * than a 390 px phone. The report in review at version 2 (its moves, forms, versions and history),
 * its edit form, a refused edit, the comparison of versions 1 and 2, a refused move, and the
 * report released with its adoption form.
 */
t.test(
  "the summary report's pages pass axe-core and fit a 390 px screen",
  { skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium)' },
  async (t) => {
    const app = await build(t, { config: testConfig(t), now: () => new Date() });
    const { staff, meeting, item91 } = await recordedMeeting(app);
    app.services.records.setConclusions(staff, item91.id, {
      blocks: [[{ text: 'The Network took note of the update.' }]],
    });
    app.services.actionPoints.add(staff, item91.id, {
      what: 'Send comments on the guidelines',
      ownerDelegation: 'Belgium',
    });
    const reports = app.services.summaryReports;
    reports.assemble(staff, meeting.id);
    reports.edit(staff, meeting.id, {
      opening: { blocks: [[{ text: 'The co-chair opened the meeting and the agenda was approved.' }]] },
      items: [
        {
          itemId: item91.id,
          conclusions: { blocks: [[{ text: 'The Network took note of the Work Stream 12 update.' }]] },
        },
      ],
    });
    reports.transition(staff, meeting.id, { event: 'submit' });
    const sam = await webPerson(app, 'secretariat');

    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser: Browser = await launchBrowser();
    t.teardown(() => browser.close());
    // axe-core is injected as an inline script: the test context lets it past the CSP.
    const page = await (
      await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(sam.email);
    await page.getByLabel('Password').fill(WEB_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/meetings`);

    const check = async (name: string) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      t.same(await wcagViolations(page), [], `${name}: no WCAG A/AA violation`);
      await page.setViewportSize({ width: 390, height: 844 });
      t.equal(await horizontalOverflow(page), 0, `${name}: no horizontal scroll at 390 px`);
    };
    const report = `${base}/meetings/${meeting.id}/summary-report`;

    await page.goto(report);
    t.equal(await page.locator('#report-state').textContent(), 'In review');
    await check('the report page');

    await page.goto(`${report}/edit`);
    await page
      .getByLabel('9.1. Update from the Work Stream 12 of the NIS cooperation group', { exact: true })
      .fill('The Network took note of the update[^1].');
    await check('the edit page');
    await page.getByRole('button', { name: 'Save a new version' }).click();
    await page.waitForSelector('#error-summary');
    t.equal(
      await page
        .getByLabel('9.1. Update from the Work Stream 12 of the NIS cooperation group', { exact: true })
        .inputValue(),
      'The Network took note of the update[^1].',
      'the refused text is kept',
    );
    await check('the refused edit');

    await page.goto(`${report}/diff?from=1&to=2`);
    t.equal(await page.locator('ins').count(), 2);
    await check('the comparison of versions 1 and 2');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(report);
    await page.getByRole('button', { name: 'Return to drafting' }).click();
    await page.waitForSelector('#error-summary');
    await check('a return refused for want of a reason');
    await page.getByRole('button', { name: 'Release for comments' }).click();
    await page.waitForSelector('#report-adoption-item');
    t.equal(await page.locator('#report-state').textContent(), 'Released for comments');
    await check('the released report with the adoption form');
  },
);
