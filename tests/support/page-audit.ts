import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * The acceptance checks every page is held to (issues 15 and 22), run in a real Chromium:
 * nothing leaves 127.0.0.1, no CSP violation, no console error, axe-core (WCAG 2.1 AA + 2.2)
 * with no violation of any impact, no horizontal scroll at 390 px, ECL's classes on the key
 * elements, and a screenshot at 1280 px and 390 px for people to look at.
 */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const WIDE = 1280;
export const NARROW = 390;

/** Where the screenshots go: `<folder>/<journey>/<page>-<width>.png`. */
export const SCREENSHOTS = join(tmpdir(), 'agendum-screenshots');

/** How a finding about ECL's classes starts (the other findings are about safety and access). */
export const ECL_FINDING = 'ECL: ';
/** The findings that are not about ECL's classes. */
export const besidesEcl = (findings: string[]) => findings.filter((line) => !line.includes(`: ${ECL_FINDING}`));
/** The findings about ECL's classes. */
export const eclOnly = (findings: string[]) => findings.filter((line) => line.includes(`: ${ECL_FINDING}`));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Collects CSP violations in every document of the context, across navigations. */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', function (e) {
  window.__agendumCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

export interface Auditor {
  context: BrowserContext;
  /** A new page of the audited context, at 1280 px. */
  newPage(): Promise<Page>;
  /** Every finding on the page as it is now, one readable line each; [] when the page passes. */
  audit(page: Page, journey: string, name: string): Promise<string[]>;
}

/**
 * A browser context whose every request is recorded, with the page's CSP in force (never
 * `bypassCSP`: a violation must show). Requests to any host but 127.0.0.1 are findings.
 */
export async function auditedContext(browser: Browser): Promise<Auditor> {
  const context = await browser.newContext({ viewport: { width: WIDE, height: 900 }, acceptDownloads: true });
  const pending: string[] = [];
  // Recorded, then refused: a test run never reaches out, whatever a page asks for.
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1',
    async (route) => {
      pending.push(`request to a foreign host: ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  await context.exposeBinding('__agendumCspViolation', ({ page }, line: string) => {
    pending.push(`CSP violation on ${page.url()}: ${line}`);
  });
  await context.addInitScript(CSP_LISTENER);
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') pending.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => pending.push(`script error on ${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  return {
    context,
    newPage: () => context.newPage(),
    async audit(page, journey, name) {
      const findings = [
        ...(await axeViolations(page)),
        ...(await missingEcl(page)).map((line) => `${ECL_FINDING}${line}`),
        ...(await screenshotsAndWidth(page, journey, name)),
      ];
      // Findings recorded by listeners since the last audit belong to this page's visit.
      findings.push(...pending.splice(0));
      return findings.map((finding) => `${journey}/${name}: ${finding}`);
    },
  };
}

let announced = false;
/** Says once per test process where the screenshots are. */
export function announceScreenshots(log: (line: string) => void) {
  if (announced) return;
  announced = true;
  log(`screenshots: ${SCREENSHOTS}`);
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Every axe-core violation, whatever its impact. axe is evaluated through the DevTools protocol,
 * not as a <script>, so the page's CSP stays as it is and axe's own code is no violation.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in globalThis);
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (globalThis as unknown as { axe: { run: (o: unknown) => Promise<AxeResult> } }).axe.run({
        runOnly: { type: 'tag', values: tags },
      }),
    AXE_TAGS,
  );
  return results.violations.map(
    (v) => `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** ECL's classes on the key elements, as the ECL issue asks. */
export async function missingEcl(page: Page): Promise<string[]> {
  const belowMeetings = /^\/(meetings\/|items\/|packets\/)/.test(new URL(page.url()).pathname);
  return page.evaluate((needsBreadcrumb) => {
    type El = { tagName: string; className: string; type?: string; closest(s: string): El | null; id: string };
    const doc = (
      globalThis as unknown as { document: { querySelector(s: string): El | null; querySelectorAll(s: string): El[] } }
    ).document;
    const missing: string[] = [];
    const name = (el: El) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`;
    if (!doc.querySelector('header.ecl-site-header')) missing.push('no header.ecl-site-header');
    if (!doc.querySelector('.ecl-page-header h1.ecl-page-header__title'))
      missing.push('no .ecl-page-header with h1.ecl-page-header__title');
    if (doc.querySelectorAll('h1').length !== 1) missing.push(`${doc.querySelectorAll('h1').length} h1 on the page`);
    if (needsBreadcrumb && !doc.querySelector('nav.ecl-breadcrumb')) missing.push('no nav.ecl-breadcrumb');
    for (const table of doc.querySelectorAll('main table:not(.ecl-table)'))
      missing.push(`table without .ecl-table: ${name(table)}`);
    for (const button of doc.querySelectorAll('button:not(.ecl-button), input[type=submit]:not(.ecl-button)')) {
      // ECL components draw their own buttons (modal close, file upload, ...) with their own classes.
      if (!/\becl-/.test(button.className)) missing.push(`button without .ecl-button: ${name(button)}`);
    }
    const fields = doc.querySelectorAll(
      'main input:not([type=hidden]):not([type=submit]):not([type=button]), main select, main textarea',
    );
    for (const input of fields)
      if (!input.closest('.ecl-form-group')) missing.push(`form field outside .ecl-form-group: ${name(input)}`);
    return missing;
  }, belowMeetings);
}

/** Screenshots at 1280 px and 390 px; at 390 px the document may be no wider than the viewport. */
async function screenshotsAndWidth(page: Page, journey: string, name: string): Promise<string[]> {
  const folder = join(SCREENSHOTS, journey);
  mkdirSync(folder, { recursive: true });
  const findings: string[] = [];
  const height = page.viewportSize()?.height ?? 900;
  await page.screenshot({ path: join(folder, `${name}-${WIDE}.png`), fullPage: true });
  await page.setViewportSize({ width: NARROW, height: 844 });
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );
  if (width > NARROW) findings.push(`${width} px wide at ${NARROW} px`);
  await page.screenshot({ path: join(folder, `${name}-${NARROW}.png`), fullPage: true });
  await page.setViewportSize({ width: WIDE, height });
  return findings;
}

const POINTER_LISTENER = `for (const type of ['pointerdown', 'mousedown', 'contextmenu']) {
  document.addEventListener(type, function () { window.__agendumPointer(type); }, true);
}`;

/** Calls `seen` for every pointer event in any page of the context: a keyboard-only journey sees none. */
export async function watchPointer(context: BrowserContext, seen: (type: string) => void) {
  await context.exposeBinding('__agendumPointer', (_, type: string) => seen(type));
  await context.addInitScript(POINTER_LISTENER);
}

/** Signs in on the sign-in page of `base` (the form's labels as the page map keeps them). */
export async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).press('Enter');
  await page.waitForURL(/\/meetings$/);
}
