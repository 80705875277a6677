import type { AgendaView } from '../views/agenda-view.js';
import type { NoteView } from '../views/note-view.js';
import type { PacketView } from '../views/packet-view.js';
import { renderAgendaPdf } from './agenda-pdf.js';
import { renderCoverNotePdf } from './cover-note-pdf.js';
import { renderPacketPdf } from './packet-pdf.js';

/**
 * What the services ask of the PDF renderers: view models in, PDF bytes out. The same interface
 * is served in this thread (the CLI, tests of a renderer alone) or by the worker pool
 * (render-pool.ts) that the server uses, so that no request holds the event loop.
 */
export interface PdfRenderer {
  renderNote(view: NoteView, options: { now: Date }): Promise<Buffer>;
  renderAgenda(view: AgendaView, options: { now: Date }): Promise<Buffer>;
  renderPacket(view: PacketView, options: { now: Date }): Promise<Buffer>;
  /** Stops the renderer's threads (renders under way finish first); a no-op in this thread. */
  close(): Promise<void>;
}

/**
 * One render as plain data, as it crosses to a worker thread: a view model (plain objects,
 * strings, numbers and the bytes of annexes) and the creation date as an ISO string.
 */
export type RenderTask =
  | { kind: 'note'; view: NoteView; now: string }
  | { kind: 'agenda'; view: AgendaView; now: string }
  | { kind: 'packet'; view: PacketView; now: string };

/** Runs one render task in the calling thread. */
export function runRenderTask(task: RenderTask): Promise<Buffer> {
  const now = new Date(task.now);
  switch (task.kind) {
    case 'note':
      return renderCoverNotePdf(task.view, { now });
    case 'agenda':
      return renderAgendaPdf(task.view, { now });
    case 'packet':
      return renderPacketPdf(task.view, { now });
  }
}

/** A renderer built on a function that runs tasks (in this thread, or in a pool). */
export function rendererOf(run: (task: RenderTask) => Promise<Buffer>, close = async () => {}): PdfRenderer {
  return {
    renderNote: (view, { now }) => run({ kind: 'note', view, now: now.toISOString() }),
    renderAgenda: (view, { now }) => run({ kind: 'agenda', view, now: now.toISOString() }),
    renderPacket: (view, { now }) => run({ kind: 'packet', view, now: now.toISOString() }),
    close,
  };
}

/** Renders in the calling thread: for the CLI and for code that renders one file at a time. */
export const inProcessRenderer = (): PdfRenderer => rendererOf(runRenderTask);
