import { markingLabel } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { meetingFileStem, type MeetingLineInput } from '../domain/meeting-line.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { NoteState } from '../domain/note-workflow.js';
import { UnreadableAnnexError } from '../rendering/pdf/packet-merge.js';
import { inProcessRenderer, type PdfRenderer } from '../rendering/pdf/pdf-renderer.js';
import { buildAgendaView } from '../rendering/views/agenda-view.js';
import { buildNoteView, type NoteView } from '../rendering/views/note-view.js';
import { buildPacketView, type AnnexView } from '../rendering/views/packet-view.js';
import type { ItemRow } from '../repositories/agenda-repository.js';
import type { MeetingWithNetwork } from '../repositories/meeting-repository.js';
import type { NoteRow, VersionRow } from '../repositories/note-repository.js';
import type { AgendaService } from './agenda-service.js';
import type { ServiceContext } from './context.js';
import { readNote, shownVersion, versionForReader, type ReadableNote } from './note-access.js';
import { meetingOrThrow } from './lookups.js';

/** Where a packet finds the PDF annexes of an item (the upload store provides them). */
export interface PacketSources {
  /** The PDF annexes of an item, in the order they follow its note. */
  annexesOf(itemId: number, reader?: Actor): AnnexView[] | Promise<AnnexView[]>;
}

export interface PdfFile {
  /** A file name to offer on download: `18th-ehealth-network-item-9.1-v2.pdf` */
  fileName: string;
  bytes: Buffer;
}

/** Which text of a note to print: a version by number, or a publication by number (its version as released then). */
export interface PrintOptions {
  version?: number;
  publication?: number;
}

const NO_ANNEXES: PacketSources = { annexesOf: () => [] };

const lineInput = ({ meeting, network }: MeetingWithNetwork): MeetingLineInput => ({
  ...meeting,
  networkName: network.name,
});

const fileStem = ({ meeting, network }: MeetingWithNetwork) => meetingFileStem(meeting.ordinal, network.name);

/**
 * The PDFs of notes, agendas and packets. Reading rules are the JSON API's: whoever may read a
 * note may print it (a draft is a 404 to delegates); every signed-in person prints the agenda;
 * a packet is for the secretariat, and for everyone once every note in it is released.
 * Rendering itself is the renderer's (the server's is a worker pool with a note cache).
 */
