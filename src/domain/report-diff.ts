import type { Footnote } from './note-content.js';
import type { Conclusions } from './meeting-record.js';
import type { ReportActionPoint, ReportAttendance, ReportText } from './summary-report.js';
import { diffText, DiffOp, sectionText, type DiffPart } from './version-diff.js';

/** One item's changes between two versions of a report; an item in only one of them is wholly inserted or deleted. */
export interface ReportItemDiff {
  itemId: number;
  number: string;
  title: string;
  parts: DiffPart[];
}

/** Two versions of a summary report compared part by part, word by word, as notes' versions are. */
export interface ReportDiff {
  opening: DiffPart[];
  items: ReportItemDiff[];
  actionPoints: DiffPart[];
  attendance: DiffPart[];
  identical: boolean;
}

const footnoteLines = (footnotes: readonly Footnote[]) =>
  footnotes.map((f, i) => `[^${i + 1}] ${f.text}${f.sourceUrl ? ` [source: ${f.sourceUrl}]` : ''}`);

/** A part's conclusions as one text: its blocks, then its footnotes, as the note diff writes them. */
const conclusionsText = (c: Conclusions) => [sectionText(c.blocks), ...footnoteLines(c.footnotes)].join('\n\n');

const pointLine = (p: ReportActionPoint) => [p.itemNumber, p.what, p.owner, p.dueDate ?? '–', p.state].join(' | ');

const attendanceLine = (a: ReportAttendance) =>
  [a.delegation ?? '–', a.name, a.state ?? '–', ...(a.representedBy ? [`by ${a.representedBy.name}`] : [])].join(' | ');

/** `before` to `after`: the opening, each item (in `after`'s order, then those gone), the action points and the attendance. */
export function diffReports(before: ReportText, after: ReportText): ReportDiff {
  const beforeItems = new Map(before.items.map((item) => [item.itemId, item]));
  const afterIds = new Set(after.items.map((item) => item.itemId));
  const items: ReportItemDiff[] = [
    ...after.items.map((item) => {
      const old = beforeItems.get(item.itemId);
      return {
        itemId: item.itemId,
        number: item.number,
        title: item.title,
        parts: diffText(old ? conclusionsText(old.conclusions) : '', conclusionsText(item.conclusions)),
      };
    }),
    ...before.items
      .filter((item) => !afterIds.has(item.itemId))
      .map((item) => ({
        itemId: item.itemId,
        number: item.number,
        title: item.title,
        parts: diffText(conclusionsText(item.conclusions), ''),
      })),
  ];
  const lines = <T>(rows: readonly T[], line: (row: T) => string) => rows.map(line).join('\n');
  const diff = {
    opening: diffText(conclusionsText(before.opening), conclusionsText(after.opening)),
    items,
    actionPoints: diffText(
      lines(
        before.items.flatMap((i) => i.actionPoints),
        pointLine,
      ),
      lines(
        after.items.flatMap((i) => i.actionPoints),
        pointLine,
      ),
    ),
    attendance: diffText(lines(before.attendance, attendanceLine), lines(after.attendance, attendanceLine)),
  };
  const all = [diff.opening, ...items.map((i) => i.parts), diff.actionPoints, diff.attendance];
  return { ...diff, identical: all.every((parts) => parts.every((p) => p.op === DiffOp.equal)) };
}
