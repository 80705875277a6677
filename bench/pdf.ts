import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ITEM_9_1, ITEM_9_2 } from '../src/demo/seed-notes.js';
import { BlockKind } from '../src/domain/note-blocks.js';
import { renderCoverNotePdf } from '../src/rendering/pdf/cover-note-pdf.js';
import type { BlockView, InlineView, ListItemView, NoteView } from '../src/rendering/views/note-view.js';
import { demoItemId, reposOf, startBenchApp, type BenchApp } from './bench-app.js';
import { CHROMIUM, hasChromium, launchBrowser } from '../tests/support/chromium.js';
import { blocksNote, note91, noteView } from '../tests/support/note-views.js';
import { median, round, type Figure } from './figures.js';

/**
 * PDF figures: one cover note (the 9.1 seed) rendered warm, the same note printed by headless
 * Chromium from equivalent HTML, a note of lists and a long table (both ways), a 30-note packet
 * through the API, and how long a note read waits while that packet is built.
 */

/** Mean ms per call after a warm-up, over `rounds` rounds of `n` calls; the median round counts. */
async function timeEach(
  run: () => Promise<unknown>,
  options: { warm: number; n: number; rounds: number },
): Promise<number> {
  for (let i = 0; i < options.warm; i++) await run();
  const rounds: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < options.n; i++) await run();
    rounds.push((performance.now() - start) / options.n);
  }
  return median(rounds);
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (runs: InlineView[]) =>
  runs
    .map((r) =>
      r.kind === 'footnote'
        ? `<sup>${r.number}</sup>`
        : r.href
          ? `<a href="${escape(r.href)}">${escape(r.text)}</a>`
          : escape(r.text),
    )
    .join('');

/** A list as HTML: numbered lists count from 1, a nested numbered one by letters, a nested bulleted one by dashes. */
function listHtml(ordered: boolean, items: ListItemView[], nested = false): string {
  const tag = ordered ? 'ol' : 'ul';
  const type = nested ? (ordered ? ' type="a"' : ' class="dash"') : '';
  const entries = items.map(
    (item) =>
      `<li>${inline(item.runs)}${item.sublist ? listHtml(item.sublist.ordered, item.sublist.items, true) : ''}</li>`,
  );
  return `<${tag}${type}>${entries.join('')}</${tag}>`;
}

