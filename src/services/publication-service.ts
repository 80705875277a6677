import { Errors } from '../domain/errors.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { isStaff, type Actor } from '../domain/roles.js';
import type { FileStore } from '../ingest/file-store.js';
import { inProcessRenderer, type PdfRenderer } from '../rendering/pdf/pdf-renderer.js';
import { isoNow, type ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import { readPublishedMeetings } from './publication-content.js';
import { replaceFolder } from './publication-folder.js';
import { writePublicSite, type ExtraDocuments } from './publication-site.js';

export interface PublicationOptions {
  store: FileStore;
  /** The folder the server (re)builds on each publication (AGENDUM_PUBLISH_DIR). */
  publishDir: string;
  renderer?: PdfRenderer;
  /** Documents published beside each meeting's agenda and notes (the adopted summary report, when adopted). */
  extras?: readonly ExtraDocuments[];
}

export interface PublicationResult {
  meetingId: number;
  publishedAt: string;
  /** How many meetings the folder holds, and how many files. */
  meetings: number;
  files: number;
}

/**
 * Publication: a meeting's `public` documents (agenda, released notes as PDF and HTML, public
 * annexes) in a static folder, with an index per meeting, one for every published meeting and
 * an Atom feed, that any web server can serve with no agendum behind it. Publishing marks the
 * meeting published and rebuilds the whole folder from the database (the network index and the
 * feed list every published meeting), one build at a time.
 */
export function createPublicationService(ctx: ServiceContext, options: PublicationOptions) {
  const sources = {
    store: options.store,
    renderer: options.renderer ?? inProcessRenderer(),
    extras: options.extras ?? [],
  };
  // Builds run one after another: two at once would race for the same folder's swap.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const buildNow = (dir: string) =>
    replaceFolder(dir, (folder) => writePublicSite(folder, readPublishedMeetings(ctx), sources, isoNow(ctx)));

  /** Builds the folder at `dir` for every meeting marked published. */
  function build(dir: string) {
    return serially(() => buildNow(dir));
  }

  return {
    build,

    /** When the meeting was last published (null: never), for its page. */
    publishedAt: (meetingId: number): string | null => meetingOrThrow(ctx, meetingId).meeting.publishedAt,

    /**
     * Marks the meeting published now and rebuilds the configured folder. The secretariat's; a
     * cancelled meeting is not published (409).
     */
    async publish(actor: Actor, meetingId: number): Promise<PublicationResult> {
      if (!isStaff(actor.role)) throw Errors.forbidden('Publishing a meeting is for the secretariat.');
      const { meeting } = meetingOrThrow(ctx, meetingId);
      if (meeting.status === MeetingStatus.cancelled) throw Errors.conflict('A cancelled meeting is not published.');
      // Marking, building and undoing run as one queued unit: a second publication waits, so it
      // never builds from (or undoes to) a mark the first one is about to take back.
      return serially(async () => {
        const before = meetingOrThrow(ctx, meetingId).meeting.publishedAt;
        const publishedAt = isoNow(ctx);
        ctx.transaction(() => ctx.repos.meetings.update(meetingId, { publishedAt }));
        try {
          const built = await buildNow(options.publishDir);
          return { meetingId, publishedAt, ...built };
        } catch (error) {
          // Not built, not published: the meeting says what the folder holds.
          ctx.transaction(() => ctx.repos.meetings.update(meetingId, { publishedAt: before }));
          throw error;
        }
      });
    },
  };
}
export type PublicationService = ReturnType<typeof createPublicationService>;
