import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Locator, Page } from 'playwright-core';
import t, { type Test } from 'tap';
import type { Actor } from '../../src/domain/roles.js';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser } from '../support/browser.js';
import { announceScreenshots, auditedContext, watchPointer, type Auditor } from '../support/page-audit.js';
import { listTablePdf } from '../support/pdf-drafts.js';
import { WEB_PASSWORD, webSecretariatWithMeeting } from '../support/web-session.js';
import { routeShape } from './route-pages.js';

/**
 * Issue 15's keyboard-only journeys for the three roles, on the page map's URLs and labels.
 * No mouse: controls are reached with `focus()` and worked with Enter, Space or typing; a
 * script in every page counts pointer events and the count must stay 0.
 *
 * The labels of the pages still being built are guesses kept in this block, so that the merge
 * fixes them in one place. The labels of pages already on main come from src/rendering/html/text.ts.
 */
const LABEL = {
  // On main today.
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  ordinal: 'Number of the meeting',
  firstDay: 'First day',
  lastDay: 'Last day',
  city: 'City',
  country: 'Country',
  create: 'Create',
  title: 'Title',
  underItem: 'Under item',
  addItem: 'Add an agenda item',
  uploadDraft: 'Upload a draft',
  preview: 'Preview',
  saveVersion: 'Save as a new version',
  submit: 'Submit for review',
  reason: 'Comment or reason',
  returnNote: 'Return to the rapporteur',
  release: 'Release',
  procedure: 'Procedure',
  myItems: 'My items',
  returned: 'Returned — action needed',
  released: 'Released',
  // The pages built for issue 15.
  moveDown: (title: string) => `Move down: ${title}`,
  saveRapporteurs: 'Save the rapporteurs',
  annexFile: 'Annex (PDF)',
  uploadAnnex: 'Add the annex',
  writeVersion: 'Write the version as text',
  writeSummary: '2. Summary',
  compareFrom: 'From',
  compareTo: 'To',
  compare: 'Compare',
  composePacket: 'Send a packet',
  subject: 'Subject',
  message: 'Message',
  previewPacket: 'Preview the packet',
  sendPacket: /^Send the packet to \d+ recipient/,
  progress: /^Done: (\d+) sent, 0 could not be delivered, 0 waiting, of \1\.$/,
  downloadPacket: 'Download the packet (PDF)',
} as const;

/** The page routes each journey needs: a journey skips while one is missing (before the merge). */
const NEEDS = {
  agenda: ['POST /meetings', 'POST /meetings/:id/items', 'POST /meetings/:id/order', 'POST /items/:id/rapporteurs'],
  drafting: [
    'POST /items/:id/upload',
    'POST /items/:id/annexes',
    'POST /items/:id/transition',
    'GET /my-items',
    'GET /items/:id/write',
    'POST /items/:id/versions',
    'GET /items/:id/diff',
  ],
  release: [
    'POST /items/:id/transition',
    'GET /meetings/:id/packets/new',
    'POST /meetings/:id/packets/preview',
    'POST /meetings/:id/packets',
    'GET /packets/:id',
    'GET /packets/:id/progress',
  ],
  download: ['GET /meetings/:id', 'GET /meetings/:id/packets'],
};

const SEED_92 = fileURLToPath(
  new URL('../fixtures/seeds/ehn18-item-9.2-cybersecurity-reflections.txt', import.meta.url),
);
/** An annex is a PDF: one is drawn into a temp file before the journeys; beside it, a plain draft. */
const DRAFTS = mkdtempSync(join(tmpdir(), 'agendum-annex-'));
const ANNEX = join(DRAFTS, 'annex-timeline.pdf');
const PLAIN_DRAFT = join(DRAFTS, 'reflections-plain.txt');

interface Person {
  page: Page;
  auditor: Auditor;
}

/** Focuses a control and presses a key on it: the keyboard's click. */
async function press(control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await control.focus();
  await control.page().keyboard.press(key === 'Space' ? ' ' : key);
}

async function type(field: Locator, value: string) {
  await field.focus();
  await field.fill(value);
}

