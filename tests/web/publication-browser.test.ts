import t from 'tap';
import { build, testConfig } from '../helper.js';
import { hasChromium, horizontalOverflow, launchBrowser, wcagViolations } from '../support/browser.js';
import { meetingOfEveryMarking, serveStatic } from '../support/publication-meeting.js';

const PAGES = ['/index.html', '/18th-ehealth-network/index.html', '/18th-ehealth-network/item-1.1.html'];

t.test(
  'the published pages pass axe (WCAG 2.2 AA) and the Atom feed parses as XML, served by a plain static server',
  { skip: hasChromium() ? false : 'no /usr/bin/chromium' },
  async (t) => {
    const config = testConfig(t);
    const app = await build(t, { config });
    const { staff, meeting } = await meetingOfEveryMarking(app);
    await app.services.publication.publish(staff, meeting.id);
    const base = await serveStatic(t, config.publishDir);

    const browser = await launchBrowser();
    t.teardown(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        foreign.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}${path}`);
      t.same(await wcagViolations(page), [], `${path}: axe finds nothing`);
      await page.setViewportSize({ width: 390, height: 844 });
      t.equal(await horizontalOverflow(page), 0, `${path}: no horizontal scroll at 390 px`);
    }
    t.same(foreign, [], 'the pages ask for nothing outside the folder');

    await page.goto(`${base}/index.html`);
    const feed = await page.evaluate(async () => {
      // The browser's own XML parser: a feed that is not well-formed XML yields a <parsererror>.
      type Node = { localName: string; namespaceURI: string; getAttribute(name: string): string | null };
      type Doc = {
        documentElement: Node & { getElementsByTagNameNS(ns: string, name: string): ArrayLike<Node> };
        getElementsByTagName(name: string): ArrayLike<Node>;
      };
      const win = globalThis as unknown as {
        DOMParser: new () => { parseFromString(text: string, type: string): Doc };
        location: { href: string };
      };
      const doc = new win.DOMParser().parseFromString(await (await fetch('feed.atom')).text(), 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const root = doc.documentElement;
      const feedUrl = new URL('feed.atom', win.location.href);
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: `${root.namespaceURI} ${root.localName}`,
        entries: root.getElementsByTagNameNS(atom, 'entry').length,
        links: Array.from(root.getElementsByTagNameNS(atom, 'link')).map(
          (link) => new URL(link.getAttribute('href')!, feedUrl).pathname,
        ),
      };
    });
    t.same(feed, {
      errors: 0,
      root: 'http://www.w3.org/2005/Atom feed',
      entries: 2,
      links: [
        '/feed.atom',
        '/index.html',
        '/18th-ehealth-network/index.html',
        '/18th-ehealth-network/item-1.1.html',
        '/18th-ehealth-network/item-1.1.pdf',
      ],
    });
  },
);
