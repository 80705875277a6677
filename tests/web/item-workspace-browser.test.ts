import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import t from 'tap';
import { simpleContent } from '../factories.js';
import { build } from '../helper.js';
import { hasChromium, launchBrowser, screenshot } from '../support/browser.js';
import { webPerson, webSecretariatWithMeeting, WEB_PASSWORD } from '../support/web-session.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

t.test(
  'the item workspace and the comparison: no axe violation, no horizontal scroll at 390 px',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { now: () => new Date() });
    const { staff, meeting } = await webSecretariatWithMeeting(app);
    const rita = await webPerson(app, 'rapporteur');
    const ritaActor = { id: rita.id, name: rita.name, role: 'rapporteur' as const };
    const item = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
    app.services.notes.createVersion(ritaActor, item.id, simpleContent());
    app.services.workflow.perform(ritaActor, item.id, { event: 'submit' });
    app.services.workflow.perform(staff, item.id, { event: 'return', comment: 'Please shorten the summary.' });
    app.services.notes.createVersion(ritaActor, item.id, {
      sections: { issueAtStake: ['What is at stake.'], summary: ['The summary, shorter.', 'A new paragraph.'] },
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(rita.email);
    await page.getByLabel('Password').fill(WEB_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/meetings|\/my-items/);

    for (const [name, url] of [
      ['item-workspace', `/items/${item.id}`],
      ['item-diff', `/items/${item.id}/diff?a=1&b=2`],
      ['item-write', `/items/${item.id}/write`],
      ['my-items', '/my-items'],
    ] as const) {
      await page.goto(`${base}${url}`);
      await screenshot(page, name);
      const width = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
            .scrollWidth,
      );
      const wide = await page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: {
              querySelectorAll: (
                s: string,
              ) => ArrayLike<{ getBoundingClientRect: () => { right: number }; tagName: string; className: string }>;
            };
          }
        ).document;
        return Array.from(doc.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > 390)
          .map((e) => `${e.tagName}.${e.className}`)
          .slice(0, 8);
      });
      t.ok(width <= 390, `${name}: ${width} px wide at 390 px`, { wide });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async (tags) => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
          runOnly: { type: 'tag', values: tags },
        });
        return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, TAGS);
      t.same(violations, [], `${name}: no axe violation`);
    }
  },
);
