import type { RowLine } from './extracted-text.js';
import type { PageMarks, Rule } from './pdf-page-marks.js';
import { joinWrapped, lineGroups, type BodyLine, type Line, type TextGroup } from './pdf-lines.js';

/** Group starts this close (points) are one column. */
const SAME_COLUMN = 3;
/** Rows of a table lie at most this many line heights apart (cell padding, a rule between). */
const ROW_REACH = 2.6;

interface Placed {
  line: Line;
  groups: TextGroup[];
}

/**
 * What `readTable` found at a line: null for no table; else the lines it took, and its rows, or
 * null rows for lines kept as paragraphs: `unclear` when they lined up in part (a warning says
 * so), else text with wide gaps that line up nowhere (skipped whole, so no line is read twice).
 */
export type TableRead = { consumed: number; rows: Omit<RowLine, 'table'>[] | null; unclear?: boolean } | null;

/** Lines from `start` that may be rows: two groups or more, or one group under a later column (a wrapped cell). */
function collectRun(body: (BodyLine | null)[], start: number, isMarker: (entry: BodyLine) => boolean) {
  const run: Placed[] = [];
  let end = start;
  for (let i = start; i < body.length; i += 1) {
    const entry = body[i];
    if (entry === null) continue;
    if (isMarker(entry!)) break;
    const groups = lineGroups(entry!.line);
    const previous = run.at(-1);
    if (previous && previous.line.y - entry!.line.y > previous.line.height * ROW_REACH) break;
    const isWrappedCell = groups.length === 1 && run.length > 0 && groups[0]!.x > run[0]!.groups[0]!.x + SAME_COLUMN;
    if (groups.length < 2 && !isWrappedCell) break;
    run.push({ line: entry!.line, groups });
    end = i + 1;
  }
  return { run, consumed: end - start };
}

/** Column starts: group starts shared (within SAME_COLUMN) by two lines or more, left to right. */
function columnsOf(run: Placed[]): number[] {
  const starts = run.flatMap((p, line) => p.groups.map((g) => ({ x: g.x, line }))).sort((a, b) => a.x - b.x);
  const columns: number[] = [];
  let cluster: typeof starts = [];
  const close = () => {
    if (new Set(cluster.map((s) => s.line)).size >= 2) columns.push(cluster[0]!.x);
    cluster = [];
  };
  for (const start of starts) {
    if (cluster.length > 0 && start.x - cluster.at(-1)!.x > SAME_COLUMN) close();
    cluster.push(start);
  }
  close();
  return columns;
}

const columnOf = (columns: number[], x: number) => columns.findIndex((c) => Math.abs(c - x) <= SAME_COLUMN);

/** A rule across most of the table between two lines (above the lower line's type, below the upper's baseline). */
function ruleBetween(rules: Rule[], upper: Line, lower: Line, span: [number, number]): boolean {
  const width = span[1] - span[0];
  return rules.some(
    (r) =>
      r.y < upper.y - upper.height * 0.2 &&
      r.y > lower.y + lower.height * 0.5 &&
      Math.min(r.x1, span[1]) - Math.max(r.x0, span[0]) >= width * 0.5,
  );
}

const isBold = (group: TextGroup, marks: PageMarks | undefined) =>
  marks !== undefined && group.items.every((item) => marks.boldFonts.has(item.fontName));

/**
 * A table at `start`, read by column alignment: consecutive lines whose groups start at the same
 * places. Rows start at a group in the first column, or, in a table ruled between its rows, at
 * each rule (so a wrapped first cell stays in its row). A first row in bold (the rest not), or
 * ruled off alone, is the header. Lines that line up only in part give null rows.
 */
export function readTable(
  body: (BodyLine | null)[],
  start: number,
  options: { isMarker: (entry: BodyLine) => boolean; marks?: PageMarks },
): TableRead {
  const { run, consumed } = collectRun(body, start, options.isMarker);
  if (run.filter((p) => p.groups.length >= 2).length < 2) return null;
  const columns = columnsOf(run);
  if (columns.length < 2) return { consumed, rows: null };
  const fits = run.every((p) =>
    p.groups.every(
      (g) => columnOf(columns, g.x) >= 0 && !columns.some((c) => c > g.x + SAME_COLUMN && c < g.end - SAME_COLUMN),
    ),
  );
  if (!fits || columnOf(columns, run[0]!.groups[0]!.x) !== 0) return { consumed, rows: null, unclear: true };

  const span: [number, number] = [columns[0]!, Math.max(...run.flatMap((p) => p.groups.map((g) => g.end)))];
  const rules = options.marks?.rules ?? [];
  const ruledAfter = run.map((p, i) => i > 0 && ruleBetween(rules, run[i - 1]!.line, p.line, span));
  // Ruled between its rows (not only under the header): a row starts at a rule, so a first cell
  // that wraps stays in its row; else at each line with text in the first column.
  const firstColumnLines = run.filter((p, i) => i > 0 && columnOf(columns, p.groups[0]!.x) === 0).length;
  const ruledLines = ruledAfter.filter(Boolean).length;
  const ruledRows = ruledLines >= 2 && ruledLines * 2 >= firstColumnLines;

  const rows: { cells: string[]; groups: TextGroup[]; ruledAbove: boolean }[] = [];
  run.forEach((p, i) => {
    const startsRow = i === 0 || (ruledRows ? ruledAfter[i] : columnOf(columns, p.groups[0]!.x) === 0);
    if (startsRow) rows.push({ cells: columns.map(() => ''), groups: [], ruledAbove: ruledAfter[i]! });
    const row = rows.at(-1)!;
    for (const group of p.groups) {
      const column = columnOf(columns, group.x);
      row.cells[column] = joinWrapped(row.cells[column]!, group.text);
      row.groups.push(group);
    }
  });
  const bold = rows.map((row) => row.groups.every((g) => isBold(g, options.marks)));
  const boldHeader = bold[0]! && bold.slice(1).some((b) => !b);
  const ruledHeader = !ruledRows && rows.length > 2 && rows[1]!.ruledAbove && !rows.slice(2).some((r) => r.ruledAbove);
  const hasHeader = boldHeader || ruledHeader;
  return {
    consumed,
    rows: rows.map((row, i) => ({ cells: row.cells, header: hasHeader && i === 0 })),
  };
}
