import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { Errors } from '../../domain/errors.js';
import { UnreadableAnnexError } from './packet-merge.js';
import { rendererOf, type PdfRenderer, type RenderTask } from './pdf-renderer.js';
import type { RenderOutcome } from './render-worker.js';

/**
 * PDFs are rendered on a pool of worker threads (piscina), never on the event loop: a long
 * packet or a hostile note takes a thread for its time, while the server goes on answering.
 *
 * Threads start with the first render and stop after a minute without one. The pool is bounded:
 * `threads` renders at once (by default one per core), `maxQueue` waiting; past that a render is
 * refused at once with AGENDUM_BUSY (503), rather than queueing work no one will wait for.
 *
 * A process holds one pool per setting, shared by its apps (leaseRenderPool): a thread that
 * has loaded the renderers and parsed the fonts is kept for the next app rather than started
 * again (the tests build an app per test; under a TypeScript loader a thread takes seconds).
 *
 * The worker module is this folder's render-worker: `.js` from the build, `.ts` when the sources
 * run through a TypeScript loader (tap, tsx); the threads inherit the process's `execArgv`, so
 * they load it the same way.
 */

export interface RenderPoolOptions {
  /** Renders at once; one per core by default. */
  threads?: number;
  /** Renders that may wait for a thread before new ones are refused. */
  maxQueue: number;
}

const WORKER = new URL(`./render-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
const IDLE_MS = 60_000;

export interface RenderPool extends PdfRenderer {
  /** Renders running and waiting, for health figures. */
  load(): { running: number; queued: number; threads: number };
}

export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const threads = options.threads ?? availableParallelism();
  const pool = new Piscina<RenderTask, RenderOutcome>({
    filename: WORKER.href,
    minThreads: 0,
    maxThreads: threads,
    maxQueue: options.maxQueue,
    idleTimeout: IDLE_MS,
  });
  let running = 0;

  async function run(task: RenderTask): Promise<Buffer> {
    if (pool.queueSize >= options.maxQueue) throw busy();
    running += 1;
    try {
      const outcome = await pool.run(task);
      if ('unreadableAnnex' in outcome) throw new UnreadableAnnexError(outcome.unreadableAnnex);
      const { bytes } = outcome;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if ((error as Error).message === 'Task queue is at limit') throw busy();
      throw error;
    } finally {
      running -= 1;
    }
  }

  const busy = () =>
    Errors.busy(
      `Every PDF renderer is busy (${threads} running, ${options.maxQueue} waiting); try again in a few seconds.`,
    );

  return {
    ...rendererOf(run, () => pool.close()),
    load: () => ({ running: running - pool.queueSize, queued: pool.queueSize, threads: pool.threads.length }),
  };
}

interface SharedPool {
  pool: RenderPool;
  users: number;
  linger?: NodeJS.Timeout;
}

const shared = new Map<string, SharedPool>();
/** How long a pool no app uses keeps its threads before it is closed. */
const LINGER_MS = 5_000;

export interface RenderPoolLease {
  renderer: RenderPool;
  /** Waits for this lease's renders under way; the last lease closes the pool after LINGER_MS. */
  release(): Promise<void>;
}

/** The process's pool for these options, for one app: release it when the app closes. */
export function leaseRenderPool(options: RenderPoolOptions): RenderPoolLease {
  const key = JSON.stringify([options.threads ?? availableParallelism(), options.maxQueue]);
  let entry = shared.get(key);
  if (!entry) shared.set(key, (entry = { pool: createRenderPool(options), users: 0 }));
  const held = entry;
  clearTimeout(held.linger);
  held.users += 1;
  const underWay = new Set<Promise<unknown>>();
  const track = <T>(render: Promise<T>): Promise<T> => {
    underWay.add(render);
    return render.finally(() => underWay.delete(render));
  };
  let released = false;
  return {
    renderer: {
      renderNote: (view, options) => track(held.pool.renderNote(view, options)),
      renderAgenda: (view, options) => track(held.pool.renderAgenda(view, options)),
      renderPacket: (view, options) => track(held.pool.renderPacket(view, options)),
      load: () => held.pool.load(),
      close: () => releaseLease(),
    },
    release: () => releaseLease(),
  };

  async function releaseLease(): Promise<void> {
    if (released) return;
    released = true;
    await Promise.allSettled([...underWay]);
    held.users -= 1;
    if (held.users > 0) return;
    held.linger = setTimeout(() => {
      if (held.users > 0) return;
      shared.delete(key);
      void held.pool.close();
    }, LINGER_MS).unref();
  }
}
