import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from '../../domain/note-content.js';
import type { NoteEvent } from '../../domain/note-workflow.js';
import type { VersionView } from '../../services/presenters.js';

/** A workflow event as the workflow service's history gives it. */
export interface HistoryEvent {
  id: number;
  event: NoteEvent;
  toState: string;
  actor: { name: string };
  at: string;
  comment: string | null;
}

/** A review comment as the review service lists it. */
export interface ReviewComment {
  id: number;
  version: number;
  section: SectionKey | null;
  paragraph: number | null;
  body: string;
  author: { name: string | null };
  createdAt: string;
  resolvedAt: string | null;
}

/** What happened to a note, in plain words. */
const EVENT_TITLES: Record<NoteEvent, string> = {
  submit: 'Submitted for review',
  return: 'Returned to the rapporteurs',
  release: 'Released',
  reopen: 'Reopened for drafting',
  withdraw: 'Withdrawn',
  restore: 'Restored to drafting',
};

/** The words that open a reason in the timeline, by event. */
const REASON_WORDS: Partial<Record<NoteEvent, string>> = {
  return: 'Reason',
  reopen: 'Reason',
  withdraw: 'Reason',
};

/** "2020-11-01T10:00:00.000Z" as people read it: "2020-11-01 10:00". */
export const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** A section as the note numbers it: "2. Summary"; the whole note when none. */
export function sectionHeading(section: SectionKey | null): string | null {
  if (!section) return null;
  return `${SECTION_KEYS.indexOf(section) + 1}. ${SECTION_HEADINGS[section]}`;
}

/** The comments as the page shows them: the section by its heading, never its key. */
export const commentViews = (comments: readonly ReviewComment[]) =>
  comments.map((c) => ({
    id: c.id,
    version: c.version,
    where: [sectionHeading(c.section), c.paragraph ? `paragraph ${c.paragraph}` : null].filter(Boolean).join(', '),
    body: c.body,
    author: c.author.name ?? 'unknown',
    at: shortTime(c.createdAt),
    resolved: c.resolvedAt !== null,
  }));

/**
 * The note's history as one timeline, oldest first: each transition with who and when, its
 * reason inline, and the review comments where they were made.
 */
export function timelineOf(history: readonly HistoryEvent[], comments: readonly ReviewComment[]) {
  const events = history.map((e) => ({
    at: e.at,
    order: 0,
    title: EVENT_TITLES[e.event],
    who: e.actor.name,
    when: shortTime(e.at),
    reasonWords: REASON_WORDS[e.event] ?? 'Comment',
    text: e.comment,
    where: null as string | null,
  }));
  const remarks = commentViews(comments).map((c, i) => ({
    at: comments[i]!.createdAt,
    order: 1,
    title: `Review comment on version ${c.version}`,
    who: c.author,
    when: c.at,
    reasonWords: 'Comment',
    text: c.body,
    where: c.where || null,
  }));
  return [...events, ...remarks]
    .sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1))
    .map(({ at: _at, order: _order, ...entry }) => entry);
}

/**
 * The versions, newest first, with their downloads: the original upload (when the version was
 * uploaded), its PDF and Word file; and the choices of the "compare" form.
 */
export function versionViews(
  itemId: number,
  versions: readonly VersionView[],
  authors: ReadonlyMap<number, string>,
  withOriginal: ReadonlySet<number>,
) {
  const base = `/api/v1/items/${itemId}/note`;
  const rows = [...versions].reverse().map((v) => ({
    number: v.number,
    createdAt: shortTime(v.createdAt),
    author: authors.get(v.authorId) ?? 'unknown',
    originalUrl: withOriginal.has(v.number) ? `${base}/versions/${v.number}/original` : null,
    pdfUrl: `${base}.pdf?version=${v.number}`,
    docxUrl: `${base}/versions/${v.number}/docx`,
  }));
  const numbers = versions.map((v) => v.number);
  const latest = numbers.at(-1) ?? 0;
  const before = numbers.at(-2) ?? latest;
  return {
    versions: rows,
    canCompare: versions.length > 1,
    compareFrom: numbers.map((n) => ({ value: String(n), label: `Version ${n}`, selected: n === before })),
    compareTo: numbers.map((n) => ({ value: String(n), label: `Version ${n}`, selected: n === latest })),
  };
}
