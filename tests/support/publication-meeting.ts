import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Test } from 'tap';
import type { Marking } from '../../src/domain/audience.js';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { actor } from '../factories.js';
import { signedIn } from '../helper.js';
import { pdfLines } from './pdf-text.js';

/** What the public folder must hold, and what it must never hold (titles and sentences of everything else). */
export const PUBLIC_TEXT = {
  item: ITEM_9_2.title,
  sentence: 'Developing cybersecurity response, and building capacity in this regard',
  annexPage: 'Work plan annex page',
};
export const NEVER_PUBLISHED = {
  networkItem: ITEM_9_1.title,
  networkSentence: 'The Work stream is now operational and this is the first update to the eHealth Network.',
  limitedItem: 'Threat briefing from the national CSIRTs',
  limitedSentence: 'The briefing names a hospital system still open to the flaw.',
  limitedAnnex: 'Member State survey',
  limitedAnnexPage: 'Member State survey annex page',
  networkAnnex: 'Network contact list',
  networkAnnexPage: 'Network contact list annex page',
  draftSentence: 'This sentence of a draft must not be published.',
  otherMeetingItem: 'An item of a meeting nobody published',
};

/** A one-page annex whose page says `<title> annex page`. */
export async function annexPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(`${title} annex page`, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

const paragraphs = (text: string) => ({
  sections: { issueAtStake: ['What is at stake.'], summary: [text], procedure: ['For information.'] },
});

/**
 * The 18th meeting with every marking: `1 Cybersecurity` (public) holding `1.1` the 9.2 note
 * (public, released, with a public, a limited and a network annex) and `1.2` the 9.1 note
 * (network, released); `2` a limited note (released, Member State delegates only); `3` a public
 * item whose note is a draft. A 19th meeting, never published, has a public released note.
 */
export async function meetingOfEveryMarking(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const staff = actor(secretariat);
  const { services } = app;
  services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES });
  const meeting = services.meetings.create(staff, {
    ordinal: 18,
    startDate: '2020-11-12',
    endDate: '2020-11-13',
    city: 'Brussels',
    country: 'Belgium',
  });
  const publicMarking = { audience: 'public' as const };
  const heading = services.agenda.create(staff, meeting.id, { title: 'Cybersecurity', ...publicMarking });
  const release = (itemId: number, content: object) => {
    services.notes.createVersion(staff, itemId, content as typeof ITEM_9_1.content);
    services.workflow.perform(staff, itemId, { event: 'submit' });
    services.workflow.perform(staff, itemId, { event: 'release', procedure: 'for-information' });
  };
  const open = services.agenda.create(staff, meeting.id, {
    title: ITEM_9_2.title,
    parentId: heading.id,
    ...publicMarking,
  });
  const annex = (title: string, marking: Marking) =>
    annexPdf(title).then((bytes) =>
      services.ingest.addAnnex(staff, open.id, { bytes, fileName: 'annex.pdf' }, title, marking),
    );
  await annex('Work plan', { audience: 'public', audienceGroups: [] });
  await annex(NEVER_PUBLISHED.limitedAnnex, { audience: 'limited', audienceGroups: ['delegates'] });
  await annex(NEVER_PUBLISHED.networkAnnex, { audience: 'network', audienceGroups: [] });
  release(open.id, ITEM_9_2.content);
  const network = services.agenda.create(staff, meeting.id, { title: ITEM_9_1.title, parentId: heading.id });
  release(network.id, ITEM_9_1.content);
  const limited = services.agenda.create(staff, meeting.id, {
    title: NEVER_PUBLISHED.limitedItem,
    audience: 'limited',
    audienceGroups: ['delegates'],
  });
  release(limited.id, paragraphs(NEVER_PUBLISHED.limitedSentence));
  const draft = services.agenda.create(staff, meeting.id, { title: 'Any other business', ...publicMarking });
  services.notes.createVersion(staff, draft.id, paragraphs(NEVER_PUBLISHED.draftSentence));

  const other = services.meetings.create(staff, {
    ordinal: 19,
    startDate: '2021-06-03',
    endDate: '2021-06-03',
    city: 'Brussels',
    country: 'Belgium',
  });
  const unpublished = services.agenda.create(staff, other.id, {
    title: NEVER_PUBLISHED.otherMeetingItem,
    ...publicMarking,
  });
  release(unpublished.id, paragraphs('A sentence of an unpublished meeting.'));
  return { secretariat, staff, meeting, other, items: { heading, open, network, limited, draft } };
}

/** Every file under `dir` (relative paths, sorted). */
export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)]))
    .sort();
}

/** A file's text as a reader gets it: a PDF's lines joined, spaces folded; any other file as UTF-8. */
export async function readerText(path: string): Promise<string> {
  const bytes = readFileSync(path);
  if (path.endsWith('.pdf')) return (await pdfLines(bytes)).join(' ').replace(/\s+/g, ' ');
  return bytes.toString('utf8');
}

/** The folder served by @fastify/static alone (no agendum, no database), on 127.0.0.1. */
export async function serveStatic(t: Test, root: string): Promise<string> {
  const server = Fastify();
  await server.register(fastifyStatic, { root });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => server.close());
  return base;
}

/** Relative links of a page or feed (href and src), as written. */
export const linksOf = (text: string) =>
  [...text.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

/**
 * Follows every link from `start`, within `base`, like a reader clicking through: each answer's
 * status by URL. Pages (HTML) and the feed are read for more links; other files are fetched only.
 */
export async function crawl(base: string, start: string): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const queue = [new URL(start, base).href];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await fetch(url);
    seen.set(url, res.status);
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !/html|atom|xml/.test(type)) {
      await res.arrayBuffer();
      continue;
    }
    for (const link of linksOf(await res.text())) {
      const target = new URL(link, url);
      target.hash = '';
      if (target.origin === new URL(base).origin && !seen.has(target.href)) queue.push(target.href);
    }
  }
  return seen;
}
