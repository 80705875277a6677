import { UnreadableAnnexError } from './packet-merge.js';
import { runRenderTask, type RenderTask } from './pdf-renderer.js';

/**
 * The entry point of a render thread (render-pool.ts): one task in, the PDF's bytes out. Fonts
 * are parsed once per thread, on the first task, and kept with the shaping caches for its life.
 *
 * An unreadable annex is the user's mistake (409), not a crash: it comes back as a value,
 * because an error crossing threads loses its class.
 */
export type RenderOutcome = { bytes: Uint8Array } | { unreadableAnnex: string };

export default async function render(task: RenderTask): Promise<RenderOutcome> {
  try {
    return { bytes: await runRenderTask(task) };
  } catch (error) {
    if (error instanceof UnreadableAnnexError) return { unreadableAnnex: error.message };
    throw error;
  }
}
