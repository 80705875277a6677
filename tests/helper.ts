import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import type { Test } from 'tap';
import app from '../src/app.js';
import { loadConfig, type Config } from '../src/config/env.js';
import type { Role } from '../src/domain/roles.js';
import { createRepositories } from '../src/repositories/index.js';
import { serverOptions } from '../src/server-options.js';

/** The fixed clock of the tests: the first day of the 18th meeting. */
export const FIXED_NOW = new Date('2020-11-01T09:00:00.000Z');

export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'agendum-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Test configuration: the production defaults read through loadConfig, with a fresh data
 * folder, no log noise, and a cheap scrypt cost (the cost is stored with each hash, so the
 * verification code is the same one production runs).
 */
export function testConfig(t: Test, env: Record<string, string> = {}): Config {
  return loadConfig({
    AGENDUM_DATA_DIR: tempDir(t),
    AGENDUM_DEMO: '0',
    // TEST_LOG_LEVEL=error shows what a failing test's server logged.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    AGENDUM_SCRYPT_LOG_N: '10',
    ...env,
  });
}

export interface TestApp extends FastifyInstance {
  /** 5xx answers seen so far: a user's mistake must never produce one. */
  serverErrors: string[];
  /** Every route the app registered (method and URL pattern). */
  routeList: { method: string; url: string }[];
}

/** Builds the real app (same plugins, same server options) on a fresh migrated database. */
export async function build(t: Test, options: { config?: Config; now?: () => Date; allow5xx?: boolean } = {}) {
  const config = options.config ?? testConfig(t);
  const server = Fastify(serverOptions(config)) as unknown as TestApp;
  server.serverErrors = [];
  server.routeList = [];
  server.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) server.routeList.push({ method, url: route.url });
  });
  server.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode < 500) return;
    const seen = `${request.method} ${request.url} -> ${reply.statusCode}`;
    server.serverErrors.push(seen);
    if (!options.allow5xx) t.fail(`no request may end in a 5xx: ${seen}`);
  });
  await server.register(app, { config, now: options.now ?? (() => FIXED_NOW) });
  await server.ready();
  t.teardown(() => server.close());
  return server;
}

/**
 * The repositories over the app's database, for tests that look behind the services (the app's
 * own code reaches them only through src/services/index.ts).
 */
export const reposOf = (app: FastifyInstance) => createRepositories(app.database.db);

export interface SignedIn {
  id: number;
  role: Role;
  token: string;
  headers: { authorization: string };
}

let personCounter = 0;

/** Creates a person with the role and an API token for them, through the real services. */
export async function signedIn(app: FastifyInstance, role: Role, name?: string): Promise<SignedIn> {
  personCounter += 1;
  const person = await app.services.people.create('system', {
    name: name ?? `Test ${role} ${personCounter}`,
    email: `${role}.${personCounter}@example.test`,
    role,
  });
  const actor = { id: person.id, name: person.name, role };
  const { token } = app.services.auth.createToken(actor, 'test');
  return { id: person.id, role, token, headers: { authorization: `Bearer ${token}` } };
}

/** `app.inject` as a signed-in person. */
export function as(app: FastifyInstance, who: SignedIn | null, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(who ? who.headers : {}) } });
}

/** The parsed body of a problem+json answer, checking its media type on the way. */
export function problemOf(t: Test, res: LightMyRequestResponse) {
  t.match(res.headers['content-type'], /^application\/problem\+json/, 'answer is problem+json');
  return res.json() as {
    code: string;
    status: number;
    detail: string;
    title: string;
    errors?: { path: string; message: string }[];
  };
}

/** The ETag of an item's note as `who` reads it (for If-Match). */
export async function noteEtag(app: FastifyInstance, who: SignedIn, itemId: number): Promise<string> {
  const res = await as(app, who, { method: 'GET', url: `/api/v1/items/${itemId}/note` });
  if (res.statusCode !== 200) throw new Error(`cannot read note of item ${itemId}: ${res.statusCode}`);
  return res.headers.etag as string;
}

/** POST of a new version with the note's current ETag. */
export async function postVersion(
  app: FastifyInstance,
  who: SignedIn,
  itemId: number,
  payload: unknown,
  readAs: SignedIn = who,
) {
  const etag = await noteEtag(app, readAs, itemId).catch(() => '"none"');
  return as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions`,
    headers: { 'if-match': etag },
    payload: payload as Record<string, unknown>,
  });
}
