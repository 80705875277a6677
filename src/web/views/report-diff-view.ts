import { plural } from '../../domain/plural.js';
import type { ReportActionPoint, ReportAttendance, ReportText } from '../../domain/summary-report.js';
import { DiffOp } from '../../domain/version-diff.js';
import { TEXT } from '../../rendering/html/text.js';
import type { MeetingView } from '../../services/presenters.js';
import { compareParagraphs, countParts, footnoteTexts, paragraphTexts, type DiffRow } from './diff-view.js';
import { underReportHeader } from './page-headers.js';
import { RECORD_WORDS } from './record-view.js';

/**
 * Two versions of the summary report side by side, as the note's versions are compared:
 * paragraph against paragraph, word by word. The opening, each item (in the later version's
 * order, then those gone), the action points and the attendance.
 */

type Conclusions = ReportText['opening'];

const conclusionsLines = (c: Conclusions | undefined) =>
  c ? [...paragraphTexts(c.blocks), ...footnoteTexts(c.footnotes).map((f, i) => `Footnote ${i + 1}: ${f}`)] : [];

const pointLine = (p: ReportActionPoint) =>
  `${p.itemNumber}: ${p.what} — ${p.owner}${p.dueDate ? `, due ${p.dueDate}` : ''} (${RECORD_WORDS[p.state] ?? p.state})`;

const attendanceLine = (a: ReportAttendance) =>
  `${a.delegation ?? '—'}: ${a.name} — ${a.state ? RECORD_WORDS[a.state] : 'not recorded'}${
    a.representedBy ? ` by ${a.representedBy.name}` : ''
  }`;

function itemSections(before: ReportText, after: ReportText) {
  const old = new Map(before.items.map((item) => [item.itemId, item]));
  const kept = new Set(after.items.map((item) => item.itemId));
  return [
    ...after.items.map((item) => ({
      number: item.number,
      heading: `${item.number}. ${item.title}`,
      rows: compareParagraphs(conclusionsLines(old.get(item.itemId)?.conclusions), conclusionsLines(item.conclusions)),
    })),
    ...before.items
      .filter((item) => !kept.has(item.itemId))
      .map((item) => ({
        number: item.number,
        heading: `${item.number}. ${item.title}`,
        rows: compareParagraphs(conclusionsLines(item.conclusions), []),
      })),
  ];
}

export function reportDiffView(
  meeting: MeetingView,
  from: { number: number; content: ReportText },
  to: { number: number; content: ReportText },
) {
  const before = from.content;
  const after = to.content;
  const items = itemSections(before, after);
  const isChanged = (rows: DiffRow[]) => rows.some((row) => row.changed);
  const sections = [
    {
      heading: 'Opening and approval of the agenda',
      rows: compareParagraphs(conclusionsLines(before.opening), conclusionsLines(after.opening)),
    },
    // Items the two versions word alike are named once below, not shown whole.
    ...items.filter((item) => isChanged(item.rows)),
    {
      heading: 'Action points',
      rows: compareParagraphs(
        before.items.flatMap((i) => i.actionPoints).map(pointLine),
        after.items.flatMap((i) => i.actionPoints).map(pointLine),
      ),
    },
    {
      heading: 'Attendance',
      rows: compareParagraphs(before.attendance.map(attendanceLine), after.attendance.map(attendanceLine)),
    },
  ].map((section) => ({ ...section, isEmpty: section.rows.length === 0, isSame: !isChanged(section.rows) }));
  const all = sections.flatMap((s) => s.rows);
  const insertions = countParts(all, DiffOp.insert);
  const deletions = countParts(all, DiffOp.delete);
  const title = `${TEXT.summaryReport}: version ${from.number} compared with version ${to.number}`;
  return {
    title,
    header: underReportHeader(meeting, title, 'Compare'),
    meeting,
    from: from.number,
    to: to.number,
    summary: `${plural(insertions, 'insertion', 'insertions')}, ${plural(deletions, 'deletion', 'deletions')}`,
    identical: insertions === 0 && deletions === 0,
    sections,
    unchangedItems: items
      .filter((item) => !isChanged(item.rows))
      .map((item) => item.number)
      .join(', '),
  };
}
