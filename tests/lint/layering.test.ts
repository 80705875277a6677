import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import t from 'tap';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layering messages ESLint reports for `code` placed at `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** A one-line module importing `source`, as a fixture. */
const importing = (source: string) => `import x from '${source}';\nexport default x;\n`;

/** ESLint's wording around a rule's message, for an import refused by path or by pattern. */
const byPath = (source: string, message: string) => `'${source}' import is restricted from being used. ${message}`;
const byPattern = (source: string, message: string) =>
  `'${source}' import is restricted from being used by a pattern. ${message}`;

t.test('npm run lint runs ESLint over the whole tree, so the layering rule is part of it', async (t) => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  t.equal(pkg.scripts.lint, 'eslint .');
});

t.test('the domain imports no framework, database or I/O', async (t) => {
  for (const source of [
    'fastify',
    'node:fs',
    'drizzle-orm',
    'better-sqlite3',
    '../db/client.js',
    '../repositories/index.js',
    '../rendering/views/note-view.js',
    '../schemas/common.js',
    '../config/env.js',
    '@fastify/cookie',
  ]) {
    const errors = await layeringErrors('src/domain/example.ts', importing(source));
    t.equal(errors.length, 1, `src/domain importing ${source} fails the lint`);
    t.match(errors[0], /Layering: src\/domain/);
  }
  t.same(
    await layeringErrors(
      'src/domain/example.ts',
      "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
    ),
    [],
  );
  t.same(
    await layeringErrors('src/domain/example.ts', "import { Errors } from './errors.js';\nexport const e = Errors;\n"),
    [],
  );
});

interface LayerCase {
  /** Where the fixture sits. */
  file: string;
  /** The message every refused import gets (bar src/web's, checked below). */
  message: string;
  refused: string[];
  allowed: string[];
}

const ROUTES = 'Layering: routes call services, never repositories or the database.';
const WEB = 'Layering: web pages call services; they import no repository, database or API route.';
const RENDERING =
  'Layering: src/rendering turns view-models into pages, mail and PDFs; it imports no repository, database, service, route or plugin.';
const INGEST =
  'Layering: src/ingest turns uploaded files into note content; it imports no repository, database, service, route or plugin.';
const MAIL =
  'Layering: src/mail sends what the services queued (through the outbox repository); it imports no service, route or plugin.';
const BACKUP = 'Layering: src/backup copies the database file; it imports nothing above src/db.';
const SERVICES = 'Layering: services know no HTTP; they import no route or plugin.';
const REPOSITORIES =
  'Layering: repositories are drizzle queries only; they import nothing above src/db and src/domain.';
const SCHEMAS =
  'Layering: schemas describe requests from the domain words; they import no repository, database, service, route or plugin.';
const NO_WEB = 'Layering: nothing imports src/web; src/app.ts alone registers the pages.';

const LAYERS: LayerCase[] = [
  {
    file: 'src/routes/api/example.ts',
    message: ROUTES,
    refused: ['../../repositories/index.js', '../../db/client.js'],
    allowed: ['../../plugins/app/auth.js', '../../services/note-access.js', '../../schemas/common.js'],
  },
  {
    file: 'src/web/example.ts',
    message: WEB,
    refused: ['../repositories/index.js', '../db/client.js', '../routes/api/read-upload.js'],
    allowed: ['../services/note-access.js', '../schemas/read-form.js', '../rendering/views/note-view.js', './text.js'],
  },
  {
    file: 'src/rendering/html/example.ts',
    message: RENDERING,
    refused: [
      '../../repositories/index.js',
      '../../db/client.js',
      '../../services/index.js',
      '../../routes/api/index.js',
      '../../plugins/app/renderer.js',
    ],
    allowed: ['../../domain/note-content.js', '../views/note-view.js', '../../paths.js'],
  },
  {
    file: 'src/ingest/example.ts',
    message: INGEST,
    refused: [
      '../repositories/file-repository.js',
      '../db/client.js',
      '../services/ingest-service.js',
      '../routes/api/uploads.js',
      '../plugins/external/multipart.js',
    ],
    allowed: ['../domain/note-content.js', './zip-guard.js', '../durable-file.js'],
  },
  {
    file: 'src/mail/example.ts',
    message: MAIL,
    refused: ['../services/pdf-service.js', '../routes/api/packets.js', '../plugins/app/mail.js'],
    allowed: ['../repositories/mail-repository.js', '../config/env.js', '../domain/delivery.js', './mime.js'],
  },
  {
    file: 'src/backup/example.ts',
    message: BACKUP,
    refused: [
      '../repositories/index.js',
      '../services/index.js',
      '../routes/api/index.js',
      '../plugins/app/database.js',
      '../rendering/pdf/fonts.js',
      '../ingest/file-store.js',
      '../mail/mail-worker.js',
    ],
    allowed: ['../db/client.js', '../config/env.js', '../durable-file.js'],
  },
  {
    file: 'src/services/example.ts',
    message: SERVICES,
    refused: ['../routes/api/if-match.js', '../plugins/app/auth.js'],
    allowed: [
      '../repositories/index.js',
      '../rendering/views/note-view.js',
      '../mail/mime.js',
      '../ingest/read-draft.js',
    ],
  },
  {
    file: 'src/repositories/example.ts',
    message: REPOSITORIES,
    refused: [
      '../services/index.js',
      '../routes/api/index.js',
      '../plugins/app/database.js',
      '../rendering/views/note-view.js',
      '../ingest/read-draft.js',
      '../mail/mime.js',
    ],
    allowed: ['../db/schema/index.js', '../domain/note-workflow.js', 'drizzle-orm'],
  },
  {
    file: 'src/schemas/example.ts',
    message: SCHEMAS,
    refused: [
      '../repositories/index.js',
      '../db/client.js',
      '../services/index.js',
      '../routes/api/index.js',
      '../plugins/app/auth.js',
    ],
    allowed: ['../domain/note-workflow.js', './common.js', 'typebox'],
  },
];

for (const { file, message, refused, allowed } of LAYERS) {
  t.test(`${file}: ${message}`, async (t) => {
    for (const source of refused) {
      t.same(await layeringErrors(file, importing(source)), [byPattern(source, message)], `${source} is refused`);
    }
    for (const source of allowed) {
      t.same(await layeringErrors(file, importing(source)), [], `${source} is allowed`);
    }
  });
}

t.test('type-only imports cross layers too', async (t) => {
  const source = '../services/pdf-service.js';
  t.same(
    await layeringErrors(
      'src/mail/example.ts',
      `import type { PdfService } from '${source}';\nexport type P = PdfService;\n`,
    ),
    [byPattern(source, MAIL)],
  );
});

t.test('the query packages stay out of the doors, rendering, ingest and schemas', async (t) => {
  for (const [file, message] of [
    ['src/routes/api/example.ts', ROUTES],
    ['src/web/example.ts', WEB],
    ['src/rendering/pdf/example.ts', RENDERING],
    ['src/ingest/example.ts', INGEST],
    ['src/schemas/example.ts', SCHEMAS],
  ] as const) {
    t.same(await layeringErrors(file, importing('drizzle-orm')), [byPath('drizzle-orm', message)], file);
    t.same(await layeringErrors(file, importing('better-sqlite3')), [byPath('better-sqlite3', message)], file);
    t.same(
      await layeringErrors(file, importing('drizzle-orm/sqlite-core')),
      [byPattern('drizzle-orm/sqlite-core', message)],
      file,
    );
  }
});

t.test('nothing imports src/web but src/app.ts', async (t) => {
  for (const [file, source] of [
    ['src/rendering/html/example.ts', '../../web/text.js'],
    ['src/routes/api/example.ts', '../../web/page-kit.js'],
    ['src/services/example.ts', '../web/text.js'],
    ['src/plugins/app/example.ts', '../../web/index.js'],
    ['src/domain/example.ts', '../web/text.js'],
    ['src/mail/example.ts', '../web/text.js'],
    ['src/cli/example.ts', '../web/text.js'],
    ['src/server.ts', './web/index.js'],
  ] as const) {
    t.same(await layeringErrors(file, importing(source)), [byPattern(source, NO_WEB)], `${file} importing ${source}`);
  }
  t.same(await layeringErrors('src/app.ts', importing('./web/index.js')), [], 'src/app.ts registers the pages');
  t.same(await layeringErrors('src/web/example.ts', importing('./page-kit.js')), [], 'src/web imports itself');
});
