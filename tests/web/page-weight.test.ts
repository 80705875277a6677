import type { Page } from 'playwright-core';
import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, launchBrowser } from '../support/browser.js';
import { WEB_PASSWORD, webPerson, webSecretariatWithMeeting } from '../support/web-session.js';

const KB = 1024;

interface Load {
  total: number;
  html: { encoded: number; decoded: number; encoding: string };
  requests: { url: string; bytes: number; cached: boolean }[];
}

/** Loads `url` and sums the bytes Chromium received for it and everything it pulled in (headers included). */
async function measuredLoad(page: Page, url: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const cached = new Set<string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  const requests = [...bytes].map(([id, size]) => ({
    url: urls.get(id) ?? id,
    bytes: cached.has(id) ? 0 : size,
    cached: cached.has(id),
  }));
  const document = requests.find((r) => r.url === url);
  return {
    total: requests.reduce((sum, r) => sum + r.bytes, 0),
    html: {
      encoded: document?.bytes ?? 0,
      decoded: (await response!.body()).length,
      encoding: (await response!.allHeaders())['content-encoding'] ?? 'none',
    },
    requests,
  };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

t.test(
  'the meeting page with 30 items: under 500 KB on first load, under 50 KB on the next',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const app = await build(t, { config: testConfig(t, { AGENDUM_SIGNIN_PER_MINUTE: '100' }), now: () => new Date() });
    const { staff, meeting, sam } = await webSecretariatWithMeeting(app);
    const rita = await webPerson(app, 'rapporteur');
    for (let top = 1; top <= 10; top += 1) {
      const parent = app.services.agenda.create(staff, meeting.id, {
        title: `Agenda item ${top} on the cross-border exchange of health data`,
        rapporteurIds: [rita.id],
      });
      for (const sub of [1, 2])
        app.services.agenda.create(staff, meeting.id, {
          title: `Sub-item ${top}.${sub} on the European Health Data Space`,
          parentId: parent.id,
          rapporteurIds: [rita.id],
        });
    }
    t.equal(app.services.agenda.list(staff, meeting.id).length, 30, 'thirty items on the agenda');
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    t.teardown(() => browser.close());

    // The session cookie from the API, so that the meeting page is the first page this browser loads.
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: sam.email, password: WEB_PASSWORD },
    });
    const context = await browser.newContext();
    await context.addCookies([{ name: 'agendum_session', value: signIn.cookies[0]!.value, url: base }]);
    const page = await context.newPage();
    const url = `${base}/meetings/${meeting.id}`;

    const first = await measuredLoad(page, url);
    t.equal(new URL(page.url()).pathname, `/meetings/${meeting.id}`, 'the meeting page itself, signed in');
    const next = await measuredLoad(page, url);
    t.comment(
      `meeting page with 30 items: first load ${kb(first.total)} in ${first.requests.length} requests; ` +
        `next load ${kb(next.total)} (${next.requests.filter((r) => r.cached).length} of ${next.requests.length} from the cache)`,
    );
    t.comment(
      `its HTML: ${kb(first.html.decoded)}, sent as ${kb(first.html.encoded)} (content-encoding: ${first.html.encoding})`,
    );
    for (const r of [...first.requests].sort((a, b) => b.bytes - a.bytes).slice(0, 6))
      t.comment(`  first load: ${kb(r.bytes)} ${r.url.replace(base, '')}`);
    t.ok(first.total < 500 * KB, `first load ${kb(first.total)} < 500 KB`);
    t.ok(next.total < 50 * KB, `next load ${kb(next.total)} < 50 KB`);
  },
);
