import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { NoteContent } from '../domain/note-content.js';
import type { DraftKind } from '../ingest/read-draft.js';

/**
 * An uploaded draft waits between its preview and "save", read once: the bytes and what was read stay on the server (a
 * hidden form field would send megabytes back and forth), for 15 minutes, for the person who
 * uploaded it, one per person and item. All previews together hold at most ten uploads' worth
 * of bytes: beyond that the oldest go, and their "save" says to upload again. Lost on a restart.
 */
interface Preview {
  bytes: Buffer;
  /** What the preview read from the file: "save" stores it, the file is not parsed again. */
  dryRun: { file: { name: string; kind: DraftKind; size: number; sha256: string }; recognised: NoteContent };
  itemId: number;
  personId: number;
}
export function previewStore(maxUploadBytes: number) {
  const previews = new LRUCache<string, Preview>({
    ttl: 15 * 60_000,
    maxSize: 10 * maxUploadBytes,
    sizeCalculation: (preview) => Math.max(1, preview.bytes.length),
  });
  return {
    keep(preview: Preview): string {
      for (const [key, kept] of previews.entries())
        if (kept.personId === preview.personId && kept.itemId === preview.itemId) previews.delete(key);
      const id = randomBytes(16).toString('hex');
      previews.set(id, preview);
      return id;
    },
    /** The preview, if it is still there and is this person's draft for this item. */
    take(id: string, personId: number, itemId: number): Preview | undefined {
      const kept = previews.get(id);
      return kept && kept.personId === personId && kept.itemId === itemId ? kept : undefined;
    },
    drop: (id: string) => void previews.delete(id),
  };
}
