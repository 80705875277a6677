import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ITEM_9_1 } from '../src/demo/seed-notes.js';
import { renderCoverNotePdf } from '../src/rendering/pdf/cover-note-pdf.js';
import { noteView } from '../tests/support/note-views.js';
import { reposOf, startBenchApp, type BenchApp } from './bench-app.js';
import { median, round, type Figure } from './figures.js';
import { thirtyNoteMeeting } from './pdf.js';

/**
 * Issue 13, "no request can hold the event loop": a 20,000-letter word, the 30-note packet
 * through the API (cold, warm, after one note changed) and /healthz while 20 packets are
 * rendered at once on the worker pool. The machine's load average is printed with each figure:
 * on a shared machine the figures move with it.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** A fresh 20,000-letter word each time, so that no shaping cache has seen it. */
const longWord = (shift: number) => Array.from({ length: 20_000 }, (_, i) => ALPHABET[(i + shift) % 26]).join('');

async function longWordMs(): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < 7; round++) {
    const view = noteView(
      { number: '4', title: 'One long word' },
      { sections: { issueAtStake: [longWord(round)], summary: ['Summary.'], procedure: ['For information.'] } },
    );
    const start = performance.now();
    await renderCoverNotePdf(view, { now: new Date(view.createdAt) });
    times.push(performance.now() - start);
  }
  return median(times.slice(2));
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

/** A new version of one note of the meeting, released: the packet now differs by that note. */
function changeOneNote(bench: BenchApp, meetingId: number, round: number): void {
  const { services } = bench.app;
  const admin = reposOf(bench.app).people.findByEmail('admin@example.org')!;
  const staff = { id: admin.id, name: admin.name, role: 'admin' as const };
  const items = services.agenda.list(staff, meetingId).filter((i) => i.note?.state === 'released');
  const item = items[round % items.length]!;
  services.workflow.perform(staff, item.id, { event: 'reopen', comment: 'A late correction.' });
  const summary = [`Corrected in round ${round}.`, ...ITEM_9_1.content.sections.summary];
  services.notes.createVersion(staff, item.id, {
    ...ITEM_9_1.content,
    sections: { ...ITEM_9_1.content.sections, summary },
  });
  services.workflow.perform(staff, item.id, { event: 'submit' });
  services.workflow.perform(staff, item.id, {
    event: 'release',
    procedure: 'for-information',
    reason: `Corrected in round ${round}.`,
  });
}

async function packetFigures(bench: BenchApp, meetingId: number) {
  const headers = { authorization: `Bearer ${bench.token('secretariat@example.org')}` };
  const get = (path: string) => fetch(`${bench.url}${path}`, { headers }).then((res) => res.arrayBuffer());
  const packet = () => get(`/api/v1/meetings/${meetingId}/packet.pdf`);
  // Both threads started and their fonts parsed, on another meeting's packet.
  const demo = bench.app.services.meetings.list()[0]!.id;
  await Promise.all([1, 2].map(() => get(`/api/v1/meetings/${demo}/packet.pdf?includeDrafts=true`)));
  const cold = await timed(packet);
  const warm: number[] = [];
  for (let i = 0; i < 6; i++) warm.push(await timed(packet));
  const changed: number[] = [];
  for (let round = 0; round < 5; round++) {
    changeOneNote(bench, meetingId, round);
    changed.push(await timed(packet));
    // The other thread sees the change too, so that the next round measures one changed note.
    await Promise.all([packet(), packet()]);
  }
  return { cold, warm: median(warm), changed: median(changed) };
}

async function healthUnderPackets(bench: BenchApp, meetingId: number) {
  const headers = { authorization: `Bearer ${bench.token('secretariat@example.org')}` };
  let pending = 20;
  const start = performance.now();
  const packets = Array.from({ length: 20 }, () =>
    fetch(`${bench.url}/api/v1/meetings/${meetingId}/packet.pdf`, { headers })
      .then(async (res) => ({ status: res.status, bytes: (await res.arrayBuffer()).byteLength }))
      .finally(() => (pending -= 1)),
  );
  const waits: number[] = [];
  while (pending > 0) {
    const asked = performance.now();
    await (await fetch(`${bench.url}/healthz`)).json();
    waits.push(performance.now() - asked);
  }
  const answers = await Promise.all(packets);
  return {
    p99: p99(waits),
    max: Math.max(...waits),
    checks: waits.length,
    allMs: performance.now() - start,
    failed: answers.filter((a) => a.status !== 200).length,
  };
}

const load = () => `load average ${loadavg()[0]!.toFixed(1)} on this machine`;

export async function renderBenchmark(): Promise<Figure[]> {
  const wordMs = await longWordMs();
  const wordLoad = load();
  const bench = await startBenchApp();
  try {
    const meetingId = thirtyNoteMeeting(bench);
    const packet = await packetFigures(bench, meetingId);
    const packetLoad = load();
    const health = await healthUnderPackets(bench, meetingId);
    const threads = bench.app.renderer.load().threads;
    return [
      {
        name: 'note with one 20,000-letter word',
        value: round(wordMs, 1),
        unit: 'ms',
        target: '< 100',
        met: wordMs < 100,
        note: `median of 5, a new word each time; ${wordLoad}`,
      },
      {
        name: '30-note packet, cold (API, worker)',
        value: round(packet.cold, 0),
        unit: 'ms',
        target: '< 250',
        met: packet.cold < 250,
        note: `first print of the meeting, threads started; warm reprint ${round(packet.warm, 0)} ms; ${packetLoad}`,
      },
      {
        name: '30-note packet, one note changed',
        value: round(packet.changed, 0),
        unit: 'ms',
        target: '< 100',
        met: packet.changed < 100,
        note: `median of 5 (only that note is typeset again); ${packetLoad}`,
      },
      {
        name: '/healthz p99 during 20 packet renders',
        value: round(health.p99, 1),
        unit: 'ms',
        target: '<= 50',
        met: health.p99 <= 50,
        note: `${health.checks} checks, max ${round(health.max, 1)} ms; 20 packets in ${round(health.allMs, 0)} ms on ${threads} threads, ${health.failed} refused; ${load()}`,
      },
    ];
  } finally {
    await bench.close();
  }
}

// `node dist/bench/render.js` runs this benchmark alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  renderBenchmark().then(
    (figures) => console.table(figures),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
