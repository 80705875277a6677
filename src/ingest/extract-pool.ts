import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AgendumError } from '../domain/errors.js';
import type { ExtractOutcome } from './extract-worker.js';
import type { ExtractedText } from './extracted-text.js';

/**
 * Uploaded PDFs are read (pdfjs-dist) on a worker thread, never on the event loop: a hostile
 * file (a ToUnicode map of millions of ranges, say) costs that thread seconds while the server
 * goes on answering. One small pool per process, started with the first PDF, its thread gone
 * after a minute without one; an idle thread does not keep the process alive.
 *
 * The worker module is extract-worker: `.js` from the build, `.ts` under a TypeScript loader
 * (the threads inherit the process's `execArgv`).
 */
const WORKER = new URL(`./extract-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

let pool: Piscina<Uint8Array, ExtractOutcome> | undefined;

export async function extractPdfOffThread(bytes: Buffer): Promise<ExtractedText> {
  pool ??= new Piscina<Uint8Array, ExtractOutcome>({
    filename: WORKER.href,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 60_000,
  });
  const outcome = await pool.run(new Uint8Array(bytes));
  if ('refused' in outcome) {
    const { detail, ...spec } = outcome.refused;
    throw new AgendumError(spec, detail);
  }
  return outcome.extracted;
}
