import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder } from '../paths.js';
import type { DatabaseHandle } from './client.js';

/** Applies the committed drizzle-kit migrations; a no-op when the database is current. */
export function migrateDatabase(handle: DatabaseHandle): void {
  migrate(handle.db, { migrationsFolder });
}
