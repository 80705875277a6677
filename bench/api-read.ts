import autocannon from 'autocannon';
import { demoItemId, startBareFastify, startBenchApp } from './bench-app.js';
import { round, type Figure } from './figures.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);

async function load(url: string, headers: Record<string, string> = {}, duration = seconds) {
  const result = await autocannon({ url, connections: 10, duration, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * Requests per second of GET /api/v1/items/:id/note (token auth, permission checks, three
 * queries, serialisation) next to a bare Fastify route, in the same run and process.
 * autocannon shares the two cores with the servers: both figures pay that alike.
 */
export async function apiReadBenchmark(): Promise<Figure[]> {
  const bench = await startBenchApp();
  try {
    const itemId = demoItemId(bench.app, '9.1');
    const headers = { authorization: `Bearer ${bench.token('secretariat@example.org')}` };
    const noteUrl = `${bench.url}/api/v1/items/${itemId}/note`;
    const sample = await (await fetch(noteUrl, { headers })).json();
    const bare = await startBareFastify(sample);
    try {
      await load(noteUrl, headers, 1);
      await load(`${bare.url}/bare`, {}, 1);
      // Alternating rounds, median of each: a noisy neighbour on the machine hits both alike.
      const notes: Awaited<ReturnType<typeof load>>[] = [];
      const floors: Awaited<ReturnType<typeof load>>[] = [];
      for (let round = 0; round < 3; round += 1) {
        notes.push(await load(noteUrl, headers, seconds / 3));
        floors.push(await load(`${bare.url}/bare`, {}, seconds / 3));
      }
      const median = (runs: typeof notes) => [...runs].sort((a, b) => a.rps - b.rps)[1]!;
      const note = { ...median(notes), errors: notes.reduce((sum, r) => sum + r.errors, 0) };
      const floor = median(floors);
      const ratio = note.rps / floor.rps;
      return [
        {
          name: 'API note read',
          value: round(note.rps, 0),
          unit: 'req/s',
          note: `p99 ${note.p99} ms, ${note.errors} errors`,
        },
        { name: 'bare Fastify route', value: round(floor.rps, 0), unit: 'req/s', note: `p99 ${floor.p99} ms` },
        {
          name: 'note read / bare route',
          value: round(ratio, 2),
          unit: 'x',
          target: '>= 0.5',
          met: ratio >= 0.5 && note.errors === 0,
        },
      ];
    } finally {
      await bare.close();
    }
  } finally {
    await bench.close();
  }
}
