import autocannon from 'autocannon';
import { demoItemId, startBenchApp } from './bench-app.js';
import { round, type Figure } from './figures.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 30);

/**
 * 200 concurrent clients on 127.0.0.1 for 30 s, mixed reads and writes as the secretariat:
 * note reads, agenda reads, review comments written. Bounded in time; zero errors is the target.
 */
export async function loadBenchmark(): Promise<Figure[]> {
  const bench = await startBenchApp();
  try {
    const meetingId = bench.app.services.meetings.list()[0]!.id;
    const note91 = demoItemId(bench.app, '9.1');
    const note92 = demoItemId(bench.app, '9.2');
    const headers = {
      authorization: `Bearer ${bench.token('secretariat@example.org')}`,
      'content-type': 'application/json',
    };
    const result = await autocannon({
      url: bench.url,
      connections: 200,
      duration: seconds,
      headers,
      requests: [
        { method: 'GET', path: `/api/v1/items/${note91}/note` },
        { method: 'GET', path: `/api/v1/meetings/${meetingId}/items` },
        { method: 'GET', path: `/api/v1/items/${note92}/note` },
        {
          method: 'POST',
          path: `/api/v1/items/${note92}/note/comments`,
          body: JSON.stringify({ body: 'Load test remark.', section: 'summary', paragraph: 1 }),
        },
        { method: 'GET', path: `/api/v1/meetings/${meetingId}/status` },
      ],
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    return [
      {
        name: 'load: 200 clients, mixed (throughput)',
        value: round(result.requests.average, 0),
        unit: 'req/s',
        note: `${seconds} s, ${result.requests.total} requests`,
      },
      { name: 'load: p99 latency', value: result.latency.p99, unit: 'ms', note: `p50 ${result.latency.p50} ms` },
      { name: 'load: errors', value: errors, unit: '', target: '0', met: errors === 0 },
    ];
  } finally {
    await bench.close();
  }
}