export function createPdfService(
  ctx: ServiceContext,
  agenda: AgendaService,
  sources: PacketSources = NO_ANNEXES,
  renderer: PdfRenderer = inProcessRenderer(),
) {
  const { repos } = ctx;

  function noteView(
    meeting: MeetingWithNetwork,
    item: ItemRow,
    note: NoteRow,
    version: VersionRow,
    publication = publicationOf(note, version),
  ): NoteView {
    return buildNoteView({
      ...(publication ? { publication } : {}),
      meeting: lineInput(meeting),
      headerLines: meeting.network.headerLines,
      item,
      note,
      version,
      marking: { audience: item.audience, audienceGroups: item.audienceGroups },
    });
  }

  /** The version a reader prints: the one asked for, if visible to them, else the one they see by default. */
  function versionOf(readable: ReadableNote, number: number | undefined): VersionRow {
    if (number !== undefined) return versionForReader(ctx, readable, number);
    const version = shownVersion(ctx, readable);
    if (version) return version;
    throw Errors.notFound(`The note of item ${readable.note.itemId} has no version yet.`);
  }

  /** The latest publication of this version of the note, if it was ever published. */
  function publicationOf(note: NoteRow, version: VersionRow) {
    return repos.notes
      .listPublications(note.id)
      .filter((p) => p.versionId === version.id)
      .pop();
  }

  /**
   * The note as printed with one of its versions: a published version prints as released with
   * the procedure it was published with, whatever the note is doing now; any other is a draft.
   */
  function printedNote(note: NoteRow, version: VersionRow, publication = publicationOf(note, version)): NoteRow {
    if (publication)
      return { ...note, state: NoteState.released, procedure: publication.procedure, currentVersionId: version.id };
    return note;
  }

  /** Notes a packet prints: those with a text, not withdrawn, in agenda order. */
  function packetNotes<T extends { id: number; number: string; title: string }>(items: T[]) {
    const rows = new Map(repos.notes.findByItems(items.map((i) => i.id)).map((n) => [n.itemId, n]));
    return items.flatMap((item) => {
      const note = rows.get(item.id);
      return note && note.currentVersionId !== null && note.state !== NoteState.withdrawn ? [{ item, note }] : [];
    });
  }

  /**
   * A note's version as every file of it shows it (the PDF, the .docx), with the stem of its
   * file name: `18th-ehealth-network-item-9.1-v2` (`-draft` after it unless released).
   */
  function printableNote(actor: Actor, itemId: number, options: PrintOptions = {}) {
    return printableOf(readNote(ctx, actor, itemId), itemId, options);
  }

  /** A publication by its number: whoever reads the note reads every publication of it, and nothing else. */
  function publicationNumbered(readable: ReadableNote, number: number) {
    const found = repos.notes.listPublications(readable.note.id).find((p) => p.number === number);
    if (!found) throw Errors.notFound(`The note of item ${readable.note.itemId} has no publication ${number}.`);
    return found;
  }

  function printableOf(readable: ReadableNote, itemId: number, options: PrintOptions) {
    const publication = options.publication ? publicationNumbered(readable, options.publication) : undefined;
    const version = publication
      ? repos.notes.findVersion(publication.versionId)!
      : versionOf(readable, options.version);
    const item = repos.agenda.findItem(itemId)!;
    const meeting = meetingOrThrow(ctx, item.meetingId);
    // The publication this version prints as (asked for, or its latest one), read once for both.
    const printedAs = publication ?? publicationOf(readable.note, version);
    const view = noteView(meeting, item, printedNote(readable.note, version, printedAs), version, printedAs);
    const suffix = publication
      ? `-revision-${publication.number}`
      : `-v${version.number}${view.isDraft ? '-draft' : ''}`;
    return { view, publication, fileStem: `${fileStem(meeting)}-item-${item.number}${suffix}` };
  }

  return {
    printableNote,
    /** The view model of a note as the reader may see it: the HTML view's twin of notePdf. */
    readableNoteView(actor: Actor, itemId: number, options: { version?: number } = {}): NoteView | null {
      const readable = readNote(ctx, actor, itemId);
      if (!shownVersion(ctx, readable) && options.version === undefined) return null;
      return printableOf(readable, itemId, options).view;
    },

    /** The cover note of an item: the version the reader sees by default, or `version` if visible to them. */
    async notePdf(actor: Actor, itemId: number, options: PrintOptions = {}): Promise<PdfFile> {
      const { view, fileStem } = printableNote(actor, itemId, options);
      // The version's own time is the file's creation date: a version always prints the same bytes.
      const bytes = await renderer.renderNote(view, { now: new Date(view.createdAt) });
      return { fileName: `${fileStem}.pdf`, bytes };
    },

    /** The agenda; procedures show as the reader may see them in the JSON agenda. */
    async agendaPdf(actor: Actor, meetingId: number): Promise<PdfFile> {
      const meeting = meetingOrThrow(ctx, meetingId);
      const items = agenda.list(actor, meetingId).map((i) => ({ ...i, procedure: i.note?.procedure ?? null }));
      const view = buildAgendaView({ meeting: lineInput(meeting), headerLines: meeting.network.headerLines, items });
      return {
        fileName: `${fileStem(meeting)}-agenda.pdf`,
        bytes: await renderer.renderAgenda(view, { now: ctx.now() }),
      };
    },

    /**
     * The meeting packet. Unreleased notes refuse it (409, listing them) unless `includeDrafts`,
     * which only the secretariat may ask for; they are then printed marked DRAFT.
     */
    async packetPdf(actor: Actor, meetingId: number, options: { includeDrafts?: boolean } = {}): Promise<PdfFile> {
      const meeting = meetingOrThrow(ctx, meetingId);
      if (options.includeDrafts && !isStaff(actor.role)) {
        throw Errors.forbidden('Only the secretariat prints a packet with draft notes.');
      }
      const items = agenda.list(actor, meetingId);
      const notes = new Map<number, NoteView>();
      const annexes = new Map<number, AnnexView[]>();
      const markings = new Map<number, string>();
      const withheld = new Set<number>();
      if (isStaff(actor.role)) {
        const printed = packetNotes(items);
        const unreleased = printed.filter(({ note }) => note.state !== NoteState.released);
        if (unreleased.length > 0 && !options.includeDrafts) {
          const list = unreleased.map(({ item, note }) => ({
            itemId: item.id,
            number: item.number,
            title: item.title,
            state: note.state,
          }));
          const which =
            list.length === 1
              ? `The note of item ${list[0]!.number} is`
              : `The notes of items ${list.map((n) => n.number).join(', ')} are`;
          throw Errors.conflict(
            `${which} not released yet; release them, or print the packet with includeDrafts=true.`,
            { unreleased: list },
          );
        }
        for (const { item, note } of printed) {
          const row = repos.agenda.findItem(item.id)!;
          notes.set(item.id, noteView(meeting, row, note, repos.notes.findVersion(note.currentVersionId!)!));
          annexes.set(item.id, await sources.annexesOf(item.id));
        }
      } else {
        // Everyone else prints published versions only, and learns nothing of the drafts: not
        // which items have one, nor where they stand.
        const rows = packetNotes(items);
        const published = repos.notes.latestPublications(rows.map(({ note }) => note.id));
        if (rows.some(({ note }) => !published.has(note.id))) {
          throw Errors.conflict('Not every note of this meeting is released yet; the packet is ready once they are.');
        }
        for (const { item, note } of rows) {
          const row = repos.agenda.findItem(item.id)!;
          markings.set(item.id, markingLabel(row));
          if (!item.note) {
            // Published, but not for this reader's groups: the agenda line stays, the note does not.
            withheld.add(item.id);
            continue;
          }
          const version = repos.notes.findVersion(published.get(note.id)!.versionId)!;
          notes.set(item.id, noteView(meeting, row, printedNote(note, version), version));
          annexes.set(item.id, await sources.annexesOf(item.id, actor));
        }
      }
      const agendaView = buildAgendaView({
        meeting: lineInput(meeting),
        headerLines: meeting.network.headerLines,
        items: items.map((i) => ({ ...i, procedure: i.note?.procedure ?? null })),
      });
      const view = buildPacketView({ agenda: agendaView, notes, annexes, markings, withheld });
      try {
        const bytes = await renderer.renderPacket(view, { now: ctx.now() });
        const drafts = view.draftItems.length > 0 ? '-with-drafts' : '';
        return { fileName: `${fileStem(meeting)}-packet${drafts}.pdf`, bytes };
      } catch (error) {
        if (error instanceof UnreadableAnnexError)
          throw Errors.conflict(`${error.message} Replace the annex, then print again.`);
        throw error;
      }
    },
  };
}
export type PdfService = ReturnType<typeof createPdfService>;
