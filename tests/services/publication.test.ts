import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import t from 'tap';
import { build, testConfig } from '../helper.js';
import {
  crawl,
  filesUnder,
  meetingOfEveryMarking,
  NEVER_PUBLISHED,
  PUBLIC_TEXT,
  readerText,
  serveStatic,
} from '../support/publication-meeting.js';

const PUBLISHED_AT = '2020-11-01T09:00:00.000Z';

t.test('publishing a meeting builds a folder a plain static server serves, every link resolving', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config });
  const { staff, meeting } = await meetingOfEveryMarking(app);

  const result = await app.services.publication.publish(staff, meeting.id);
  t.match(result, { meetingId: meeting.id, publishedAt: PUBLISHED_AT, meetings: 1 });
  t.equal(app.services.publication.publishedAt(meeting.id), PUBLISHED_AT, 'the meeting records when it was published');

  const dir = config.publishDir;
  t.equal(dir, join(config.dataDir, 'publication'), 'by default under the data folder');
  t.same(filesUnder(dir), [
    '.agendum-publication',
    '18th-ehealth-network/agenda.pdf',
    '18th-ehealth-network/index.html',
    '18th-ehealth-network/item-1.1-annex-1.pdf',
    '18th-ehealth-network/item-1.1.html',
    '18th-ehealth-network/item-1.1.pdf',
    'feed.atom',
    'index.html',
  ]);

  const base = await serveStatic(t, dir);
  const statuses = await crawl(base, '/index.html');
  t.same(
    [...statuses].filter(([, status]) => status !== 200),
    [],
    'every link followed from the index answers 200',
  );
  const reached = [...statuses.keys()].map((url) => new URL(url).pathname).sort();
  t.same(reached, [
    '/18th-ehealth-network/agenda.pdf',
    '/18th-ehealth-network/index.html',
    '/18th-ehealth-network/item-1.1-annex-1.pdf',
    '/18th-ehealth-network/item-1.1.html',
    '/18th-ehealth-network/item-1.1.pdf',
    '/feed.atom',
    '/index.html',
  ]);
  for (const file of filesUnder(dir).filter((f) => /\.(html|atom)$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    t.notMatch(text, /(href|src)="\//, `${file}: no link from the server's root`);
  }
});

t.test('nothing marked network or limited, no draft and no unpublished meeting reaches the folder', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config });
  const { staff, meeting } = await meetingOfEveryMarking(app);
  await app.services.publication.publish(staff, meeting.id);

  const texts = new Map<string, string>();
  for (const file of filesUnder(config.publishDir)) texts.set(file, await readerText(join(config.publishDir, file)));
  const everything = [...texts.values()].join('\n');
  for (const [what, text] of Object.entries(NEVER_PUBLISHED))
    t.notOk(everything.includes(text), `no file holds the ${what}`);

  const twin = texts.get('18th-ehealth-network/item-1.1.html')!;
  t.ok(twin.includes(PUBLIC_TEXT.sentence), 'the public note is there, as HTML');
  t.ok(texts.get('18th-ehealth-network/item-1.1.pdf')!.includes(PUBLIC_TEXT.sentence), 'and as PDF');
  t.ok(texts.get('18th-ehealth-network/item-1.1-annex-1.pdf')!.includes(PUBLIC_TEXT.annexPage), 'its public annex');
  const agenda = texts.get('18th-ehealth-network/agenda.pdf')!;
  t.ok(agenda.includes(PUBLIC_TEXT.item), 'the agenda lists the public items');
  t.ok(agenda.includes('Any other business'), 'a public item without a published note too');
});

t.test('the HTML twin is the note in semantic HTML: language, headings, paragraphs, footnotes, marking', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config });
  const { staff, meeting } = await meetingOfEveryMarking(app);
  await app.services.publication.publish(staff, meeting.id);
  const html = readFileSync(join(config.publishDir, '18th-ehealth-network/item-1.1.html'), 'utf8');
  const doc = parseDocument(html);
  const text = (tag: string) => DomUtils.getElementsByTagName(tag, doc).map((el) => DomUtils.textContent(el).trim());
  t.match(html, /^<!doctype html>\n<html lang="en">/);
  t.same(text('h1'), ['1.1 Reflections on Cybersecurity on the health sector']);
  t.same(text('h2'), [
    '1. Issue at stake',
    '2. Summary',
    '3. Format of procedure in the meeting',
    'Footnotes',
    'Files',
  ]);
  t.ok(text('p').includes('Public: may be published'), 'the marking line');
  t.ok(text('p').includes('18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM'), 'the meeting line');
  t.match(html, /<a href="#fn-1" id="fnref-1"><span class="visually-hidden">footnote <\/span>1<\/a>/);
  t.match(html, /<li id="fn-1">By the end of 2020, the Commission plans/);
  t.match(html, /<a href="https:\/\/ec\.europa\.eu\/digital-single-market\/en\/cyber-security">/);
});

