import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import app from '../src/app.js';
import { loadConfig, type Config } from '../src/config/env.js';
import { createRepositories } from '../src/repositories/index.js';
import { serverOptions } from '../src/server-options.js';

/** The repositories over the app's database: the bench looks up its accounts behind the services. */
export const reposOf = (app: FastifyInstance) => createRepositories(app.database.db);

export interface BenchApp {
  app: FastifyInstance;
  url: string;
  config: Config;
  token: (email: string) => string;
  close: () => Promise<void>;
}

/** The real app with demo data on a fresh data folder, listening on loopback. */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'agendum-bench-'));
  const config = loadConfig({
    AGENDUM_DATA_DIR: dataDir,
    AGENDUM_DEMO: '1',
    AGENDUM_DEMO_PASSWORD: 'bench-password-123',
    LOG_LEVEL: 'silent',
    AGENDUM_SCRYPT_LOG_N: '10',
    AGENDUM_TOKEN_PER_MINUTE: '10000000',
    ...env,
  });
  const server = Fastify(serverOptions(config));
  await server.register(app, { config });
  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    app: server,
    url: address,
    config,
    token(email) {
      const person = reposOf(server).people.findByEmail(email)!;
      return server.services.auth.createToken(
        { id: person.id, name: person.name, role: person.role as 'admin' },
        'bench',
      ).token;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Fastify with one route and nothing else: the floor an API read is compared with. */
export async function startBareFastify(body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => body);
  const url = await bare.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => bare.close() };
}

/** The id of a demo item by its number (9.1 ...). */
export function demoItemId(app: FastifyInstance, number: string): number {
  const meeting = app.services.meetings.list()[0]!;
  const admin = reposOf(app).people.findByEmail('admin@example.org')!;
  return app.services.agenda
    .list({ id: admin.id, name: admin.name, role: 'admin' }, meeting.id)
    .find((i) => i.number === number)!.id;
}
