import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Errors } from '../domain/errors.js';

/** The file that marks a folder as agendum's: only such a folder (or an empty one) is ever replaced. */
export const FOLDER_MARK = '.agendum-publication';

async function isReplaceable(target: string): Promise<boolean> {
  const entries = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return entries === null || entries.length === 0 || entries.includes(FOLDER_MARK);
}

/**
 * Builds a folder beside `target` and then puts it in `target`'s place, so that a web server
 * never serves a half-built folder: it sees the old folder whole until the swap, then the new
 * one whole. (Two renames: between them, a request may find no folder, never a partial one.)
 * A failed build leaves the old folder as it was. A folder that agendum did not build is never
 * replaced: publishing into `/var/www` by mistake must not delete it.
 */
export async function replaceFolder<T>(target: string, build: (folder: string) => Promise<T>): Promise<T> {
  const path = resolve(target);
  const parent = dirname(path);
  await mkdir(parent, { recursive: true });
  if (!(await isReplaceable(path)))
    throw Errors.conflict(
      `${path} holds files that agendum publish did not write; choose a new or empty folder for the publication.`,
    );
  const building = await mkdtemp(join(parent, `.${basename(path)}.building-`));
  let result: T;
  try {
    result = await build(building);
    await writeFile(join(building, FOLDER_MARK), 'Built by agendum publish: the next publication replaces it whole.\n');
    // mkdtemp makes a private folder; a web server running as another user must read this one.
    await chmod(building, 0o755);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  const old = join(parent, `.${basename(path)}.old-${randomBytes(6).toString('hex')}`);
  const hadOld = await stat(path).then(
    () => true,
    () => false,
  );
  if (hadOld) await rename(path, old);
  await rename(building, path);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return result;
}