t.test('keyboard-only journeys of issue 15', { skip: hasChromium() ? false : 'no /usr/bin/chromium' }, async (t) => {
  const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '100' }), now: () => new Date() });
  const routes = new Set(app.routeList.map((r) => routeShape(`${r.method} ${r.url}`)));
  const missing = (needs: string[]) => needs.filter((need) => !routes.has(routeShape(need)));
  const skipUnless = (needs: string[]) => {
    const gone = missing(needs);
    return gone.length ? `pages not built yet: ${gone.join(', ')}` : false;
  };
  writeFileSync(ANNEX, await listTablePdf());
  writeFileSync(
    PLAIN_DRAFT,
    [
      '1. Issue at stake',
      'There is value now in taking stock of cybersecurity initiatives in health.',
      '2. Summary',
      'The summary, before the ENISA reference.',
      '3. Format of procedure in the meeting',
      'For discussion.',
    ].join('\n\n'),
  );
  const { staff, meeting } = await webSecretariatWithMeeting(app);
  const person = (name: string, email: string, role: 'rapporteur' | 'delegate') =>
    app.services.people.create('system', { name, email, role, password: WEB_PASSWORD });
  const rita = await person('Rita Rapporteur', 'rita@example.org', 'rapporteur');
  const ruth = await person('Ruth Rapporteur', 'ruth@example.org', 'rapporteur');
  await person('Dirk Delegate', 'dirk@example.org', 'delegate');
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  announceScreenshots((line) => t.comment(line));
  const pointerEvents: string[] = [];
  const people = new Map<string, Person>();

  /** A signed-in browser context per person, kept for the whole run. */
  async function as(email: string, journey: string): Promise<Person> {
    const known = people.get(email);
    if (known) return known;
    const auditor = await auditedContext(browser);
    await watchPointer(auditor.context, (type) => pointerEvents.push(`${journey}: ${type}`));
    const page = await auditor.newPage();
    await page.goto(`${base}/sign-in`);
    await type(page.getByLabel(LABEL.email), email);
    await type(page.getByLabel(LABEL.password), WEB_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/meetings$/);
    const person = { page, auditor };
    people.set(email, person);
    return person;
  }
  /** Audits the page: axe, width, CSP, requests and ECL classes; a finding fails the journey. */
  async function audited(t: Test, who: Person, journey: string, name: string) {
    t.same(await who.auditor.audit(who.page, journey, name), [], `${journey}: ${name} passes the page checks`);
  }
  let packetSent = false;

  t.test(
    'the secretariat creates a meeting with sub-items, reorders it and assigns rapporteurs',
    {
      skip: skipUnless(NEEDS.agenda),
    },
    async (t) => {
      const who = await as('secretariat.web@example.org', 'agenda');
      const { page } = who;
      await type(page.getByLabel(LABEL.ordinal), '19');
      await type(page.getByLabel(LABEL.firstDay), '2021-06-08');
      await type(page.getByLabel(LABEL.lastDay), '2021-06-08');
      await type(page.getByLabel(LABEL.city), 'Lisbon');
      await type(page.getByLabel(LABEL.country), 'Portugal');
      await press(page.getByRole('button', { name: LABEL.create }));
      await page.waitForURL(/\/meetings\/\d+(\?.*)?$/);
      await audited(t, who, 'agenda', 'new-meeting');
      for (const [title, parent] of [
        ['Opening', ''],
        ['Cybersecurity', ''],
        ['NIS Cooperation Group', '2 Cybersecurity'],
        ['Reflections on cybersecurity in the health sector', '2 Cybersecurity'],
        ['Any other business', ''],
      ] as const) {
        await type(page.locator('#item-title'), title);
        if (parent) {
          await page.locator('#item-parent').focus();
          await page.locator('#item-parent').selectOption({ label: parent });
        }
        await press(page.getByRole('button', { name: LABEL.addItem }));
        await page.getByRole('link', { name: new RegExp(`^[\\d.]+\\s+${title}$`) }).waitFor();
      }
      t.ok(await page.getByRole('link', { name: /^2\.2\s+Reflections/ }).isVisible(), 'sub-items numbered under 2');

      // Reordering by keyboard: focus stays on the moved item and the numbers follow.
      const move = page.getByRole('button', { name: LABEL.moveDown('Opening') });
      await press(move);
      await page.getByRole('link', { name: /^2\s+Opening$/ }).waitFor();
      const focused = await page.evaluate(() => {
        interface El {
          getAttribute(name: string): string | null;
          closest(selector: string): { textContent: string | null } | null;
        }
        const active = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
        return `${active?.getAttribute('aria-label') ?? ''} ${active?.closest('li, tr')?.textContent ?? ''}`;
      });
      t.match(focused, /Opening/, 'focus stays on the moved item');
      t.ok(await page.getByRole('link', { name: /^1\.2\s+Reflections/ }).isVisible(), 'Cybersecurity is 1 now');
      await audited(t, who, 'agenda', 'reordered');

      // Rapporteurs of an existing item, on its page.
      await press(page.getByRole('link', { name: /^1\.2\s+Reflections/ }));
      await page.waitForURL(/\/items\/\d+(\?.*)?$/);
      // Ticked with the space bar, as a keyboard does.
      for (const name of [rita.name, ruth.name]) await press(page.getByRole('checkbox', { name }), 'Space');
      await press(page.getByRole('button', { name: LABEL.saveRapporteurs }));
      await page.getByText(`${rita.name}, ${ruth.name}`).first().waitFor();
      await audited(t, who, 'agenda', 'item-rapporteurs');
    },
  );

  t.test(
    'a rapporteur drafts with an annex, is returned with a reason, sees it, and compares versions 1 and 3',
    {
      skip: skipUnless(NEEDS.drafting),
    },
    async (t) => {
      const item = app.services.agenda.create(staff, meeting.id, {
        title: 'Reflections on cybersecurity',
        rapporteurIds: [rita.id],
      });
      const itemUrl = `${base}/items/${item.id}`;
      const rapporteur = await as('rita@example.org', 'drafting');
      const { page } = rapporteur;
      await page.goto(itemUrl);
      await uploadDraft(page, SEED_92);
      await page.locator('#annex-file').setInputFiles(ANNEX);
      await press(page.getByRole('button', { name: LABEL.uploadAnnex }));
      await page.getByRole('link', { name: /annex-timeline/ }).waitFor();
      await press(page.getByRole('button', { name: LABEL.submit }));
      await page.getByText('In review').first().waitFor();
      await audited(t, rapporteur, 'drafting', 'submitted');

      const secretariat = await as('secretariat.web@example.org', 'drafting');
      await secretariat.page.goto(itemUrl);
      const reason = 'Please add the ENISA reference to the summary.';
      await type(secretariat.page.locator('#c-return'), reason);
      await press(secretariat.page.getByRole('button', { name: LABEL.returnNote }));
      await secretariat.page.getByText(LABEL.returned).first().waitFor();
      await audited(t, secretariat, 'drafting', 'returned');

      await page.goto(itemUrl);
      t.match(await page.locator('main').innerText(), reason, 'the reason on the item page');
      t.match(await page.locator('#note-state').innerText(), LABEL.returned, 'the state says returned');
      await audited(t, rapporteur, 'drafting', 'item-returned');
      await press(page.getByRole('link', { name: LABEL.myItems }));
      await page.waitForURL(/\/my-items$/);
      t.match(await page.locator('main').innerText(), LABEL.returned, 'My items says returned');
      await audited(t, rapporteur, 'drafting', 'my-items-returned');

      // Version 2 uploaded as plain paragraphs, version 3 typed over it as text (the text form is
      // offered over plain paragraphs only: the seed's footnotes would be flattened); then 1 and 3 compared.
      await page.goto(itemUrl);
      await uploadDraft(page, PLAIN_DRAFT);
      await press(page.getByRole('link', { name: LABEL.writeVersion }));
      await page.waitForURL(/\/write$/);
      await type(page.locator('#w-summary'), 'The summary, with the ENISA reference.');
      await press(page.getByRole('button', { name: LABEL.saveVersion }));
      await page.waitForURL(/\/items\/\d+(\?.*)?$/);
      await page.locator('#compare-a').focus();
      await page.locator('#compare-a').selectOption({ label: 'Version 1' });
      await page.locator('#compare-b').focus();
      await page.locator('#compare-b').selectOption({ label: 'Version 3' });
      await press(page.getByRole('button', { name: LABEL.compare, exact: true }));
      await page.waitForURL(/\/diff\?a=1&b=3$/);
      t.ok(await page.locator('ins').count(), 'insertions marked');
      t.ok(await page.locator('del').count(), 'deletions marked');
      await audited(t, rapporteur, 'drafting', 'diff-1-3');
      await page.goto(itemUrl);
      await press(page.getByRole('button', { name: LABEL.submit }));
      await page.getByText('In review').first().waitFor();
    },
  );

  t.test(
    'the secretariat releases with the proposed procedure kept, previews and sends the packet, follows it',
    {
      skip: skipUnless(NEEDS.release),
    },
    async (t) => {
      const item = itemInReview(app, staff, meeting.id, rita.id);
      const who = await as('secretariat.web@example.org', 'release');
      const { page } = who;
      await page.goto(`${base}/items/${item}`);
      const procedure = page.locator('#p-release');
      t.equal(
        await procedure.evaluate(
          (select) => (select as unknown as { selectedOptions: { label: string }[] }).selectedOptions[0]?.label,
        ),
        'For discussion',
        "the draft's proposal is preselected",
      );
      await press(page.getByRole('button', { name: LABEL.release, exact: true }));
      await page.locator('#note-state').getByText(LABEL.released).waitFor();
      t.match(await page.locator('#note-procedure').innerText(), /For discussion/, 'kept as proposed');
      await audited(t, who, 'release', 'released');

      await page.goto(`${base}/meetings/${meeting.id}`);
      await press(page.getByRole('link', { name: LABEL.composePacket }));
      await page.waitForURL(/\/packets\/new$/);
      await type(page.locator('#packet-subject'), '18th eHealth Network meeting: documents');
      await type(page.locator('#packet-message'), 'Dear {{recipient.name}}, the documents are attached.');
      await audited(t, who, 'release', 'packet-compose');
      await press(page.getByRole('button', { name: LABEL.previewPacket }));
      await page.getByText('Dear Dirk Delegate').first().waitFor();
      const dialog = page.getByRole('dialog', { name: 'Check the packet before sending' });
      t.ok(await dialog.isVisible(), "the preview opens in ECL's modal, over the form");
      await audited(t, who, 'release', 'packet-preview');
      await press(dialog.getByRole('button', { name: LABEL.sendPacket }));
      await page.waitForURL(/\/packets\/\d+(\?.*)?$/);
      // The live region updates itself: no reload, no fixed wait.
      const live = page.locator('[aria-live]').filter({ hasText: LABEL.progress });
      await live.waitFor({ timeout: 30_000 });
      t.match(await live.innerText(), LABEL.progress, 'progress to the end, without reloading');
      await audited(t, who, 'release', 'packet-progress');
      packetSent = true;
    },
  );

  t.test(
    'a delegate downloads the packet from the meeting page',
    {
      skip: skipUnless(NEEDS.download),
    },
    async (t) => {
      if (!packetSent) await sentPacket(app, staff, meeting.id, rita.id);
      const who = await as('dirk@example.org', 'download');
      const { page } = who;
      await page.goto(`${base}/meetings/${meeting.id}`);
      await audited(t, who, 'download', 'meeting');
      const link = page.getByRole('link', { name: LABEL.downloadPacket });
      const [answer] = await Promise.all([
        page.waitForResponse((r) => /\/packets\/\d+\/|packet\.pdf/.test(r.url())),
        press(link),
      ]);
      t.equal(answer.status(), 200, 'the packet comes');
      t.match(answer.headers()['content-type'], /^application\/(pdf|zip)/, 'as a PDF or a zip of PDFs');
    },
  );

  t.same(pointerEvents, [], 'no mouse event in any journey');
});

