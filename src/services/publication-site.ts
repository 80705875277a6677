import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Errors } from '../domain/errors.js';
import { meetingFileStem } from '../domain/meeting-line.js';
import { NoteState } from '../domain/note-workflow.js';
import { procedureLabel } from '../domain/procedure.js';
import type { FileStore } from '../ingest/file-store.js';
import { renderAtomFeed } from '../rendering/html/atom-feed.js';
import { renderMeetingHtml, renderNetworkHtml, renderNoteHtml } from '../rendering/html/publication-pages.js';
import type { PdfRenderer } from '../rendering/pdf/pdf-renderer.js';
import { buildAgendaView } from '../rendering/views/agenda-view.js';
import { buildNoteView, meetingInWords } from '../rendering/views/note-view.js';
import {
  fileSize,
  type PublishedItemView,
  type PublishedLink,
  type PublishedMeetingView,
  type PublishedNoteView,
  type PublishedSiteView,
} from '../rendering/views/publication-view.js';
import type { PublicMeeting, PublicNote } from './publication-content.js';

/**
 * A document published beside a meeting's agenda and notes, from elsewhere: the extension point
 * through which the adopted summary report joins the folder once it exists. The source decides
 * what is public; the folder only places it (under `fileName`, in the meeting's folder).
 */
export interface ExtraDocument {
  /** `summary-report.pdf`: lower case letters, digits, dots and hyphens. */
  fileName: string;
  title: string;
  bytes: Uint8Array;
  /** When it last changed (ISO): the feed's date for it. */
  updated: string;
}
export type ExtraDocuments = (meetingId: number) => Promise<ExtraDocument[]> | ExtraDocument[];

export interface SiteSources {
  store: FileStore;
  renderer: PdfRenderer;
  extras: readonly ExtraDocuments[];
}

const labelOf = (procedure: string | null) => (procedure ? procedureLabel(procedure) : null);

const SAFE_NAME = /^[a-z0-9][a-z0-9.-]*$/;

/** Writes one meeting's files in `folder`, returning its view and how many files it wrote. */
async function writeMeeting(folder: string, pm: PublicMeeting, sources: SiteSources) {
  const { meeting, network } = pm.found;
  const slug = meetingFileStem(meeting.ordinal, network.name);
  const dir = join(folder, slug);
  await mkdir(dir, { recursive: true });
  let files = 0;
  const put = async (name: string, bytes: Uint8Array | string, title: string, format: string) => {
    await writeFile(join(dir, name), bytes);
    files += 1;
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    return { href: name, title, format: `${format}, ${fileSize(size)}` } satisfies PublishedLink;
  };
  const lineInput = { ...meeting, networkName: network.name };

  const items: PublishedItemView[] = [];
  const twins: PublishedNoteView[] = [];
  for (const { item, note } of pm.items) {
    const published = note ? await writeNote(put, pm, item, note, sources) : null;
    if (published) twins.push(published);
    items.push({
      number: item.number,
      title: item.title,
      depth: item.number.split('.').length,
      procedure: labelOf(note?.publication.procedure ?? null),
      note: published,
    });
  }
  const agenda = buildAgendaView({
    meeting: lineInput,
    headerLines: network.headerLines,
    items: pm.items.map(({ item, rapporteurs, note }) => ({
      ...item,
      rapporteurs,
      procedure: note?.publication.procedure ?? null,
    })),
  });
  const agendaPdf = await put(
    'agenda.pdf',
    await sources.renderer.renderAgenda(agenda, { now: new Date(pm.publishedAt) }),
    `Agenda of the ${meetingInWords(lineInput)}`,
    'PDF',
  );
  const extras = [];
  for (const source of sources.extras) {
    for (const doc of await source(meeting.id)) {
      if (!SAFE_NAME.test(doc.fileName) || doc.fileName.endsWith('.html'))
        throw new Error(`not a file name for the public folder: ${doc.fileName}`);
      extras.push({ ...(await put(doc.fileName, doc.bytes, doc.title, 'PDF')), updated: doc.updated });
    }
  }
  const view: PublishedMeetingView = {
    slug,
    networkName: network.name,
    title: meetingInWords(lineInput),
    meetingLine: agenda.meetingLine,
    startDate: meeting.startDate,
    publishedAt: pm.publishedAt,
    lang: agenda.lang,
    agendaPdf,
    items,
    extras,
  };
  // The pages come last: they state the sizes of the files they link to.
  for (const twin of twins) await writeFile(join(dir, twin.html.href), renderNoteHtml(view, twin));
  await writeFile(join(dir, 'index.html'), renderMeetingHtml(view));
  return { view, files: files + twins.length + 1 };
}

type Put = (name: string, bytes: Uint8Array | string, title: string, format: string) => Promise<PublishedLink>;

/** A note's PDF (its latest publication, printed as the API prints it) and its public annexes. */
async function writeNote(
  put: Put,
  pm: PublicMeeting,
  item: PublicMeeting['items'][number]['item'],
  { version, publication, annexes }: PublicNote,
  sources: SiteSources,
): Promise<PublishedNoteView> {
  const { meeting, network } = pm.found;
  const note = buildNoteView({
    meeting: { ...meeting, networkName: network.name },
    headerLines: network.headerLines,
    item,
    note: { state: NoteState.released, procedure: publication.procedure, currentVersionId: version.id },
    version,
    marking: item,
    publication,
  });
  const stem = `item-${item.number}`;
  const pdf = await put(
    `${stem}.pdf`,
    // The version's own time is the file's creation date, as for every PDF of a version.
    await sources.renderer.renderNote(note, { now: new Date(version.createdAt) }),
    `Cover note ${item.number} ${item.title}`,
    'PDF',
  );
  const annexLinks: PublishedLink[] = [];
  for (const [index, row] of annexes.entries()) {
    const title = row.title ?? row.originalName;
    const bytes = await sources.store.read(row.storedName).catch(() => {
      throw Errors.conflict(
        `The annex "${title}" of item ${item.number} cannot be read; replace it, then publish again.`,
      );
    });
    annexLinks.push(await put(`${stem}-annex-${index + 1}.pdf`, bytes, `Annex: ${title}`, 'PDF'));
  }
  return {
    number: item.number,
    title: item.title,
    procedure: labelOf(publication.procedure),
    revisionLabel: note.revisionLabel,
    releasedAt: publication.releasedAt,
    html: { href: `${stem}.html`, title: `Cover note ${item.number} ${item.title}`, format: 'web page' },
    pdf,
    annexes: annexLinks,
    note,
  };
}

/** Writes the whole public folder into `folder` (empty): each meeting's files, the index and the feed. */
export async function writePublicSite(
  folder: string,
  meetings: PublicMeeting[],
  sources: SiteSources,
  builtAt: string,
) {
  const views: PublishedMeetingView[] = [];
  let files = 0;
  for (const pm of meetings) {
    const written = await writeMeeting(folder, pm, sources);
    views.push(written.view);
    files += written.files;
  }
  const site: PublishedSiteView = { builtAt, meetings: views };
  await writeFile(join(folder, 'index.html'), renderNetworkHtml(site));
  await writeFile(join(folder, 'feed.atom'), renderAtomFeed(site));
  return { meetings: views.length, files: files + 2 };
}