/** A block as HTML: a table's header row in `thead`, which Chromium repeats across pages as the PDF does. */
function blockHtml(block: BlockView): string {
  if (block.kind === BlockKind.paragraph) return `<p>${inline(block.runs)}</p>`;
  if (block.kind === BlockKind.list) return listHtml(block.ordered, block.items);
  const row = (cells: InlineView[][], tag: string) =>
    `<tr>${cells.map((c) => `<${tag}>${inline(c)}</${tag}>`).join('')}</tr>`;
  const head = block.header.length > 0 ? `<thead>${row(block.header, 'th')}</thead>` : '';
  return `<table>${head}<tbody>${block.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
}

/** The Tinos files the PDF embeds, as `@font-face` rules (read from disk: the page has a file origin). */
function tinosFaces(): string {
  const dir = join(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'), '..');
  const face = (file: string, weight: number, style: string) =>
    `@font-face { font-family: 'Tinos'; src: url('${pathToFileURL(join(dir, file)).href}'); font-weight: ${weight}; font-style: ${style}; }`;
  return [
    face('400Regular/Tinos_400Regular.ttf', 400, 'normal'),
    face('700Bold/Tinos_700Bold.ttf', 700, 'normal'),
    face('400Regular_Italic/Tinos_400Regular_Italic.ttf', 400, 'italic'),
  ].join('\n');
}

/** The note as the HTML views will print it: same blocks, same font, same page. */
function noteHtml(view: NoteView): string {
  const header = view.headerLines
    .map((l) => (l ? `<div class="h">${escape(l)}</div>` : '<div class="h">&nbsp;</div>'))
    .join('');
  const sections = view.sections
    .map((s) => `<h2>${escape(s.heading)}</h2>${s.blocks.map(blockHtml).join('')}`)
    .join('');
  return `<!doctype html><html lang="${view.lang}"><head><meta charset="utf-8"><title>${escape(view.documentTitle)}</title><style>
${tinosFaces()}
@page { size: A4; margin: 2.5cm; }
body { font-family: 'Tinos', 'DejaVu Serif Condensed', serif; font-size: 12pt; line-height: 13.8pt; }
.h { font-weight: bold; font-size: 10.5pt; } .m { text-align: center; margin-top: 24pt; } .t { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 12pt; }
h1 { font-size: 12pt; margin: 12pt 0 6pt; } h2 { font-size: 12pt; margin: 6pt 0 6pt; } p { text-align: justify; margin: 0 0 6pt; }
ul, ol { margin: 0 0 6pt; padding-left: 18pt; text-align: justify; } li { margin-bottom: 3pt; } ul.dash { list-style-type: '– '; }
table { width: 100%; border-collapse: collapse; margin: 0 0 6pt; } th, td { border: 0.5pt solid #000; padding: 2pt 5.4pt; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
</style></head><body>${header}<div class="m">${escape(view.meetingLine)}</div><div class="t">${escape(view.heading)}</div>
<h1>${escape(view.itemNumber)}&emsp;${escape(view.itemTitle)}</h1>${sections}</body></html>`;
}

async function chromiumMsPerNote(html: string): Promise<number | null> {
  if (!hasChromium()) return null;
  const browser = await launchBrowser();
  // A page with a file origin may load the font files; the browser keeps them once loaded (warm).
  const dir = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
  try {
    const page = await browser.newPage();
    writeFileSync(join(dir, 'blank.html'), '<!doctype html><title>blank</title>');
    await page.goto(pathToFileURL(join(dir, 'blank.html')).href);
    return await timeEach(
      async () => {
        await page.setContent(html);
        await page.pdf({ format: 'A4', preferCSSPageSize: true });
      },
      { warm: 5, n: 10, rounds: 3 },
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A second meeting with 30 released notes (the two seeds in turn), through the services. */
export function thirtyNoteMeeting(bench: BenchApp): number {
  const { services } = bench.app;
  const admin = reposOf(bench.app).people.findByEmail('admin@example.org')!;
  const staff = { id: admin.id, name: admin.name, role: 'admin' as const };
  const meeting = services.meetings.create(staff, {
    ordinal: 19,
    startDate: '2021-03-10',
    endDate: '2021-03-10',
    city: 'Brussels',
    country: 'Belgium',
  });
  for (let topic = 1; topic <= 15; topic++) {
    const heading = services.agenda.create(staff, meeting.id, { title: `Topic ${topic}` });
    for (const seed of [ITEM_9_1, ITEM_9_2]) {
      const item = services.agenda.create(staff, meeting.id, { title: seed.title, parentId: heading.id });
      services.notes.createVersion(staff, item.id, seed.content);
      services.workflow.perform(staff, item.id, { event: 'submit' });
      services.workflow.perform(staff, item.id, { event: 'release', procedure: 'for-information' });
    }
  }
  return meeting.id;
}

/** Times a packet request while a note is read over and over; returns both figures. */
async function packetUnderLoad(bench: BenchApp, meetingId: number) {
  const headers = { authorization: `Bearer ${bench.token('secretariat@example.org')}` };
  const packetUrl = `${bench.url}/api/v1/meetings/${meetingId}/packet.pdf`;
  const noteUrl = `${bench.url}/api/v1/items/${demoItemId(bench.app, '9.1')}/note`;
  for (let i = 0; i < 3; i++) await (await fetch(packetUrl, { headers })).arrayBuffer();
  const packetTimes: number[] = [];
  const waits: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  for (let round = 0; round < 5; round++) {
    let done = false;
    const start = performance.now();
    loop.enable();
    const packet = fetch(packetUrl, { headers }).then(async (res) => {
      const bytes = await res.arrayBuffer();
      packetTimes.push(performance.now() - start);
      done = true;
      return bytes.byteLength;
    });
    while (!done) {
      const asked = performance.now();
      await (await fetch(noteUrl, { headers })).json();
      waits.push(performance.now() - asked);
    }
    loop.disable();
    await packet;
  }
  return {
    packetMs: median(packetTimes),
    worstReadMs: Math.max(...waits),
    reads: waits.length,
    loopMaxMs: loop.max / 1e6,
  };
}

export async function pdfBenchmark(): Promise<Figure[]> {
  const view = note91();
  const now = new Date(view.createdAt);
  const noteMs = await timeEach(() => renderCoverNotePdf(view, { now }), { warm: 50, n: 200, rounds: 5 });
  const chromeMs = await chromiumMsPerNote(noteHtml(view));
  const blocks = noteView({ number: '9.4', title: 'Lists and tables' }, blocksNote(30));
  const blocksMs = await timeEach(() => renderCoverNotePdf(blocks, { now }), { warm: 20, n: 50, rounds: 5 });
  const chromeBlocksMs = await chromiumMsPerNote(noteHtml(blocks));
  const bench = await startBenchApp();
  let load;
  try {
    load = await packetUnderLoad(bench, thirtyNoteMeeting(bench));
  } finally {
    await bench.close();
  }
  const ratio = chromeMs === null ? null : chromeMs / noteMs;
  return [
    { name: 'cover note PDF (9.1, warm)', value: round(noteMs, 2), unit: 'ms/note' },
    { name: 'cover notes per second', value: round(1000 / noteMs, 0), unit: 'notes/s' },
    {
      name: 'same note, headless Chromium',
      value: chromeMs === null ? null : round(chromeMs, 1),
      unit: 'ms/note',
      note: chromeMs === null ? `no ${CHROMIUM}` : 'warm page, setContent + pdf',
    },
    {
      name: 'Chromium / pdfkit per note',
      value: ratio === null ? null : round(ratio, 1),
      unit: 'x',
      target: '>= 10',
      ...(ratio === null ? {} : { met: ratio >= 10 }),
    },
    {
      name: 'note with lists and a 33-row table (4 pages)',
      value: round(blocksMs, 2),
      unit: 'ms/note',
      note: chromeBlocksMs === null ? `no ${CHROMIUM}` : `headless Chromium: ${round(chromeBlocksMs, 1)} ms/note`,
    },
    {
      name: '30-note packet via the API',
      value: round(load.packetMs, 0),
      unit: 'ms',
      target: '< 500',
      met: load.packetMs < 500,
      note: 'median of 5, warm',
    },
    {
      name: 'note read during a packet build',
      value: round(load.worstReadMs, 1),
      unit: 'ms (worst)',
      target: '<= 100',
      met: load.worstReadMs <= 100,
      note: `${load.reads} reads; event loop max delay ${round(load.loopMaxMs, 1)} ms`,
    },
  ];
}

// `node dist/bench/pdf.js` runs this benchmark alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  pdfBenchmark().then(
    (figures) => console.table(figures),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
