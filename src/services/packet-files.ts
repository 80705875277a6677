import { createHash } from 'node:crypto';
import { markingLabel } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import type { FrozenPacket, FrozenPacketItem, PacketAudience } from '../domain/frozen-packet.js';
import { meetingFileStem } from '../domain/meeting-line.js';
import { NoteState } from '../domain/note-workflow.js';
import type { FileStore } from '../ingest/file-store.js';
import type { Attachment } from '../mail/mime.js';
import { UnreadableAnnexError } from '../rendering/pdf/packet-merge.js';
import { inProcessRenderer, type PdfRenderer } from '../rendering/pdf/pdf-renderer.js';
import { buildAgendaView, type AgendaView } from '../rendering/views/agenda-view.js';
import { buildNoteView, type NoteView } from '../rendering/views/note-view.js';
import { buildPacketView, type AnnexView } from '../rendering/views/packet-view.js';
import type { PacketRow } from '../repositories/mail-repository.js';
import { isoNow, type ServiceContext } from './context.js';

export type FrozenRow = PacketRow & { frozen: FrozenPacket };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (filename: string, content: Buffer): Attachment => ({ filename, contentType: 'application/pdf', content });

const fileStem = ({ meeting }: FrozenPacket) => meetingFileStem(meeting.ordinal, meeting.networkName);

/**
 * The PDFs of frozen packets: rendered once per audience from the frozen version ids and annex
 * hashes, stored (durably, under a generated name) and recorded in packet_files, then served
 * from the store ever after, so a link returns the same bytes whatever was released since.
 * Renderings are pure functions of their views and the packet's creation time.
 */
