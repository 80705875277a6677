import autocannon from 'autocannon';
import { demoItemId, startBenchApp } from './bench-app.js';
import { round, type Figure } from './figures.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const CLIENTS = 200;
/** Requests per second each paced client makes: busy people clicking, 600 req/s in all. */
const PACE = 3;

/** Which statuses other than 2xx came back, if any: `(409 x3)`. */
function statusNote(result: autocannon.Result): string {
  const codes = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  return codes.length ? ` (${codes.map(([code, stat]) => `${code} x${stat.count}`).join(', ')})` : '';
}

/**
 * 200 concurrent clients on 127.0.0.1, mixed reads and writes as the secretariat: note reads,
 * agenda reads, review comments written, the status overview. Two runs of `seconds` each:
 *
 * - paced: each client makes PACE requests a second (latency counted from when a request was
 *   due, so a slow server cannot hide behind fewer requests); zero errors is the target;
 * - flat out: every client sends its next request as soon as the last is answered, to find
 *   the throughput. The server is then saturated, and libuv accepts one new connection per
 *   loop iteration (libuv#3696): some of the 200 connections opened at once wait seconds to be
 *   accepted, and those that wait 10 s count as timeouts. The figure says how many.
 *
 * The client runs in a worker thread, so that it does not share the server's event loop.
 */
export async function loadBenchmark(): Promise<Figure[]> {
  const bench = await startBenchApp();
  try {
    const meetingId = bench.app.services.meetings.list()[0]!.id;
    const note91 = demoItemId(bench.app, '9.1');
    const note92 = demoItemId(bench.app, '9.2');
    const run = (connectionRate?: number) =>
      autocannon({
        url: bench.url,
        connections: CLIENTS,
        duration: seconds,
        workers: 1,
        connectionRate,
        headers: {
          authorization: `Bearer ${bench.token('secretariat@example.org')}`,
          'content-type': 'application/json',
        },
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
    const errorsOf = (result: autocannon.Result) => ({
      // autocannon counts a timeout among the errors too.
      count: result.errors + result.non2xx,
      note: `${result.timeouts} timeouts, ${result.errors - result.timeouts} other connection errors, ${result.non2xx} non-2xx${statusNote(result)}`,
    });
    const paced = await run(PACE);
    const flat = await run();
    const pacedErrors = errorsOf(paced);
    const flatErrors = errorsOf(flat);
    return [
      {
        name: `load: ${CLIENTS} clients x ${PACE} req/s, p99`,
        value: paced.latency.p99,
        unit: 'ms',
        note: `${seconds} s, ${paced.requests.total} requests (${round(paced.requests.average, 0)} req/s); p50 ${paced.latency.p50} ms, max ${paced.latency.max} ms`,
      },
      {
        name: `load: ${CLIENTS} clients x ${PACE} req/s, errors`,
        value: pacedErrors.count,
        unit: '',
        target: '0',
        met: pacedErrors.count === 0,
        note: pacedErrors.note,
      },
      {
        name: `load: ${CLIENTS} clients flat out, throughput`,
        value: round(flat.requests.average, 0),
        unit: 'req/s',
        note: `${seconds} s, ${flat.requests.total} requests; p50 ${flat.latency.p50} ms, p99 ${flat.latency.p99} ms`,
      },
      {
        name: `load: ${CLIENTS} clients flat out, errors`,
        value: flatErrors.count,
        unit: '',
        note: `${flatErrors.note}; saturated: new connections wait for accept (libuv#3696)`,
      },
    ];
  } finally {
    await bench.close();
  }
}
