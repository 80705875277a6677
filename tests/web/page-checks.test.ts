import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser } from '../support/browser.js';
import {
  announceScreenshots,
  auditedContext,
  besidesEcl,
  eclOnly,
  signIn,
  watchPointer,
  type Auditor,
} from '../support/page-audit.js';
import { WEB_PASSWORD, webPerson, webSecretariatWithMeeting } from '../support/web-session.js';

const SEED = fileURLToPath(new URL('../fixtures/seeds/ehn18-item-9.2-cybersecurity-reflections.txt', import.meta.url));

type Role = 'secretariat' | 'rapporteur' | 'delegate';
interface World {
  meetingId: number;
  released: number;
  draft: number;
  packetId: number;
}

/**
 * Every page on main, as each role reaches it: one row per page. `open` goes there (a URL, or
 * steps on a page for what a POST shows). Every finding fails, the ECL classes reported apart.
 */
const PAGES: {
  role: Role;
  name: string;
  open: string | ((page: Page, w: World) => Promise<void>);
}[] = [
  { role: 'secretariat', name: 'meetings', open: '/meetings' },
  { role: 'secretariat', name: 'meeting', open: '/meetings/{meetingId}' },
  { role: 'secretariat', name: 'item-released', open: '/items/{released}' },
  { role: 'secretariat', name: 'item-draft', open: '/items/{draft}' },
  { role: 'secretariat', name: 'diff', open: '/items/{released}/diff?a=1&b=2' },
  { role: 'secretariat', name: 'packet', open: '/packets/{packetId}' },
  { role: 'secretariat', name: 'ledger', open: '/meetings/{meetingId}/ledger' },
  { role: 'secretariat', name: 'record', open: '/meetings/{meetingId}/record' },
  { role: 'secretariat', name: 'item-record', open: '/items/{released}/record' },
  { role: 'secretariat', name: 'summary-report', open: '/meetings/{meetingId}/summary-report' },
  { role: 'rapporteur', name: 'meetings', open: '/meetings' },
  { role: 'rapporteur', name: 'my-items', open: '/my-items' },
  { role: 'rapporteur', name: 'meeting', open: '/meetings/{meetingId}' },
  { role: 'rapporteur', name: 'item-draft', open: '/items/{draft}' },
  { role: 'rapporteur', name: 'item-released', open: '/items/{released}' },
  { role: 'rapporteur', name: 'upload-preview', open: uploadPreview },
  { role: 'delegate', name: 'meetings', open: '/meetings' },
  { role: 'delegate', name: 'meeting', open: '/meetings/{meetingId}' },
  { role: 'delegate', name: 'item-released', open: '/items/{released}' },
  { role: 'delegate', name: 'record', open: '/meetings/{meetingId}/record' },
];

async function uploadPreview(page: Page, w: World) {
  await page.goto(`${new URL(page.url()).origin}/items/${w.draft}`);
  await page.getByLabel('Upload a draft').setInputFiles(SEED);
  await page.getByRole('button', { name: 'Preview' }).press('Enter');
  await page.waitForURL(/\/upload$/);
}

/** A meeting with a released note (two versions) and a draft, both Rita's, and a packet sent. */
async function world(app: FastifyInstance): Promise<World> {
  const { staff, meeting } = await webSecretariatWithMeeting(app);
  const rita = await webPerson(app, 'rapporteur');
  await webPerson(app, 'delegate');
  const { agenda, notes, workflow, packets } = app.services;
  const released = agenda.create(staff, meeting.id, { title: 'Cybersecurity', rapporteurIds: [rita.id] });
  const draft = agenda.create(staff, meeting.id, { title: 'European Health Data Space', rapporteurIds: [rita.id] });
  const sections = (summary: string) => ({
    sections: { issueAtStake: ['What is at stake.'], summary: [summary], procedure: ['For information.'] },
  });
  notes.createVersion(staff, released.id, sections('The first summary.'));
  notes.createVersion(staff, released.id, sections('The second summary, longer.'));
  workflow.perform(staff, released.id, { event: 'submit' });
  workflow.perform(staff, released.id, { event: 'release', procedure: 'for-information' });
  notes.createVersion(staff, draft.id, sections('A draft summary.'));
  const packet = packets.create(staff, meeting.id, {
    subject: '18th eHealth Network meeting: documents',
    message: 'Dear delegate, the documents are attached.',
  });
  return { meetingId: meeting.id, released: released.id, draft: draft.id, packetId: packet.id };
}

