import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { Test } from 'tap';
import type { TestApp } from '../helper.js';
import type { Prober } from './api-answer.js';
import { blankPdf } from './hostile-files.js';
import { needsIfMatch, urlOf, validBody, type World } from './fuzz-world.js';
import { fileUpload } from './multipart.js';

export type Caller = 'secretariat' | 'anonymous';
export const caller = fc.constantFrom<Caller>('secretariat', 'anonymous');

export const authOf = (world: World, who: Caller): Record<string, string> =>
  who === 'secretariat' ? world.secretariat.headers : {};

/** The request a route gets when only one part of it is fuzzed: real ids, a body it accepts. */
export async function baseRequest(route: World['routes'][number], world: World, who: Caller): Promise<InjectOptions> {
  const headers: Record<string, string> = { ...authOf(world, who) };
  const url = urlOf(route, world);
  if (needsIfMatch(route)) headers['if-match'] = '*';
  if (route.method === 'GET' || route.method === 'DELETE') return { method: route.method as 'GET', url, headers };
  if (route.url.endsWith('/annexes')) {
    const upload = fileUpload('annex.pdf', await blankPdf());
    return { method: 'POST', url, headers: { ...headers, ...upload.headers }, payload: upload.payload };
  }
  const payload = JSON.stringify(validBody(route, world));
  return { method: route.method as 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload };
}

/** FUZZ_SEED and FUZZ_PATH (printed with a failure) replay it: `FUZZ_SEED=.. FUZZ_PATH=.. npx tap --grep=<test> <file>`. */
function replay(): { seed?: number; path?: string } {
  const seed = process.env.FUZZ_SEED;
  return seed === undefined ? {} : { seed: Number(seed), path: process.env.FUZZ_PATH };
}

/**
 * fc.assert over one kind of malformed request. A violation fails the test with the request
 * that caused it and the seed to replay it; the statuses seen are printed either way.
 */
export async function holds<T>(
  t: Test,
  name: string,
  prober: Prober,
  property: {
    arbitrary: fc.Arbitrary<T>;
    numRuns: number;
    toRequest: (value: T) => Promise<InjectOptions> | InjectOptions;
  },
) {
  const started = Date.now();
  try {
    await fc.assert(
      fc.asyncProperty(property.arbitrary, async (value) => {
        const { fault } = await prober.send(await property.toRequest(value));
        if (fault) throw new Error(fault);
      }),
      { numRuns: property.numRuns, endOnFailure: true, ...replay() },
    );
    t.pass(`${name}: ${property.numRuns} requests, no 5xx, every 4xx a problem (${Date.now() - started} ms)`);
  } catch (error) {
    // fast-check's own message holds the whole counterexample (a 150 kB string, say); the cause says what broke.
    const { message, cause } = error as Error & { cause?: unknown };
    const replay = /\{ seed: [^}]*\}/.exec(message)?.[0] ?? '';
    t.fail(`${name}: ${cause instanceof Error ? cause.message : message.slice(0, 3000)} ${replay}`);
  }
  t.comment(`${name}: statuses ${prober.summary()}`);
  prober.reset();
}

/** Nothing a request carried reached Object.prototype. */
export function assertNoPollution(t: Test) {
  const probe = {} as Record<string, unknown>;
  t.equal(probe.agendumPolluted, undefined, 'Object.prototype is not polluted');
  t.notOk(
    Object.prototype.hasOwnProperty.call(Object.prototype, 'agendumPolluted'),
    'Object.prototype has no new property',
  );
}

/** After fuzzing, every reader still answers: stored junk breaks no list and no PDF. */
export async function readEverything(t: Test, app: TestApp, world: World, prober: Prober) {
  const { headers } = world.secretariat;
  const get = (url: string) => app.inject({ method: 'GET', url, headers });
  const urls = world.routes.filter((r) => r.method === 'GET').map((r) => urlOf(r, world));
  for (const meeting of (await get('/api/v1/meetings')).json() as { id: number }[]) {
    const base = `/api/v1/meetings/${meeting.id}`;
    urls.push(`${base}/agenda.pdf`, `${base}/packet.pdf?includeDrafts=true`, `${base}/status`, `${base}/items`);
    for (const item of (await get(`${base}/items`)).json() as { id: number }[]) {
      const note = `/api/v1/items/${item.id}/note`;
      urls.push(note, `/api/v1/items/${item.id}/note.pdf`, `${note}/versions`, `${note}/history`, `${note}/comments`);
    }
  }
  const faults: string[] = [];
  for (const url of urls) {
    const { fault } = await prober.send({ method: 'GET', url, headers }, 15_000);
    if (fault) faults.push(fault);
  }
  t.same(faults, [], `every reader answers after the fuzzing (${urls.length} reads)`);
}
