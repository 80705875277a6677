import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { makePrivateDatabaseFile, makePrivateFolder } from '../private-files.js';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface DatabaseHandle {
  db: Db;
  sqlite: Database.Database;
  /**
   * Runs `work` in one `BEGIN IMMEDIATE` transaction. Synchronous on purpose: with
   * better-sqlite3 anything after an `await` would run outside the transaction.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}

/** Opens the one writer connection with the pragmas every part of agendum relies on. */
export function openDatabase(file: string): DatabaseHandle {
  if (file !== ':memory:') {
    makePrivateFolder(dirname(file));
    makePrivateDatabaseFile(file);
  }
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL's default NORMAL can lose the last commits on power loss; an acknowledged write must survive.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle({ client: sqlite, schema });
  return {
    db,
    sqlite,
    transaction<T>(work: () => T): T {
      return sqlite
        .transaction(() => {
          const result = work();
          if (result instanceof Promise) throw new Error('transaction work must be synchronous');
          return result;
        })
        .immediate();
    },
    close: () => sqlite.close(),
  };
}
