import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { migrationsFolder } from '../../src/paths.js';

/** Runs one committed migration file as the migrator would: statement by statement. */
function apply(db: Database.Database, file: string) {
  for (const statement of readFileSync(join(migrationsFolder, file), 'utf8').split('--> statement-breakpoint')) {
    if (statement.trim()) db.exec(statement);
  }
}

/**
 * A database from before publications existed: one note released twice (reopened in between,
 * a second version released), one released then reopened and drafting again, one never
 * released. The migration must recover every publication from the audit trail.
 */
t.test('the migration publishes what the audit trail says was released, in order', async (t) => {
  const db = new Database(':memory:');
  const files = readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  // The database as it stood just before the migration that backfills publications.
  const backfill = files.indexOf('0007_confidentiality.sql');
  t.ok(backfill > 0, 'the backfilling migration is committed');
  for (const file of files.slice(0, backfill)) apply(db, file);

  db.exec(`
    INSERT INTO people (id, name, email, role, created_at) VALUES (1, 'Sam', 's@x.eu', 'secretariat', '2020-01-01');
    INSERT INTO people (id, name, email, role, created_at) VALUES (2, 'Rui', 'r@x.eu', 'rapporteur', '2020-01-01');
    INSERT INTO networks (id, name, header_lines, created_at) VALUES (1, 'eHN', '[]', '2020-01-01');
    INSERT INTO meetings (id, network_id, ordinal, start_date, end_date, city, country, created_at)
      VALUES (1, 1, 18, '2020-11-12', '2020-11-13', 'Brussels', 'Belgium', '2020-01-01');
    INSERT INTO agenda_items (id, meeting_id, position, number, title, created_at) VALUES
      (1, 1, 1, '1', 'Twice', '2020-01-01'), (2, 1, 2, '2', 'Reopened', '2020-01-01'), (3, 1, 3, '3', 'Never', '2020-01-01');
    INSERT INTO cover_notes (id, item_id, state, procedure, updated_at) VALUES
      (1, 1, 'released', 'for-adoption', '2020-11-03'), (2, 2, 'drafting', 'for-information', '2020-11-04'),
      (3, 3, 'review', NULL, '2020-11-04');
    INSERT INTO note_versions (id, note_id, number, content, content_hash, author_id, created_at) VALUES
      (1, 1, 1, '{}', 'h-1a', 2, '2020-10-01'), (2, 1, 2, '{}', 'h-1b', 2, '2020-10-02'),
      (3, 1, 3, '{}', 'h-1c', 2, '2020-10-03'), (4, 2, 1, '{}', 'h-2a', 2, '2020-10-01'),
      (5, 2, 2, '{}', 'h-2b', 2, '2020-10-05'), (6, 3, 1, '{}', 'h-3a', 2, '2020-10-01');
    INSERT INTO audit_events (note_id, item_id, event, from_state, to_state, actor_id, at, version_hash, prev_hash, hash) VALUES
      (1, 1, 'submit', 'drafting', 'review', 2, '2020-10-02T10:00:00Z', 'h-1b', 'x', 'a'),
      (1, 1, 'release', 'review', 'released', 1, '2020-10-02T11:00:00Z', 'h-1b', 'a', 'b'),
      (2, 2, 'release', 'review', 'released', 1, '2020-10-02T12:00:00Z', 'h-2a', 'b', 'c'),
      (1, 1, 'reopen', 'released', 'drafting', 1, '2020-10-03T09:00:00Z', 'h-1b', 'c', 'd'),
      (1, 1, 'release', 'review', 'released', 1, '2020-11-03T09:00:00Z', 'h-1c', 'd', 'e'),
      (2, 2, 'reopen', 'released', 'drafting', 1, '2020-11-04T09:00:00Z', 'h-2a', 'e', 'f'),
      (3, 3, 'submit', 'drafting', 'review', 2, '2020-11-04T10:00:00Z', 'h-3a', 'f', 'g');
  `);
  apply(db, '0007_confidentiality.sql');

  t.same(
    db
      .prepare(
        'SELECT note_id, version_id, number, procedure, released_by_id, released_at FROM note_publications ORDER BY id',
      )
      .all(),
    [
      {
        note_id: 1,
        version_id: 2,
        number: 1,
        procedure: 'for-adoption',
        released_by_id: 1,
        released_at: '2020-10-02T11:00:00Z',
      },
      {
        note_id: 2,
        version_id: 4,
        number: 1,
        procedure: 'for-information',
        released_by_id: 1,
        released_at: '2020-10-02T12:00:00Z',
      },
      {
        note_id: 1,
        version_id: 3,
        number: 2,
        procedure: 'for-adoption',
        released_by_id: 1,
        released_at: '2020-11-03T09:00:00Z',
      },
    ],
  );
  t.throws(() => db.exec('UPDATE note_publications SET version_id = 1'), /publications are append-only/);
  t.same(
    db.prepare('SELECT audience, audience_groups FROM agenda_items WHERE id = 1').get(),
    { audience: 'network', audience_groups: '[]' },
    'existing items are marked for the network',
  );
});