export function createPacketFiles(ctx: ServiceContext, store: FileStore, renderer: PdfRenderer = inProcessRenderer()) {
  const { repos } = ctx;
  // One rendering per key at a time: the recipients of an audience wait for the same one.
  const rendering = new Map<string, Promise<Buffer>>();

  function agendaView(frozen: FrozenPacket): AgendaView {
    const { headerLines, ...meeting } = frozen.meeting;
    return buildAgendaView({
      meeting,
      headerLines,
      items: frozen.items.map((i) => ({
        id: i.itemId,
        number: i.number,
        title: i.title,
        rapporteurs: i.rapporteurs.map((name) => ({ name })),
        procedure: i.procedure,
      })),
    });
  }

  /** The published version as readers saw it on the day: printed as released, never as a draft. */
  function noteView(frozen: FrozenPacket, item: FrozenPacketItem): NoteView {
    const version = repos.notes.findVersion(item.versionId!);
    if (!version) throw Errors.gone(`The published version of item ${item.number} no longer exists.`);
    const { headerLines, ...meeting } = frozen.meeting;
    return buildNoteView({
      meeting,
      headerLines,
      item,
      note: { state: NoteState.released, procedure: item.procedure, currentVersionId: version.id },
      version,
      marking: item,
    });
  }

  /** An annex's bytes, checked against the hash it was published with. */
  async function annexBytes(item: FrozenPacketItem, annex: FrozenPacketItem['annexes'][number]) {
    const row = repos.files.find(annex.fileId);
    const bytes = row ? await store.read(row.storedName).catch(() => null) : null;
    if (!bytes || sha256(bytes) !== annex.sha256)
      throw new UnreadableAnnexError(
        `The annex "${annex.title}" of item ${item.number} is no longer the file that was released.`,
      );
    return bytes;
  }

  async function renderCombined(frozen: FrozenPacket, audience: PacketAudience): Promise<Buffer> {
    const notes = new Map<number, NoteView>();
    const annexes = new Map<number, AnnexView[]>();
    const markings = new Map<number, string>();
    const withheldAnnexes = new Map<number, string[]>();
    for (const item of frozen.items) {
      if (item.versionId === null || audience.withheldItems.has(item.itemId)) continue;
      notes.set(item.itemId, noteView(frozen, item));
      markings.set(item.itemId, markingLabel(item));
      const kept: AnnexView[] = [];
      for (const annex of item.annexes) {
        if (audience.withheldAnnexes.has(annex.fileId)) continue;
        kept.push({ title: annex.title, bytes: await annexBytes(item, annex) });
      }
      annexes.set(item.itemId, kept);
      const left = item.annexes.filter((a) => audience.withheldAnnexes.has(a.fileId)).map((a) => a.title);
      if (left.length > 0) withheldAnnexes.set(item.itemId, left);
    }
    const view = buildPacketView({
      agenda: agendaView(frozen),
      notes,
      annexes,
      markings,
      withheld: audience.withheldItems,
      withheldAnnexes,
    });
    return renderer.renderPacket(view, { now: new Date(frozen.createdAt) });
  }

  /** The stored bytes under `key`, rendered and stored first if this is the first ask. */
  async function stored(packet: FrozenRow, key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const row = repos.mail.findPacketFile(packet.id, key);
    if (row) {
      const bytes = await store.read(row.storedName);
      if (sha256(bytes) !== row.sha256)
        throw new Error(`the stored file ${key} of packet ${packet.id} changed on disk`);
      return bytes;
    }
    const flight = `${packet.id}:${key}`;
    let pending = rendering.get(flight);
    if (!pending) {
      pending = (async () => {
        const bytes = await render();
        const storedName = await store.write(bytes, 'pdf');
        const recorded = repos.mail.insertPacketFile({
          packetId: packet.id,
          key,
          sha256: sha256(bytes),
          size: bytes.length,
          storedName,
          createdAt: isoNow(ctx),
        });
        if (recorded) return bytes;
        // Someone recorded it first (another process): theirs is what every link serves.
        await store.remove(storedName);
        return store.read(repos.mail.findPacketFile(packet.id, key)!.storedName);
      })().finally(() => rendering.delete(flight));
      rendering.set(flight, pending);
    }
    return pending;
  }

  return {
    /** One PDF for this audience: cover, contents, agenda, the notes it may read and their annexes. */
    async combined(packet: FrozenRow, audience: PacketAudience): Promise<Attachment> {
      const bytes = await stored(packet, `${audience.key}:combined`, () => renderCombined(packet.frozen, audience));
      return pdf(`${fileStem(packet.frozen)}-packet.pdf`, bytes);
    },

    /** An addendum packet's changes for one audience (`key`: what its readers may read now and before). */
    async addendum(packet: FrozenRow, key: string, render: () => Promise<Buffer>): Promise<Attachment> {
      const bytes = await stored(packet, `${key}:addendum`, render);
      return pdf(`${fileStem(packet.frozen)}-addendum-to-packet-${packet.frozen.addendum!.to}.pdf`, bytes);
    },

    /** The agenda and one PDF per note this audience may read (the same files for every audience). */
    async separate(packet: FrozenRow, audience: PacketAudience): Promise<Attachment[]> {
      const { frozen } = packet;
      const stem = fileStem(frozen);
      const now = new Date(frozen.createdAt);
      const agenda = await stored(packet, 'shared:agenda', () => renderer.renderAgenda(agendaView(frozen), { now }));
      const files = [pdf(`${stem}-agenda.pdf`, agenda)];
      for (const item of frozen.items) {
        if (item.versionId === null || audience.withheldItems.has(item.itemId)) continue;
        const view = noteView(frozen, item);
        // A note's file is the same for every audience that may read it: one key for all.
        const bytes = await stored(packet, `shared:note-${item.itemId}`, () =>
          renderer.renderNote(view, { now: new Date(view.createdAt) }),
        );
        files.push(pdf(`${stem}-item-${item.number}-v${view.versionNumber}.pdf`, bytes));
      }
      return files;
    },
  };
}
export type PacketFiles = ReturnType<typeof createPacketFiles>;
