import t from 'tap';
import { build, testConfig } from '../helper.js';
import { wcagViolations, hasChromium, launchBrowser, horizontalOverflow } from '../support/browser.js';
import { meetingWithDelegates } from '../support/mail-meeting.js';
import { signIn } from '../support/page-audit.js';
import { startTestSmtp } from '../support/smtp.js';
import { WEB_PASSWORD, webPerson } from '../support/web-session.js';

t.test(
  'the packet pages in a real browser: progress without a reload, no axe violation, no sideways scroll at 390 px',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    // A slow mail server keeps the packet on its way long enough to see the page follow it.
    const smtp = await startTestSmtp({ delayMs: 4000 });
    t.teardown(() => smtp.close());
    const app = await build(t, {
      config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_SIGNIN_PER_MINUTE: '100' }),
      now: () => new Date(),
    });
    const { meeting } = await meetingWithDelegates(app, 2);
    const sam = await webPerson(app, 'secretariat');
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(sam.email);
    await page.getByLabel('Password').fill(WEB_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/meetings/);

    const checked: Record<string, { axe: string[]; overflow: number }> = {};
    const check = async (name: string) => {
      checked[name] = { axe: await wcagViolations(page), overflow: await horizontalOverflow(page) };
    };

    await page.goto(`${base}/meetings/${meeting.id}/packets/new`);
    await check('compose');
    await page.getByLabel('Subject').fill('Documents of the 18th meeting');
    await page.getByRole('button', { name: 'Preview the packet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check the packet before sending' });
    await dialog.waitFor();
    t.equal(new URL(page.url()).pathname, `/meetings/${meeting.id}/packets/new`, 'the preview opens over the form');
    t.match(await dialog.locator('.agendum-mail-text').innerText(), /^Dear Delegate 1,/);
    await check('preview');
    await dialog.getByRole('button', { name: 'Change the packet' }).click();
    await dialog.waitFor({ state: 'hidden' });
    t.equal(await page.getByLabel('Subject').inputValue(), 'Documents of the 18th meeting', 'changing keeps what was typed');
    await page.getByRole('button', { name: 'Preview the packet' }).click();
    await dialog.getByRole('button', { name: 'Send the packet to 2 recipient(s)' }).click();
    await page.waitForURL(/\/packets\/1\?/);
    const live = page.locator('#packet-progress');
    t.equal(await live.getAttribute('aria-live'), 'polite');
    t.match(await live.innerText(), /^Sending… /, 'on its way when the page opens');
    await page.evaluate('window.stayed = true');
    // A loaded machine renders and sends the packet slowly: the bound catches a hang, it times nothing.
    await page.waitForFunction("/^Done: /.test(document.getElementById('packet-progress').textContent)", null, {
      timeout: 90_000,
    });
    t.equal(
      await live.innerText(),
      'Done: 2 sent, 0 could not be delivered, 0 waiting, of 2.',
      'the live region says it is done',
    );
    t.equal(await page.evaluate('window.stayed'), true, 'without reloading the page');
    t.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0, 'no meta refresh');
    t.equal(await page.locator('[data-recipient] [data-state]').first().innerText(), 'Delivered to the mail server');
    t.notMatch(await page.locator('main').innerText(), /Sending…|250|\.eml/);
    await check('packet');
    await page.goto(`${base}/meetings/${meeting.id}/packets`);
    await check('list');
    await page.goto(`${base}/meetings/${meeting.id}/recipients`);
    await check('recipients');

    // Without JavaScript the same preview is a page of its own, with the same Send button.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await signIn(noScript, base, sam.email, WEB_PASSWORD);
    await noScript.goto(`${base}/meetings/${meeting.id}/packets/new`);
    await noScript.getByLabel('Subject').fill('Documents of the 18th meeting');
    await noScript.getByRole('button', { name: 'Preview the packet' }).click();
    await noScript.waitForURL(/\/packets\/preview$/);
    t.match(await noScript.locator('.agendum-mail-text').innerText(), /^Dear Delegate 1,/, 'the preview page');
    t.ok(await noScript.getByRole('button', { name: 'Send the packet to 2 recipient(s)' }).isVisible());
    await plain.close();

    t.same(checked, {
      compose: { axe: [], overflow: 0 },
      preview: { axe: [], overflow: 0 },
      packet: { axe: [], overflow: 0 },
      list: { axe: [], overflow: 0 },
      recipients: { axe: [], overflow: 0 },
    });
  },
);
