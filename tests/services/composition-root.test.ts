import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createServices } from '../../src/services/index.js';
import { testConfig } from '../helper.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every TypeScript file under `dir` (relative to the repository), with its text. */
function sourcesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(root, dir, name), 'utf8') }));
}

/** `file: match` for each line of the files under `dirs` where one of the patterns matches. */
function findings(dirs: string[], patterns: RegExp[], except: string[] = []) {
  const found: string[] = [];
  for (const { path, text } of dirs.flatMap(sourcesUnder)) {
    if (except.includes(path)) continue;
    for (const line of text.split('\n')) {
      for (const pattern of patterns) {
        const match = pattern.exec(line);
        if (match) found.push(`${path}: ${match[0]}`);
      }
    }
  }
  return found;
}

t.test('pages and routes reach no repository, no database and no service context', async (t) => {
  const reach = [
    /from '[^']*\/repositories\/[^']*'/,
    /from '[^']*\/db\/[^']*'/,
    /from 'drizzle-orm[^']*'/,
    /from 'better-sqlite3'/,
    /from '[^']*\/services\/context\.js'/,
    /\bServiceContext\b/,
    /\.ctx\b/,
    /\brepos\./,
    /\bapp\.database\b/,
  ];
  t.same(findings(['src/web', 'src/routes'], reach), [], 'nothing in src/web or src/routes');
  // The patterns see what they are meant to: a page reading a repository would be named.
  const leaky = "import { x } from '../repositories/index.js';\nconst m = app.services.ctx.repos.meetings;";
  t.same(
    reach.flatMap((p) => leaky.split('\n').flatMap((line) => p.exec(line)?.[0] ?? [])),
    ["from '../repositories/index.js'", '.ctx', 'repos.'],
  );
});

t.test('use cases are built in src/services/index.ts and nowhere else', async (t) => {
  // A call of a factory, not its definition (`function createX(`).
  const building =
    /(?<!function )\bcreate\w+(Service|Repository|Repositories|Worker|Files|Sending|Progress|Links|Messages)\(/;
  const places = findings(['src'], [building]).map((line) => line.split(':')[0]);
  t.same(
    [...new Set(places)],
    ['src/repositories/index.ts', 'src/services/index.ts', 'src/services/packet-service.ts'],
    'the repositories, the root, and the packet service assembling its own parts',
  );
  t.same(
    findings(['src'], [/(?<!function )\bcreateServices\(/]),
    [
      'src/cli/with-services.ts: createServices(',
      'src/plugins/app/services.ts: createServices(',
    ],
    'the server and the CLI use the same root',
  );
});

t.test('the root hands out services only: no context, no repositories', async (t) => {
  const config = testConfig(t);
  const handle = openDatabase(config.databaseFile);
  t.teardown(() => handle.close());
  migrateDatabase(handle);
  const services = createServices(handle, config);
  t.same(Object.keys(services).sort(), [
    'actionPoints',
    'addenda',
    'agenda',
    'auth',
    'carryOver',
    'clock',
    'credentials',
    'demoData',
    'digests',
    'documents',
    'groups',
    'health',
    'ingest',
    'linkUse',
    'mailWorker',
    'meetingStatus',
    'meetings',
    'notes',
    'notifications',
    'packets',
    'pdf',
    'people',
    'peopleDirectory',
    'peopleImport',
    'personAudit',
    'personLinks',
    'publication',
    'recipients',
    'records',
    'redlines',
    'review',
    'secondFactor',
    'sso',
    'summaryReports',
    'workflow',
  ]);
  const exposed = Object.values(services).flatMap((service) => Object.keys(service));
  t.notOk(exposed.includes('repos'), 'no service hands out the repositories');
  t.notOk(exposed.includes('ctx'), 'nor the context');
  t.equal(services.clock.now() instanceof Date, true);
  t.same(
    services.health.check().mail,
    {
      running: false,
      pending: 0,
      inFlight: 0,
      oldestPendingSeconds: 0,
      stuck: false,
    },
    'built, not started: the CLI starts no worker',
  );
});
