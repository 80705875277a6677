import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data folder holds unreleased drafts, password hashes and the link key: readable by the
 * service's own user only, whatever the umask. Folders 0700, files 0600; what an older version
 * left more open is tightened at start.
 */
export function makePrivateFolder(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch (error) {
    // A folder another user owns (a mount point) keeps the mode its owner chose; the files in
    // it are 0600 all the same.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/**
 * Creates an SQLite file 0600 before SQLite opens it (SQLite gives its -wal, -shm and -journal
 * files the mode of the database file), and tightens one that exists.
 */
export function makePrivateDatabaseFile(file: string) {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}
