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
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['fastify', 'fastify-plugin', 'drizzle-orm', 'better-sqlite3', 'nodemailer', 'pdfkit'],
            ...NODE_IO,
          ].map((name) => ({
            name,
            message: 'Layering: src/domain is pure TypeScript; no HTTP, database, mail, PDF or I/O.',
          })),
          patterns: [
            {
              group: ['@fastify/*', 'drizzle-orm/*'],
              message: 'Layering: src/domain is pure; no framework or database.',
            },
            {
              group: [
                '**/db/**',
                '**/repositories/**',
                '**/services/**',
                '**/plugins/**',
                '**/routes/**',
                '**/mail/**',
                '**/ingest/**',
              ],
              message: 'Layering: src/domain depends on nothing outside src/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/routes/**/*.ts', 'src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['drizzle-orm', 'better-sqlite3'].map((name) => ({
            name,
            message: 'Layering: routes call services; they never query.',
          })),
          patterns: [
            { group: ['drizzle-orm/*'], message: 'Layering: routes call services; they never query.' },
            {
              group: ['**/repositories/**', '**/db/**'],
              message: 'Layering: routes call services, never repositories or the database.',
            },
          ],
        },
      ],
    },
  },
);
