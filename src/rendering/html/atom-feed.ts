import { createHash } from 'node:crypto';
import type { PublishedSiteView } from '../views/publication-view.js';

/**
 * The Atom 1.0 feed (RFC 4287) of the public folder: one entry per published meeting and one per
 * published note. Links are relative: a reader resolves them against the feed's own address,
 * so the folder needs no knowledge of where it is served. Ids are name-based UUIDs of what an
 * entry is about, stable from one build to the next (an entry's `updated` says it changed).
 */

// Characters XML 1.0 forbids even escaped (U+FFFE, lone surrogates...): one of them in a title
// would make the whole feed unreadable, so they are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeXml = (text: string) =>
  text
    .replace(NOT_XML, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A UUID (version 5 layout, SHA-1 of the name) as a URN: an IRI that is the same for the same name. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`agendum-publication:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface Entry {
  id: string;
  title: string;
  updated: string;
  href: string;
  summary: string;
  pdf?: string;
}

function entryXml(e: Entry): string {
  return [
    '  <entry>',
    `    <id>${e.id}</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <updated>${e.updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.href)}"/>`,
    ...(e.pdf ? [`    <link rel="enclosure" type="application/pdf" href="${escapeXml(e.pdf)}"/>`] : []),
    `    <summary>${escapeXml(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** The feed, latest entry first; its `updated` is the latest entry's (or the build's, with none). */
export function renderAtomFeed(site: PublishedSiteView): string {
  const entries: Entry[] = site.meetings.flatMap((m) => [
    {
      id: nameUuid(m.slug),
      title: m.title,
      updated: m.publishedAt,
      href: `${m.slug}/index.html`,
      summary: `The agenda and public documents of the ${m.title}.`,
    },
    // A document joined later (the adopted summary report) is an entry of its own, dated when it changed.
    ...m.extras.map((doc) => ({
      id: nameUuid(`${m.slug}/${doc.href}`),
      title: doc.title,
      updated: doc.updated,
      href: `${m.slug}/index.html`,
      pdf: `${m.slug}/${doc.href}`,
      summary: `${doc.title}, published with the ${m.title}.`,
    })),
    ...m.items.flatMap((item) =>
      item.note
        ? [
            {
              id: nameUuid(`${m.slug}/${item.number}`),
              title: `Cover note ${item.number} ${item.title}`,
              updated: item.note.releasedAt,
              href: `${m.slug}/${item.note.html.href}`,
              pdf: `${m.slug}/${item.note.pdf.href}`,
              summary: [item.note.procedure, item.note.revisionLabel, m.title].filter(Boolean).join(' '),
            },
          ]
        : [],
    ),
  ]);
  entries.sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries[0]?.updated ?? site.builtAt;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${nameUuid('feed')}</id>`,
    '  <title>Published meetings</title>',
    `  <updated>${updated}</updated>`,
    '  <author><name>The secretariat</name></author>',
    '  <link rel="self" type="application/atom+xml" href="feed.atom"/>',
    '  <link rel="alternate" type="text/html" href="index.html"/>',
    ...entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
