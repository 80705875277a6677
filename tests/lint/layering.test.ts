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

t.test('the domain imports no framework, database or I/O', async (t) => {
  for (const source of [
    'fastify',
    'node:fs',
    'drizzle-orm',
    'better-sqlite3',
    '../db/client.js',
    '../repositories/index.js',
    '@fastify/cookie',
  ]) {
    const errors = await layeringErrors('src/domain/example.ts', `import x from '${source}';\nexport default x;\n`);
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

t.test('routes call services, never repositories or the database', async (t) => {
  for (const source of ['../../repositories/index.js', '../../db/client.js', 'drizzle-orm', 'better-sqlite3']) {
    const errors = await layeringErrors('src/routes/api/example.ts', `import x from '${source}';\nexport default x;\n`);
    t.equal(errors.length, 1, `a route importing ${source} fails the lint`);
    t.match(errors[0], /Layering: routes/);
  }
  t.same(
    await layeringErrors(
      'src/routes/api/example.ts',
      "import { actorOf } from '../../plugins/app/auth.js';\nexport const a = actorOf;\n",
    ),
    [],
  );
});
