import { fileURLToPath } from 'node:url';
import { ITEM_9_2 } from '../src/demo/seed-notes.js';
import { renderCoverNotePdf } from '../src/rendering/pdf/cover-note-pdf.js';
import { renderRedlinePdf } from '../src/rendering/pdf/redline-pdf.js';
import { buildRedlineView } from '../src/rendering/views/redline-view.js';
import { noteView } from '../tests/support/note-views.js';
import { median, round, type Figure } from './figures.js';

/**
 * Issue 17: the redline of the 9.2 revision (one sentence of summary paragraph 3 changed, the
 * footnote's source moved), timed beside the plain PDF of the same revised note in the same
 * run, alternately, so that both see the same machine. The plain note is the peer, not a target.
 */

const ITEM = { number: '9.2', title: ITEM_9_2.title };
const PROCEDURE =
  'For information and to receive Member States reflections on cybersecurity issues in the health sector.';

function revisedContent() {
  const { sections, footnotes } = ITEM_9_2.content;
  const summary = sections.summary.map((block, i) =>
    i === 2
      ? 'The Commission is preparing a legislative framework for cross-border health data sharing, to reflect the EU’s fundamental values – in terms of data protection, fundamental rights, safety and cybersecurity - and address the requirements of a changing health information landscape.'
      : block,
  );
  const moved = footnotes.map((f) => ({
    ...f,
    sourceUrl: 'https://digital-strategy.ec.europa.eu/en/policies/cybersecurity',
  }));
  return { sections: { ...sections, summary }, footnotes: moved };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function redlineBenchmark(): Promise<Figure[]> {
  const before = noteView(ITEM, ITEM_9_2.content, { procedure: PROCEDURE, versionNumber: 1 });
  const after = noteView(ITEM, revisedContent(), { procedure: PROCEDURE, versionNumber: 2 });
  const now = new Date(after.createdAt);
  const plain = () => renderCoverNotePdf(after, { now });
  const words = {
    from: 'revision 1 (2 November 2020)',
    reason: 'Corrected paragraph 3 and footnote 1',
    footer: 'Changes',
  };
  let marked = 0;
  const redline = () => {
    const view = buildRedlineView(before, after, words);
    marked = view.insertions + view.deletions;
    return renderRedlinePdf(view, { now });
  };
  // Fonts parsed and code warm before anything is timed.
  for (let i = 0; i < 3; i++) await Promise.all([plain(), redline()]);
  const [plainTimes, redlineTimes]: [number[], number[]] = [[], []];
  for (let i = 0; i < 15; i++) {
    plainTimes.push(await timed(plain));
    redlineTimes.push(await timed(redline));
  }
  const [plainMs, redlineMs] = [median(plainTimes), median(redlineTimes)];
  return [
    {
      name: 'plain PDF of the revised 9.2 note (peer)',
      value: round(plainMs, 1),
      unit: 'ms',
      note: 'median of 15, in this thread, alternating with the redline',
    },
    {
      name: 'redline PDF of the 9.2 revision',
      value: round(redlineMs, 1),
      unit: 'ms',
      target: 'beside its peer, the plain PDF',
      note: `median of 15; ${round(redlineMs / plainMs, 2)}× the plain PDF of the same note; ${marked} changes marked (diff and layout included)`,
    },
  ];
}

// `node dist/bench/redline.js` runs this benchmark alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  redlineBenchmark().then(
    (figures) => console.table(figures),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
