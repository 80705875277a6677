import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { NoteView } from '../views/note-view.js';
import { layoutCoverNote } from './cover-note-pdf.js';
import type { FontSet } from './fonts.js';
import type { Part } from './page-drawing.js';

/**
 * Typeset and paginated notes by content hash, for packets: a packet rebuilt after one note
 * changed typesets only that note; the others' lines and pages are taken as they were (drawing
 * only reads them). Per thread, as the fonts are: each render thread keeps its own.
 */
const layouts = new LRUCache<string, Part>({ max: 500 });

export function cachedNoteLayout(view: NoteView, fonts: FontSet, destination: string): Part {
  const key = createHash('sha256').update(JSON.stringify(view)).update(`\0${destination}`).digest('hex');
  let part = layouts.get(key);
  if (!part) layouts.set(key, (part = layoutCoverNote(view, fonts, destination)));
  return part;
}
