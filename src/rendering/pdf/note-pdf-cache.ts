import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PdfRenderer } from './pdf-renderer.js';

/**
 * Rendered cover notes by content hash. A note's PDF is a pure function of its view (the
 * version's content, the marking, the meeting and header lines, the draft label) and its
 * creation date, so the hash of those is a complete key: a changed note gets a new key, an
 * unchanged one is served from memory, and the mail of a packet after one note changed renders
 * only that note. Renders under way are shared too (twenty readers of a fresh note, one render).
 * Bounded by the bytes it holds; the least recently used notes go first.
 */

export interface NoteCacheStats {
  hits: number;
  renders: number;
  bytes: number;
  entries: number;
}

export interface CachingRenderer extends PdfRenderer {
  noteCache(): NoteCacheStats;
}

/** The content hash of a render's input: SHA-256 of its JSON (views are built in a fixed key order). */
export const renderKey = (view: unknown, now: Date): string =>
  createHash('sha256')
    .update(JSON.stringify({ view, now: now.toISOString() }))
    .digest('hex');

export function withNoteCache(renderer: PdfRenderer, options: { maxBytes: number }): CachingRenderer {
  const done = new LRUCache<string, Buffer>({
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (bytes) => Math.max(1, bytes.length),
  });
  const underWay = new Map<string, Promise<Buffer>>();
  const stats = { hits: 0, renders: 0 };

  return {
    ...renderer,
    renderNote(view, { now }) {
      const key = renderKey(view, now);
      const cached = done.get(key) ?? underWay.get(key);
      if (cached) {
        stats.hits += 1;
        return Promise.resolve(cached);
      }
      stats.renders += 1;
      const render = renderer
        .renderNote(view, { now })
        .then((bytes) => {
          // A note larger than the whole cache is served, not kept.
          if (bytes.length <= options.maxBytes) done.set(key, bytes);
          return bytes;
        })
        .finally(() => underWay.delete(key));
      underWay.set(key, render);
      return render;
    },
    noteCache: () => ({ ...stats, bytes: done.calculatedSize, entries: done.size }),
  };
}
