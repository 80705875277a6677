import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../durable-file.js';
import { makePrivateFolder } from '../private-files.js';

/**
 * Uploaded bytes on disk, under generated names only (a client's file name never becomes a path).
 * Writes are durable (writeFileDurably): a crash leaves either nothing or the whole file.
 */
export function createFileStore(dir: string) {
  makePrivateFolder(dir);
  const pathOf = (name: string) => {
    if (!/^[a-z0-9]+\.[a-z]+$/.test(name)) throw new Error(`not a stored file name: ${name}`);
    return join(dir, name);
  };

  return {
    dir,

    async write(bytes: Uint8Array, extension: string): Promise<string> {
      const name = `${randomBytes(16).toString('hex')}.${extension}`;
      pathOf(name);
      await writeFileDurably(dir, name, bytes);
      return name;
    },

    read: (name: string) => readFile(pathOf(name)),

    remove: (name: string) => rm(pathOf(name), { force: true }),

    /**
     * Removes what a crash may have left: temporary files, and files no database row names
     * (written, then the transaction that would have recorded them did not commit).
     */
    async sweep(known: ReadonlySet<string>): Promise<string[]> {
      const removed: string[] = [];
      for (const entry of readdirSync(dir)) {
        if (entry.startsWith('.tmp-') || (/^[a-z0-9]+\.[a-z]+$/.test(entry) && !known.has(entry))) {
          await rm(join(dir, entry), { force: true });
          removed.push(entry);
        }
      }
      return removed;
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
