import { performance } from 'node:perf_hooks';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * What is wrong with an answer of the API, or undefined: never a 5xx, and every 4xx an RFC 9457
 * problem (application/problem+json) whose `status` is the HTTP status and whose `code` is AGENDUM_*.
 */
export function answerFault(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}): string | undefined {
  const status = res.statusCode;
  if (status >= 500) return `answered ${status}: ${res.body.slice(0, 300)}`;
  if (status < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/problem\+json/.test(type))
    return `answered ${status} as "${type}", not application/problem+json: ${res.body.slice(0, 300)}`;
  let problem: { status?: unknown; code?: unknown };
  try {
    problem = JSON.parse(res.body) as typeof problem;
  } catch {
    return `answered ${status} with a problem+json body that is not JSON: ${res.body.slice(0, 300)}`;
  }
  if (problem.status !== status)
    return `answered ${status} with a problem whose status is ${JSON.stringify(problem.status)}`;
  if (typeof problem.code !== 'string' || !problem.code.startsWith('AGENDUM_')) {
    return `answered ${status} with a problem whose code ${JSON.stringify(problem.code)} does not start with AGENDUM_`;
  }
  return undefined;
}

const shown = (value: unknown, max = 240) => {
  const text = Buffer.isBuffer(value)
    ? `<${value.length} bytes>`
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);
  return text === undefined ? '' : text.length > max ? `${text.slice(0, max)}... (${text.length} chars)` : text;
};

/**
 * Sends requests through app.inject, counts the statuses, and returns a fault (with the request
 * that caused it) when an answer breaks the rule above or the request blocked the server too long.
 */
export function createProber(app: FastifyInstance, slowMs: number) {
  const statuses = new Map<number, number>();
  let slowest = 0;
  return {
    statuses,
    /** `limitMs` raises the bound for a request that is slow by nature (a whole packet PDF). */
    async send(opts: InjectOptions, limitMs = slowMs): Promise<{ fault?: string; res: LightMyRequestResponse }> {
      // Blocked means the event loop stood still, not that the answer took long: work done on a
      // worker thread (reading a PDF, rendering one) may take seconds while the server answers.
      let last = performance.now();
      let elapsed = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        elapsed = Math.max(elapsed, now - last);
        last = now;
      }, 5);
      const res = await app.inject(opts).finally(() => clearInterval(ticker));
      elapsed = Math.max(elapsed, performance.now() - last);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (limitMs === slowMs) slowest = Math.max(slowest, elapsed);
      const request = `${opts.method} ${shown(opts.url, 300)} headers=${shown(opts.headers)} body=${shown(opts.payload)}`;
      const fault =
        answerFault(res) ??
        (elapsed > limitMs ? `held the event loop for ${Math.round(elapsed)} ms (the server was blocked)` : undefined);
      return { res, fault: fault && `${request}\n  -> ${fault}` };
    },
    reset() {
      statuses.clear();
      slowest = 0;
    },
    summary: () =>
      `${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}x${n}`)
        .join(' ')}; slowest ${Math.round(slowest)} ms`,
  };
}
export type Prober = ReturnType<typeof createProber>;
