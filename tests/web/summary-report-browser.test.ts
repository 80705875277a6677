import type { Browser } from 'playwright-core';
import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser } from '../support/browser.js';
import { announceScreenshots, auditedContext, besidesEcl, eclOnly, signIn } from '../support/page-audit.js';
import { recordedMeeting } from '../support/recorded-meeting.js';
import { WEB_PASSWORD, webPerson } from '../support/web-session.js';

/**
 * The summary report's pages as a browser shows them, held to the page auditor's checks: axe-core
 * (WCAG 2.2 AA), ECL's classes, the CSP, no console error, nothing wider than a 390 px phone.
 * The secretariat: a meeting without a report, the report in review at version 2 (its moves,
 * forms, versions and history), its edit form, a refused edit, the comparison of versions 1 and
 * 2, a refused move, the report released with its adoption form. A delegate: the released text.
 */
t.test(
  "the summary report's pages pass the page auditor's checks, for the secretariat and a delegate",
  { skip: hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium)' },
  async (t) => {
    const app = await build(t, { config: testConfig(t), now: () => new Date() });
    const { staff, meeting, next, item91 } = await recordedMeeting(app);
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
    const dirk = await webPerson(app, 'delegate');

    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser: Browser = await launchBrowser();
    t.teardown(() => browser.close());
    announceScreenshots((line) => t.comment(line));
    // The page auditor: the pages' CSP in force, axe-core (WCAG 2.2 AA), ECL's classes, the console, 390 px.
    const auditor = await auditedContext(browser);
    const page = await auditor.newPage();
    await signIn(page, base, sam.email, WEB_PASSWORD);

    // A refused form answers 422, which Chromium logs as a resource that failed: that is the answer expected.
    const isRefusal = (finding: string) => finding.includes('responded with a status of 422');
    const check = async (name: string) => {
      const findings = (await auditor.audit(page, 'summary-report', name)).filter((f) => !isRefusal(f));
      t.same(besidesEcl(findings), [], `${name}: axe, width, CSP, requests, console`);
      t.same(eclOnly(findings), [], `${name}: ECL classes`);
    };
    const report = `${base}/meetings/${meeting.id}/summary-report`;

    await page.goto(`${base}/meetings/${next.id}/summary-report`);
    await page.waitForSelector('#report-assemble');
    await check('no-report');

    await page.goto(report);
    t.equal(await page.locator('#report-state').textContent(), 'In review');
    await check('report');

    await page.goto(`${report}/edit`);
    await page
      .getByLabel('9.1. Update from the Work Stream 12 of the NIS cooperation group', { exact: true })
      .fill('The Network took note of the update[^1].');
    await check('edit');
    await page.getByRole('button', { name: 'Save a new version' }).click();
    await page.waitForSelector('#error-summary');
    t.equal(
      await page
        .getByLabel('9.1. Update from the Work Stream 12 of the NIS cooperation group', { exact: true })
        .inputValue(),
      'The Network took note of the update[^1].',
      'the refused text is kept',
    );
    await check('edit-refused');

    await page.goto(`${report}/diff?from=1&to=2`);
    t.equal(await page.locator('ins').count(), 2);
    await check('diff');

    await page.goto(report);
    await page.getByRole('button', { name: 'Return to drafting' }).click();
    await page.waitForSelector('#error-summary');
    await check('return-refused');
    await page.getByRole('button', { name: 'Release for comments' }).click();
    await page.waitForSelector('#report-adoption-item');
    t.equal(await page.locator('#report-state').textContent(), 'Released for comments');
    await check('released');

    const reader = await auditedContext(browser);
    const readerPage = await reader.newPage();
    await signIn(readerPage, base, dirk.email, WEB_PASSWORD);
    await readerPage.goto(report);
    t.equal(await readerPage.locator('#report-state').textContent(), 'Released for comments');
    const findings = await reader.audit(readerPage, 'summary-report', 'delegate');
    t.same(besidesEcl(findings), [], 'the delegate reads the report: axe, width, CSP, requests, console');
    t.same(eclOnly(findings), [], 'the delegate reads the report: ECL classes');
  },
);
