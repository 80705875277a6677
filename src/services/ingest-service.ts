import { createHash } from 'node:crypto';
import { Errors } from '../domain/errors.js';
import { formatMeetingLine } from '../domain/meeting-line.js';
import { normaliseNoteContent, type NoteContent } from '../domain/note-content.js';
import { DEFAULT_MARKING, markingAdmits } from '../domain/audience.js';
import { assertCanWriteVersion, assertInDraftingCircle, NoteAccess } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import { FilePurpose } from '../domain/file-purpose.js';
import { NoteState } from '../domain/note-workflow.js';
import { checkAgainstMeeting } from '../ingest/check-against-meeting.js';
import { sniffKind } from '../ingest/detect-type.js';
import { displayName } from '../ingest/display-name.js';
import { assertMergeablePdf } from '../ingest/mergeable-pdf.js';
import type { FileStore } from '../ingest/file-store.js';
import { EXPECTED_HEADINGS, parseCoverNote } from '../ingest/parse-cover-note.js';
import { EXTENSIONS, MEDIA_TYPES, readDraft, type DraftKind, type DraftOptions } from '../ingest/read-draft.js';
import type { ZipLimits } from '../ingest/zip-guard.js';
import { isoNow, type ServiceContext } from './context.js';
import { loadNote, readerGroups, readNote } from './note-access.js';
import { presentAnnex } from './presenters.js';
import type { NoteService } from './note-service.js';

