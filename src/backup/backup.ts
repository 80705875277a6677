import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileDurably } from '../durable-file.js';
import { makePrivateDatabaseFile, makePrivateFolder } from '../private-files.js';
import Database from 'better-sqlite3';
import type { Config } from '../config/env.js';

/**
 * A backup is one SQLite file: the database copied with SQLite's online backup API (a
 * consistent snapshot while the server keeps writing), plus a table holding every file the
 * snapshot refers to (uploads and the stored renderings of packets). Those files never change,
 * so the snapshot's rows and the files they name always belong together.
 */
export interface BackupSummary {
  file: string;
  bytes: number;
  files: number;
}

export async function backupTo(config: Config, target: string): Promise<BackupSummary> {
  if (!existsSync(config.databaseFile)) throw new Error(`there is no database at ${config.databaseFile}`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // A backup holds everything the data folder does: as private as the database.
  makePrivateDatabaseFile(partial);
  const source = new Database(config.databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  let files = 0;
  try {
    copy.exec('CREATE TABLE backup_files (stored_name TEXT PRIMARY KEY, bytes BLOB NOT NULL)');
    const names = copy
      .prepare('SELECT stored_name AS name FROM stored_files UNION SELECT stored_name FROM packet_files')
      .all() as { name: string }[];
    const insert = copy.prepare('INSERT INTO backup_files (stored_name, bytes) VALUES (?, ?)');
    copy.transaction(() => {
      for (const { name } of names) {
        insert.run(name, readFileSync(join(config.uploadsDir, name)));
        files += 1;
      }
    })();
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size, files };
}

/**
 * Puts a backup in place of the data folder's database and uploads. The server must be
 * stopped: the database is replaced, not merged.
 */
export async function restoreFrom(config: Config, source: string): Promise<BackupSummary> {
  if (!existsSync(source)) throw new Error(`there is no backup at ${source}`);
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  let files = 0;
  try {
    const isBackup = backup.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backup_files'").get();
    if (!isBackup) throw new Error(`${source} is not an agendum backup`);
    assertServerStopped(config);
    makePrivateFolder(config.uploadsDir);
    for (const row of backup.prepare('SELECT stored_name AS name, bytes FROM backup_files').iterate() as Iterable<{
      name: string;
      bytes: Buffer;
    }>) {
      if (!/^[a-z0-9]+\.[a-z]+$/.test(row.name))
        throw new Error(`the backup holds an unexpected file name: ${row.name}`);
      await writeFileDurably(config.uploadsDir, row.name, row.bytes);
      files += 1;
    }
    const staging = `${config.databaseFile}.restoring`;
    rmSync(staging, { force: true });
    makePrivateDatabaseFile(staging);
    await backup.backup(staging);
  } finally {
    backup.close();
  }
  return finishRestore(config, files);
}

function finishRestore(config: Config, files: number): BackupSummary {
  const staging = `${config.databaseFile}.restoring`;
  const db = new Database(staging);
  db.exec('DROP TABLE backup_files');
  db.pragma('journal_mode = WAL');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${config.databaseFile}${suffix}`, { force: true });
  renameSync(staging, config.databaseFile);
  return { file: config.databaseFile, bytes: statSync(config.databaseFile).size, files };
}

/** A running server holds the database; restoring under it would lose its writes. */
function assertServerStopped(config: Config) {
  if (!existsSync(config.databaseFile)) return;
  const live = new Database(config.databaseFile, { timeout: 200 });
  try {
    live.exec('BEGIN EXCLUSIVE');
    live.exec('ROLLBACK');
  } catch {
    throw new Error('the database is in use: stop the server before restoring');
  } finally {
    live.close();
  }
}
