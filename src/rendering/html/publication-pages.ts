import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { isAllowedUrl } from '../../domain/link-url.js';
import { BlockKind } from '../../domain/note-blocks.js';
import { templatesFolder } from '../../paths.js';
import type { BlockView, InlineView, NoteView } from '../views/note-view.js';
import { printedDate } from '../views/note-view.js';
import type { PublishedMeetingView, PublishedNoteView, PublishedSiteView } from '../views/publication-view.js';

/**
 * The static pages of the public folder: self-contained HTML (no script, no asset outside the
 * page, every link relative), one private Handlebars instance, strict, templates compiled once.
 * The pages are read with no agendum behind them, so they carry their own small style sheet.
 */
const env = Handlebars.create();
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
env.registerHelper('isAllowedUrl', (url: unknown) => typeof url === 'string' && isAllowedUrl(url));

const read = (name: string) => readFileSync(join(templatesFolder, 'publication', `${name}.hbs`), 'utf8');
env.registerPartial('runs', read('runs').trimEnd());
const options = { strict: true, preventIndent: true, knownHelpers: { eq: true, isAllowedUrl: true } };
const layout = env.compile(read('layout'), options);
const pages = {
  note: env.compile(read('note'), options),
  meeting: env.compile(read('meeting'), options),
  siteIndex: env.compile(read('site-index'), options),
};
const data = { data: { blockKind: BlockKind } };

interface Chrome {
  title: string;
  lang: string;
  /** The way back to the folder's index: `../` from a meeting's page, `` from the index. */
  root: string;
  trail: { label: string; href: string }[];
  current: string;
  publishedOn: string;
}

const page = (chrome: Chrome, body: string) => layout({ ...chrome, body }, data);

type RunView = InlineView & { refId?: string };

/**
 * A footnote may be referenced more than once; only its first reference carries the anchor the
 * footnote links back to, so that no two elements share an id.
 */
function anchorFootnotes(note: NoteView) {
  const anchored = new Set<number>();
  const runs = (list: InlineView[]): RunView[] =>
    list.map((run) => {
      if (run.kind !== 'footnote' || anchored.has(run.number)) return run;
      anchored.add(run.number);
      return { ...run, refId: `fnref-${run.number}` };
    });
  const block = (b: BlockView): BlockView => {
    if (b.kind === BlockKind.paragraph) return { ...b, runs: runs(b.runs) };
    if (b.kind === BlockKind.list)
      return {
        ...b,
        items: b.items.map((item) => ({
          ...item,
          runs: runs(item.runs),
          ...(item.sublist
            ? { sublist: { ...item.sublist, items: item.sublist.items.map((s) => ({ ...s, runs: runs(s.runs) })) } }
            : {}),
        })),
      };
    return { ...b, header: b.header.map(runs), rows: b.rows.map((row) => row.map(runs)) };
  };
  const sections = note.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) }));
  const footnotes = note.footnotes.map((f) => ({
    ...f,
    refId: anchored.has(f.number) ? `fnref-${f.number}` : null,
    sourceUrl: f.sourceUrl ?? null,
  }));
  return { ...note, sections, footnotes };
}

/** The accessible twin of a published note's PDF: the same view, as headings, paragraphs, lists and footnotes. */
export function renderNoteHtml(meeting: PublishedMeetingView, published: PublishedNoteView): string {
  const body = pages.note({ ...published, note: anchorFootnotes(published.note) }, data);
  return page(
    {
      title: published.note.documentTitle,
      lang: published.note.lang,
      root: '../',
      trail: [
        { label: 'Published meetings', href: '../index.html' },
        { label: meeting.title, href: 'index.html' },
      ],
      current: `Cover note ${published.number}`,
      publishedOn: printedDate(published.releasedAt),
    },
    body,
  );
}

/** A meeting's index: its public agenda, each published note with its PDF and annexes, and the other documents. */
export function renderMeetingHtml(meeting: PublishedMeetingView): string {
  return page(
    {
      title: meeting.title,
      lang: meeting.lang,
      root: '../',
      trail: [{ label: 'Published meetings', href: '../index.html' }],
      current: meeting.title,
      publishedOn: printedDate(meeting.publishedAt),
    },
    pages.meeting({ meeting }, data),
  );
}

/** The folder's index: every published meeting, by network, latest first. */
export function renderNetworkHtml(site: PublishedSiteView): string {
  const names = [...new Set(site.meetings.map((m) => m.networkName))];
  const groups = names.map((networkName) => ({
    networkName,
    meetings: site.meetings
      .filter((m) => m.networkName === networkName)
      .map((m) => ({ slug: m.slug, title: m.title, publishedOn: printedDate(m.publishedAt) })),
  }));
  return page(
    {
      title: 'Published meetings',
      lang: 'en',
      root: '',
      trail: [],
      current: 'Published meetings',
      publishedOn: printedDate(site.builtAt),
    },
    pages.siteIndex({ groups }, data),
  );
}
