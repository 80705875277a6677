import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { withNoteCache, type CachingRenderer } from '../../rendering/pdf/note-pdf-cache.js';
import { leaseRenderPool, type RenderPool } from '../../rendering/pdf/render-pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The PDF renderer the services use: the worker pool behind the note cache. */
    renderer: CachingRenderer & Pick<RenderPool, 'load'>;
  }
}

/**
 * PDF rendering off the event loop: the process's worker pool (threads start with the first
 * render) behind a cache of rendered notes. On close the app waits for its renders under way and
 * gives the pool back; the last app to give it back closes it.
 */
async function rendererPlugin(app: FastifyInstance, opts: { config: Config }) {
  const { threads, maxQueue, cacheBytes } = opts.config.render;
  const lease = leaseRenderPool({ threads, maxQueue });
  const pool = lease.renderer;
  app.decorate('renderer', { ...withNoteCache(pool, { maxBytes: cacheBytes }), load: pool.load });
  app.addHook('onClose', async () => {
    await lease.release();
  });
}

export default fp(rendererPlugin, { name: 'renderer' });