export interface Upload {
  bytes: Buffer;
  fileName: string;
  /** The content type the sender declared: tells Markdown from plain text, nothing else. */
  mediaType?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An uploaded file as a dry run read it. */
type ReadFile = { name: string; kind: DraftKind; size: number; sha256: string };
type ReadDraft = { bytes: Buffer; dryRun: { file: ReadFile; recognised: NoteContent } };

/**
 * Uploaded drafts become versions (with the original kept); PDF annexes ride along with a note.
 * `limits` also says what a Word file's pending tracked changes do (AGENDUM_TRACKED_CHANGES).
 */
export function createIngestService(
  ctx: ServiceContext,
  notes: NoteService,
  store: FileStore,
  limits: ZipLimits & DraftOptions,
) {
  const { repos } = ctx;

  function expectedPlace(itemId: number) {
    const item = repos.agenda.findItem(itemId)!;
    const { meeting, network } = repos.meetings.find(item.meetingId)!;
    return {
      headerLines: network.headerLines,
      meetingLine: formatMeetingLine({ ...meeting, networkName: network.name }),
      itemNumber: item.number,
      itemTitle: item.title,
    };
  }

  /** Stores the bytes, then runs `record`; the file goes again if the database refuses. */
  async function storeWith<T>(bytes: Buffer, extension: string, record: (storedName: string) => T): Promise<T> {
    const storedName = await store.write(bytes, extension);
    try {
      return record(storedName);
    } catch (error) {
      await store.remove(storedName);
      throw error;
    }
  }

  /**
   * The annexes a reader may open: all of them for the drafting circle; for everyone else those
   * that were there when the note was last published and whose marking admits the reader.
   */
  function visibleAnnexes(actor: Actor, itemId: number) {
    const readable = readNote(ctx, actor, itemId);
    const all = repos.files.annexesOf(readable.note.id);
    if (readable.access === NoteAccess.drafts) return all;
    const groups = readerGroups(ctx, actor, readable.meetingId);
    return all.filter((a) => a.createdAt <= readable.publication.releasedAt && markingAdmits(a, groups));
  }

  /** A recognised draft becomes the next version, its original file kept beside it. */
  function storeDraft(
    actor: Actor,
    itemId: number,
    bytes: Buffer,
    file: ReadFile,
    content: NoteContent,
    ifMatch: string | undefined,
  ) {
    return storeWith(bytes, EXTENSIONS[file.kind], (storedName) =>
      ctx.transaction(() => {
        const written = notes.createVersion(actor, itemId, content, ifMatch);
        repos.files.insert({
          noteId: repos.notes.findByItem(itemId)!.id,
          purpose: FilePurpose.draft,
          versionId: written.id,
          originalName: file.name,
          mediaType: MEDIA_TYPES[file.kind],
          size: file.size,
          sha256: file.sha256,
          storedName,
          uploadedById: actor.id,
          createdAt: isoNow(ctx),
        });
        return written;
      }),
    );
  }

  return {
    /** Saves a draft its preview read (a dry run of `ingestDraft`), without parsing it again. */
    async saveReadDraft(actor: Actor, itemId: number, draft: ReadDraft, ifMatch: string | undefined) {
      assertCanWriteVersion(actor, loadNote(ctx, itemId).facts);
      const { bytes, dryRun } = draft;
      if (sha256(bytes) !== dryRun.file.sha256) throw Errors.invalid('The preview does not match its file.');
      const { sections, footnotes } = dryRun.recognised;
      return storeDraft(actor, itemId, bytes, dryRun.file, { sections, footnotes }, ifMatch);
    },

    async ingestDraft(actor: Actor, itemId: number, upload: Upload, options: { dryRun: boolean; ifMatch?: string }) {
      assertCanWriteVersion(actor, loadNote(ctx, itemId).facts);
      const { kind, extracted } = await readDraft(upload.bytes, limits, {
        fileName: upload.fileName,
        mediaType: upload.mediaType,
        trackedChanges: limits.trackedChanges,
      });
      const parsed = parseCoverNote(extracted);
      if (!parsed.hasSections) {
        throw Errors.noSections(
          `No cover-note section was recognised in ${displayName(upload.fileName)}. Expected the headings ${EXPECTED_HEADINGS.map((h) => `"${h}"`).join(', ')}, each on a line of its own.`,
          { expectedHeadings: EXPECTED_HEADINGS },
        );
      }
      const warnings = [...parsed.warnings, ...checkAgainstMeeting(parsed, expectedPlace(itemId))];
      const content = normaliseNoteContent(parsed.content);
      const file = {
        name: displayName(upload.fileName),
        kind,
        size: upload.bytes.length,
        sha256: sha256(upload.bytes),
      };
      const recognised = {
        headerLines: parsed.headerLines,
        meetingLine: parsed.meetingLine,
        hasCoverNoteTitle: parsed.hasCoverNoteTitle,
        item: parsed.item,
        sections: content.sections,
        footnotes: content.footnotes,
      };
      if (options.dryRun) return { dryRun: true, file, recognised, warnings, version: null };
      const version = await storeDraft(actor, itemId, upload.bytes, file, content, options.ifMatch);
      return { dryRun: false, file, recognised, warnings, version };
    },

    /**
     * The numbers of the versions uploaded as a file, whose original the drafting circle may
     * download, and who wrote each version: the item page's list of versions.
     */
    versionSources(actor: Actor, itemId: number) {
      const { note, facts } = loadNote(ctx, itemId);
      assertInDraftingCircle(actor, facts, 'original upload');
      const versions = repos.notes.listVersions(note.id);
      const uploaded = repos.files.versionsWithOriginal(note.id);
      const people = repos.people.findByIds([...new Set(versions.map((v) => v.authorId))]);
      return {
        withOriginal: new Set(versions.filter((v) => uploaded.has(v.id)).map((v) => v.number)),
        authors: new Map(people.map((p) => [p.id, p.name])),
      };
    },

    /** The uploaded file behind a version: the drafting circle only (Word metadata and all). */
    async original(actor: Actor, itemId: number, versionNumber: number) {
      assertInDraftingCircle(actor, loadNote(ctx, itemId).facts, 'original upload');
      const version = notes.getVersion(actor, itemId, versionNumber);
      const row = repos.files.originalOf(version.id);
      if (!row) throw Errors.notFound(`Version ${versionNumber} was not uploaded as a file.`);
      return { name: row.originalName, mediaType: row.mediaType, bytes: await store.read(row.storedName) };
    },

    async addAnnex(actor: Actor, itemId: number, upload: Upload, title?: string, marking = DEFAULT_MARKING) {
      const { note, facts } = loadNote(ctx, itemId);
      assertCanWriteVersion(actor, facts);
      if (note.state !== NoteState.drafting)
        throw Errors.conflict(`Annexes change only while the note is drafting; it is in ${note.state}.`);
      if (sniffKind(upload.bytes) !== 'pdf') throw Errors.unsupportedUpload('An annex must be a PDF file.');
      await assertMergeablePdf(upload.bytes);
      const name = displayName(upload.fileName);
      const row = await storeWith(upload.bytes, 'pdf', (storedName) =>
        repos.files.insert({
          noteId: note.id,
          purpose: FilePurpose.annex,
          title: title?.trim() || name.replace(/\.pdf$/i, ''),
          audience: marking.audience,
          audienceGroups: [...marking.audienceGroups],
          originalName: name,
          mediaType: 'application/pdf',
          size: upload.bytes.length,
          sha256: sha256(upload.bytes),
          storedName,
          uploadedById: actor.id,
          createdAt: isoNow(ctx),
        }),
      );
      return presentAnnex(row);
    },

    listAnnexes(actor: Actor, itemId: number) {
      return visibleAnnexes(actor, itemId).map(presentAnnex);
    },

    async annexFile(actor: Actor, itemId: number, annexId: number) {
      const row = visibleAnnexes(actor, itemId).find((a) => a.id === annexId);
      if (!row) throw Errors.notFound(`Item ${itemId} has no annex ${annexId}.`);
      return { name: row.originalName, mediaType: row.mediaType, bytes: await store.read(row.storedName) };
    },

    async removeAnnex(actor: Actor, itemId: number, annexId: number) {
      const { note, facts } = loadNote(ctx, itemId);
      assertCanWriteVersion(actor, facts);
      const row = repos.files.find(annexId);
      if (!row || row.noteId !== note.id || row.purpose !== FilePurpose.annex)
        throw Errors.notFound(`Item ${itemId} has no annex ${annexId}.`);
      if (note.state !== NoteState.drafting)
        throw Errors.conflict(`Annexes change only while the note is drafting; it is in ${note.state}.`);
      repos.files.delete(annexId);
      await store.remove(row.storedName);
    },

    /** The annexes of an item as the packet merges them, in upload order (those `reader` may open, if named). */
    async annexesForPacket(itemId: number, reader?: Actor) {
      const note = repos.notes.findByItem(itemId);
      if (!note) return [];
      const rows = reader ? visibleAnnexes(reader, itemId) : repos.files.annexesOf(note.id);
      return Promise.all(
        rows.map(async (row) => ({ title: row.title ?? row.originalName, bytes: await store.read(row.storedName) })),
      );
    },

    /** Removes files a crash left without a database row. */
    sweepOrphans: () => store.sweep(repos.files.allStoredNames()),
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
