import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addendumBenchmark } from './addendum.js';
import { apiReadBenchmark } from './api-read.js';
import { ingestBenchmark } from './ingest.js';
import { loadBenchmark } from './load.js';
import { mailBenchmark } from './mail.js';
import { pdfBenchmark } from './pdf.js';
import { redlineBenchmark } from './redline.js';
import { renderBenchmark } from './render.js';
import { reportBenchmark } from './report.js';
import { subsetBenchmark } from './subset.js';
import type { Benchmark, Figure } from './figures.js';

/** Every benchmark the project tracks; each returns figures with their targets. */
const BENCHMARKS: [string, Benchmark][] = [
  ['api-read', apiReadBenchmark],
  ['pdf', pdfBenchmark],
  ['subset', subsetBenchmark],
  ['render', renderBenchmark],
  ['redline', redlineBenchmark],
  ['addendum', addendumBenchmark],
  ['report', reportBenchmark],
  ['ingest', ingestBenchmark],
  ['mail', mailBenchmark],
  ['load', loadBenchmark],
];

function printTable(figures: Figure[]) {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? 'skipped' : `${f.value} ${f.unit}`,
    f.target ?? '',
    f.met === undefined ? '' : f.met ? 'met' : 'NOT MET',
    f.note ?? '',
  ]);
  const header = ['figure', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main() {
  const only = process.argv.slice(2);
  const figures: Figure[] = [];
  for (const [name, run] of BENCHMARKS) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name} ...\n`);
    figures.push(...(await run()));
  }
  printTable(figures);
  const out = fileURLToPath(new URL('../../bench/results.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log(`\nwritten to bench/results.json`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
