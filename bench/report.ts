import { fileURLToPath } from 'node:url';
import { ITEM_9_1, ITEM_9_2 } from '../src/demo/seed-notes.js';
import { renderSummaryReportPdf } from '../src/rendering/pdf/summary-report-pdf.js';
import type { BlockView, FootnoteView } from '../src/rendering/views/note-view.js';
import {
  reportItemHeading,
  type ActionPointView,
  type SummaryReportItemView,
  type SummaryReportView,
} from '../src/rendering/views/summary-report-view.js';
import { report18, REPORT_CREATED_AT } from '../tests/support/report-views.js';
import { median, round, type Figure } from './figures.js';

/**
 * Issue 18: the summary report of a 30-item meeting (10 headings of 2 sub-items each; every
 * sub-item concludes in the seed notes' summary paragraphs, one in four with a footnote, and
 * decides one action point), with the 27-delegation attendance annex of the 18th meeting.
 */

const TARGET_MS = 500;
const paragraphs = [...ITEM_9_1.content.sections.summary, ...ITEM_9_2.content.sections.summary].filter(
  (p): p is string => typeof p === 'string',
);

function thirtyItemReport(): SummaryReportView {
  const base = report18();
  const items: SummaryReportItemView[] = [];
  const footnotes: FootnoteView[] = [];
  const actions: ActionPointView[] = [];
  for (let h = 1; h <= 10; h++) {
    const title = `Topic ${h} of the meeting`;
    items.push({
      number: String(h),
      title,
      depth: 1,
      procedure: null,
      heading: reportItemHeading(String(h), title, null),
      outcome: null,
      conclusions: [],
      actionPoints: [],
    });
    for (let s = 1; s <= 2; s++) {
      const number = `${h}.${s}`;
      const conclusions: BlockView[] = paragraphs.slice(0, 4 + (h % 3)).map((text) => ({
        kind: 'paragraph',
        runs: [{ kind: 'text', text }],
      }));
      if ((h + s) % 4 === 0) {
        footnotes.push({
          number: footnotes.length + 1,
          text: `Source of item ${number}.`,
          sourceUrl: `https://example.org/${number}`,
        });
        conclusions.push({
          kind: 'paragraph',
          runs: [
            { kind: 'text', text: 'See the source' },
            { kind: 'footnote', number: footnotes.length },
            { kind: 'text', text: '.' },
          ],
        });
      }
      const action: ActionPointView = {
        itemNumber: number,
        what: `Follow up item ${number} with the Network`,
        owner: 'Commission (DG SANTE)',
        dueDate: '31 January 2021',
        state: 'open',
      };
      actions.push(action);
      const title = s === 1 ? ITEM_9_1.title : ITEM_9_2.title;
      items.push({
        number,
        title,
        depth: 2,
        procedure: 'for information',
        heading: reportItemHeading(number, title, 'for information'),
        outcome: 'Outcome: noted.',
        conclusions,
        actionPoints: [action],
      });
    }
  }
  return { ...base, items, footnotes, actionPoints: { ...base.actionPoints, rows: actions } };
}

export async function reportBenchmark(): Promise<Figure[]> {
  const view = thirtyItemReport();
  const now = new Date(REPORT_CREATED_AT);
  let pages = 0;
  const render = async () => {
    const bytes = await renderSummaryReportPdf(view, { now });
    pages = bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  };
  // Fonts parsed and code warm before anything is timed.
  for (let i = 0; i < 3; i++) await render();
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    const start = performance.now();
    await render();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  return [
    {
      name: 'summary report PDF of a 30-item meeting',
      value: round(ms, 1),
      unit: 'ms',
      target: `< ${TARGET_MS} ms (a floor, not a goal)`,
      met: ms < TARGET_MS,
      note: `median of 11, warm; ${pages} pages, ${view.footnotes.length} footnotes, ${view.actionPoints.rows.length} action points, 27 delegations`,
    },
  ];
}

// `node dist/bench/report.js` runs this benchmark alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  reportBenchmark().then(
    (figures) => console.table(figures),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
