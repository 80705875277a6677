// ESLint flat config: recommended JavaScript and TypeScript rules, plus the layering rule.
//
// The layering rule uses ESLint's built-in `no-restricted-imports` per folder rather than
// dependency-cruiser or eslint-plugin-boundaries: it is the same check (an import that crosses
// a layer fails the lint, with a message naming the rule) and needs no extra dependency.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_IO = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'dgram',
  'worker_threads',
].flatMap((name) => [name, `node:${name}`]);

/** Packages the pure domain never imports. */
const PURE_BANNED_PACKAGES = ['fastify', 'fastify-plugin', 'drizzle-orm', 'better-sqlite3', 'nodemailer', 'pdfkit'];

/** Imports of folders of src/, as `no-restricted-imports` patterns (`../../db/client.js`). */
const folders = (...names) => names.map((name) => `**/${name}/**`);

const NO_WEB = {
  group: folders('web'),
  message: 'Layering: nothing imports src/web; src/app.ts alone registers the pages.',
};

/**
 * One layer's rule: the folders of src/ its files never import (`banned`, reported with
 * `message`), the query packages too when `queries` is set, and src/web unless the layer is
 * src/web itself. Each forbidden import matches one group only, so it is reported once.
 */
function layer({ files, ignores, banned = [], queries = false, mayImportWeb = false, message }) {
  const paths = queries ? ['drizzle-orm', 'better-sqlite3'].map((name) => ({ name, message })) : [];
  const patterns = [
    ...(banned.length > 0 ? [{ group: folders(...banned), message }] : []),
    ...(queries ? [{ group: ['drizzle-orm/*'], message }] : []),
    ...(mayImportWeb ? [] : [NO_WEB]),
  ];
  return {
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.tap/', 'data/', 'drizzle/meta/', 'tests/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions mark facts the code checked a line earlier (a row read in the same transaction).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The pages' script runs in the browser, with the browser's globals (and the ECL and Sortable scripts' own).
  {
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
        DOMParser: 'readonly',
        Sortable: 'readonly',
      },
    },
  },
  // No file of src/ but app.ts imports src/web. Set first: the layers below repeat the ban (a
  // later rule's options replace an earlier one's for the files both match) and override it.
  layer({ files: ['src/**/*.ts'], ignores: ['src/app.ts', 'src/web/**'] }),
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...PURE_BANNED_PACKAGES, ...NODE_IO].map((name) => ({
            name,
            message: 'Layering: src/domain is pure TypeScript; no HTTP, database, mail, PDF or I/O.',
          })),
          patterns: [
            {
              group: ['@fastify/*', 'drizzle-orm/*'],
              message: 'Layering: src/domain is pure; no framework or database.',
            },
            {
              group: folders(
                'db',
                'repositories',
                'services',
                'plugins',
                'routes',
                'schemas',
                'mail',
                'ingest',
                'rendering',
                'backup',
                'config',
                'cli',
              ),
              message: 'Layering: src/domain depends on nothing outside src/domain.',
            },
            NO_WEB,
          ],
        },
      ],
    },
  },
  layer({
    files: ['src/routes/**/*.ts'],
    banned: ['repositories', 'db'],
    queries: true,
    message: 'Layering: routes call services, never repositories or the database.',
  }),
  layer({
    files: ['src/web/**/*.ts'],
    banned: ['repositories', 'db', 'routes'],
    queries: true,
    mayImportWeb: true,
    message: 'Layering: web pages call services; they import no repository, database or API route.',
  }),
  layer({
    files: ['src/rendering/**/*.ts'],
    banned: ['repositories', 'db', 'services', 'routes', 'plugins'],
    queries: true,
    message:
      'Layering: src/rendering turns view-models into pages, mail and PDFs; it imports no repository, database, service, route or plugin.',
  }),
  layer({
    files: ['src/ingest/**/*.ts'],
    banned: ['repositories', 'db', 'services', 'routes', 'plugins'],
    queries: true,
    message:
      'Layering: src/ingest turns uploaded files into note content; it imports no repository, database, service, route or plugin.',
  }),
  layer({
    files: ['src/mail/**/*.ts'],
    banned: ['services', 'routes', 'plugins'],
    message:
      'Layering: src/mail sends what the services queued (through the outbox repository); it imports no service, route or plugin.',
  }),
  layer({
    files: ['src/backup/**/*.ts'],
    banned: ['repositories', 'services', 'routes', 'plugins', 'rendering', 'ingest', 'mail'],
    message: 'Layering: src/backup copies the database file; it imports nothing above src/db.',
  }),
  layer({
    files: ['src/services/**/*.ts'],
    banned: ['routes', 'plugins'],
    message: 'Layering: services know no HTTP; they import no route or plugin.',
  }),
  layer({
    files: ['src/repositories/**/*.ts'],
    banned: ['services', 'routes', 'plugins', 'rendering', 'ingest', 'mail'],
    message: 'Layering: repositories are drizzle queries only; they import nothing above src/db and src/domain.',
  }),
  layer({
    files: ['src/schemas/**/*.ts'],
    banned: ['repositories', 'db', 'services', 'routes', 'plugins'],
    queries: true,
    message:
      'Layering: schemas describe requests from the domain words; they import no repository, database, service, route or plugin.',
  }),
);