async function uploadDraft(page: Page, file: string) {
  await page.locator('#draft-file').setInputFiles(file);
  await press(page.getByRole('button', { name: LABEL.preview, exact: true }));
  await page.getByRole('button', { name: LABEL.saveVersion }).waitFor();
  await press(page.getByRole('button', { name: LABEL.saveVersion }));
  await page.waitForURL(/\/items\/\d+(\?.*)?$/);
}

const draft = (summary: string) => ({
  sections: { issueAtStake: ['What is at stake.'], summary: [summary], procedure: ['For discussion.'] },
});

/** An item whose note is in review, with three versions proposing "For discussion". */
function itemInReview(app: FastifyInstance, staff: Actor, meetingId: number, rapporteurId: number) {
  const item = app.services.agenda.create(staff, meetingId, {
    title: 'European Health Data Space',
    rapporteurIds: [rapporteurId],
  });
  for (const summary of ['First.', 'Second.', 'Third.'])
    app.services.notes.createVersion(staff, item.id, draft(summary));
  app.services.workflow.perform(staff, item.id, { event: 'submit' });
  return item.id;
}

/**
 * A released note and a packet delivered to the delegates: where the delegate's journey starts
 * when the release journey did not get there. The meeting page offers a packet once its mail
 * went out, so this waits for the outbox as the secretariat's progress page would.
 */
async function sentPacket(app: FastifyInstance, staff: Actor, meetingId: number, rapporteurId: number) {
  const item = itemInReview(app, staff, meetingId, rapporteurId);
  app.services.workflow.perform(staff, item, { event: 'release' });
  const { id } = app.services.packets.create(staff, meetingId, {
    subject: '18th eHealth Network meeting: documents',
    message: 'Dear delegate, the documents are attached.',
  });
  for (let i = 0; i < 300; i += 1) {
    if (app.services.packets.view(staff, id).recipients.every((r) => r.status === 'sent')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`packet ${id} was not delivered within 30 s`);
}
