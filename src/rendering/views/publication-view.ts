import type { NoteView } from './note-view.js';

/**
 * The public folder of published meetings as plain objects: what the static pages and the Atom
 * feed print. Every `href` is relative to the page that holds it, so the folder works wherever
 * it is served from. Only `public` material reaches these objects: the service chooses it.
 */

/** A file of the folder, linked from a page: `item-9.1.pdf`, with its title and kind in words. */
export interface PublishedLink {
  href: string;
  title: string;
  /** `PDF, 48 kB`: said beside the link, so that a reader knows what opening it costs. */
  format: string;
}

/** A published cover note: its HTML twin (the page) and its PDF, and its public annexes. */
export interface PublishedNoteView {
  number: string;
  title: string;
  /** `For information.` as released */
  procedure: string | null;
  /** `Revision 2 — 12 November 2020`, or null for a first publication. */
  revisionLabel: string | null;
  releasedAt: string;
  html: PublishedLink;
  pdf: PublishedLink;
  annexes: PublishedLink[];
  /** The note as its PDF prints it: the HTML twin is built from the same view. */
  note: NoteView;
}

/** An agenda line of the public agenda, with its note when one is published. */
export interface PublishedItemView {
  number: string;
  title: string;
  depth: number;
  procedure: string | null;
  note: PublishedNoteView | null;
}

export interface PublishedMeetingView {
  /** The meeting's folder: `18th-ehealth-network` */
  slug: string;
  networkName: string;
  /** `18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium` */
  title: string;
  /** `18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM` */
  meetingLine: string;
  startDate: string;
  publishedAt: string;
  lang: string;
  agendaPdf: PublishedLink;
  items: PublishedItemView[];
  /** Documents added beside the agenda and notes (the adopted summary report, once there is one). */
  extras: (PublishedLink & { updated: string })[];
}

export interface PublishedSiteView {
  /** When the folder was built (ISO): the feed's `updated` when no meeting is newer. */
  builtAt: string;
  /** Latest meeting first. */
  meetings: PublishedMeetingView[];
}

/** `48 kB` (1000-based, as browsers show downloads), never `0 kB`. */
export function fileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