t.test('the Atom feed lists the meeting and its note, with ids, dates and relative links', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config });
  const { staff, meeting } = await meetingOfEveryMarking(app);
  await app.services.publication.publish(staff, meeting.id);
  const xml = readFileSync(join(config.publishDir, 'feed.atom'), 'utf8');
  const doc = parseDocument(xml, { xmlMode: true });
  const [feed] = DomUtils.getElementsByTagName('feed', doc);
  t.equal(feed!.attribs.xmlns, 'http://www.w3.org/2005/Atom');
  const child = (el: typeof feed, name: string) =>
    DomUtils.getChildren(el!).find((c) => 'name' in c && c.name === name);
  t.match(
    DomUtils.textContent(child(feed, 'id')!),
    /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  t.ok(child(feed, 'author'), 'the feed names an author');
  const entries = DomUtils.getElementsByTagName('entry', doc).map((entry) => ({
    title: DomUtils.textContent(child(entry, 'title')!),
    updated: DomUtils.textContent(child(entry, 'updated')!),
    href: DomUtils.getElementsByTagName('link', entry)[0]!.attribs.href,
  }));
  t.same(entries, [
    {
      title: '18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium',
      updated: PUBLISHED_AT,
      href: '18th-ehealth-network/index.html',
    },
    {
      title: 'Cover note 1.1 Reflections on Cybersecurity on the health sector',
      updated: PUBLISHED_AT,
      href: '18th-ehealth-network/item-1.1.html',
    },
  ]);
  t.equal(DomUtils.textContent(child(feed, 'updated')!), PUBLISHED_AT, "the feed's date is its latest entry's");
});

t.test('the folder is replaced whole; a folder agendum did not build is never replaced', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config });
  const { staff, meeting, other } = await meetingOfEveryMarking(app);
  await app.services.publication.publish(staff, meeting.id);
  await app.services.publication.publish(staff, other.id);
  t.same(
    readdirSync(config.publishDir)
      .filter((f) => !f.startsWith('.'))
      .sort(),
    ['18th-ehealth-network', '19th-ehealth-network', 'feed.atom', 'index.html'],
    'both published meetings',
  );
  t.same(
    readdirSync(config.dataDir).filter((f) => f.includes('publication')),
    ['publication'],
    'no building or old folder is left beside it',
  );

  const elsewhere = join(config.dataDir, 'www');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'index.html'), 'somebody else’s site');
  await t.rejects(app.services.publication.build(elsewhere), {
    status: 409,
    message: /www holds files that agendum publish did not write; choose a new or empty folder/,
  });
  t.equal(readFileSync(join(elsewhere, 'index.html'), 'utf8'), 'somebody else’s site', 'left as it was');
  t.notOk(existsSync(join(elsewhere, '18th-ehealth-network')));
});

t.test('only the secretariat publishes, and a cancelled meeting is not published', async (t) => {
  const app = await build(t);
  const { staff, meeting } = await meetingOfEveryMarking(app);
  const delegate = await app.services.people.create('system', {
    name: 'Dana Delegate',
    email: 'dana@ms.example.eu',
    role: 'delegate',
  });
  await t.rejects(
    app.services.publication.publish({ id: delegate.id, name: delegate.name, role: 'delegate' }, meeting.id),
    { status: 403, message: 'Publishing a meeting is for the secretariat.' },
  );
  app.services.meetings.update(staff, meeting.id, { status: 'cancelled' });
  await t.rejects(app.services.publication.publish(staff, meeting.id), {
    status: 409,
    message: 'A cancelled meeting is not published.',
  });
  t.equal(app.services.publication.publishedAt(meeting.id), null);
});