const fill = (path: string, w: World) => path.replace(/\{(\w+)\}/g, (_, key: keyof World) => String(w[key]));

t.test(
  'every page on main passes the acceptance checks, as each role',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '100' }), now: () => new Date() });
    const w = await world(app);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    announceScreenshots((line) => t.comment(line));

    const sessions = new Map<Role, { auditor: Auditor; page: Page }>();
    for (const role of ['secretariat', 'rapporteur', 'delegate'] as const) {
      const auditor = await auditedContext(browser);
      const page = await auditor.newPage();
      if (role === 'secretariat') {
        await page.goto(`${base}/sign-in`);
        const findings = await auditor.audit(page, 'pages', 'sign-in');
        t.same(besidesEcl(findings), [], 'sign-in: axe, width, CSP, requests, console');
        t.same(eclOnly(findings), [], 'sign-in: ECL classes');
      }
      await signIn(page, base, `${role}.web@example.org`, WEB_PASSWORD);
      sessions.set(role, { auditor, page });
    }

    for (const row of PAGES) {
      const { auditor, page } = sessions.get(row.role)!;
      if (typeof row.open === 'string') {
        const answer = await page.goto(`${base}${fill(row.open, w)}`);
        t.equal(answer?.status(), 200, `${row.role} opens ${row.name}`);
      } else await row.open(page, w);
      const findings = await auditor.audit(page, 'pages', `${row.role}-${row.name}`);
      t.same(besidesEcl(findings), [], `${row.role}: ${row.name}: axe, width, CSP, requests, console`);
      t.same(eclOnly(findings), [], `${row.role}: ${row.name}: ECL classes`);
    }
  },
);

t.test(
  'the auditor finds a foreign request, a CSP violation, an axe violation, a console error and a wide page',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { now: () => new Date() });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const auditor = await auditedContext(browser);
    const pointer: string[] = [];
    await watchPointer(auditor.context, (type) => pointer.push(type));
    const page = await auditor.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').focus();
    await page.keyboard.press('Tab');
    t.same(pointer, [], 'the keyboard makes no pointer event');
    await page.mouse.click(5, 5);
    // The page reports through a binding: a few round trips let both events arrive.
    for (let i = 0; i < 20 && pointer.length < 2; i += 1) await page.evaluate(() => 0);
    t.same(pointer, ['pointerdown', 'mousedown'], 'a mouse click is seen');
    await page.evaluate(() => {
      interface El {
        src: string;
        textContent: string;
        style: { width: string; height: string };
      }
      const doc = (
        globalThis as unknown as { document: { createElement(t: string): El; body: { append(e: El): void } } }
      ).document;
      const img = doc.createElement('img');
      img.src = '/assets/no-such-logo.png';
      doc.body.append(img);
      const script = doc.createElement('script');
      script.textContent = 'void 0';
      doc.body.append(script);
      const wide = doc.createElement('div');
      wide.style.width = '900px';
      wide.style.height = '1px';
      doc.body.append(wide);
      // And a page without ECL's site header.
      (doc as unknown as { querySelector(s: string): { remove(): void } | null })
        .querySelector('header.ecl-site-header')
        ?.remove();
    });
    // The CSP stops a foreign image or fetch; a page opening a foreign address is what gets out.
    const other = await auditor.newPage();
    await other.goto('https://cdn.example.org/logo.png').catch(() => undefined);
    await other.close();
    const findings = (await auditor.audit(page, 'self-test', 'broken')).join('\n');
    t.match(findings, /axe image-alt \(critical\)/, 'axe runs with the page CSP in force');
    t.match(findings, /request to a foreign host: https:\/\/cdn\.example\.org\/logo\.png/);
    t.match(findings, /CSP violation on .*\/sign-in: script-src(-elem)? blocked inline/);
    t.match(findings, /console error on .*\/sign-in: .*404/, 'the missing image logs an error');
    t.match(findings, /900 px wide at 390 px/);
    t.match(findings, /ECL: no header/);
  },
);
