import { parse } from 'csv-parse/sync';
import { Value } from 'typebox/value';
import { IMPORT_COLUMNS, splitGroups } from '../domain/people-import.js';
import type { Role } from '../domain/roles.js';
import { GroupName } from '../schemas/groups.js';
import { listFieldErrors, type ValidationIssue } from '../schemas/field-errors.js';
import { NewPersonBody } from '../schemas/people.js';

/** One person of a people file, read and checked by the rules of a new person. */
export interface CsvPerson {
  line: number;
  name: string;
  email: string;
  role: Role;
  memberState: string | null;
  groups: string[];
}

/** Something wrong with one line (header = line 1), and the column it is about (`file`: the file as a whole). */
export interface LineError {
  line: number;
  field: string;
  message: string;
}

/** More than a network's people; a larger file is someone's mistake. */
const MAX_LINES = 5000;
const REQUIRED = ['name', 'email', 'role'];
const MEMBER_STATE_RULE = 'must be two capital letters (ISO 3166-1 alpha-2), such as BE, or empty';

/** The field names of the API (memberState) for the file's columns (member_state). */
const FIELD_OF: Record<string, string> = { memberState: 'member_state' };

interface Parsed {
  header: string[];
  headerLine: number;
  records: { cells: string[]; line: number }[];
}

function parseCsv(text: string): Parsed | LineError {
  // One line break for all: csv-parse counts CRLF files' lines twice otherwise.
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(normal, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { line, field: 'file', message: `The file cannot be read as CSV here: ${(error as Error).message}.` };
  }
  // A record ends on info.lines; the line breaks inside its quoted cells say where it began.
  const records = rows.map(({ record, info }) => ({
    cells: record,
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
  }));
  const [first, ...rest] = records;
  if (!first)
    return {
      line: 1,
      field: 'file',
      message: `The file is empty; its first line names the columns: ${IMPORT_COLUMNS.join(',')}.`,
    };
  return { header: first.cells.map((c) => c.toLowerCase()), headerLine: first.line, records: rest };
}

function checkHeader(header: string[], headerLine: number): LineError[] {
  const unknown = header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const twice = header.filter((c, i) => header.indexOf(c) !== i);
  const problems = [
    ...(unknown.length ? [`unknown column ${unknown.join(', ')}`] : []),
    ...(missing.length ? [`no column ${missing.join(', ')}`] : []),
    ...(twice.length ? [`column ${twice.join(', ')} twice`] : []),
  ];
  if (problems.length === 0) return [];
  const columns = IMPORT_COLUMNS.join(',');
  return [
    {
      line: headerLine,
      field: 'file',
      message: `The first line names the columns (${columns}): ${problems.join('; ')}.`,
    },
  ];
}

const isGroupName = (name: string): boolean => Value.Check(GroupName, name);

/** A line's cells as a new person's body, checked with the API's schema; messages by column. */
function checkRecord(cells: Record<string, string>, line: number): CsvPerson | LineError[] {
  const body: Record<string, unknown> = { memberState: cells.member_state ? cells.member_state : null };
  for (const key of REQUIRED) if (cells[key]) body[key] = cells[key];
  const errors: LineError[] = [];
  if (!Value.Check(NewPersonBody, body)) {
    const issues = [...Value.Errors(NewPersonBody, body)] as unknown as ValidationIssue[];
    for (const { path, message } of listFieldErrors(issues, 'body')) {
      const name = path.split('.')[1] ?? 'file';
      const field = FIELD_OF[name] ?? name;
      if (errors.some((e) => e.field === field)) continue;
      errors.push({ line, field, message: field === 'member_state' ? MEMBER_STATE_RULE : message });
    }
  }
  const groups = splitGroups(cells.groups ?? '');
  const badGroup = groups.find((g) => !isGroupName(g));
  if (badGroup !== undefined)
    errors.push({
      line,
      field: 'groups',
      message: `${badGroup.slice(0, 40)} is not a group name: one line, at most 200 characters.`,
    });
  if (errors.length > 0) return errors;
  const person = body as { name: string; email: string; role: Role; memberState: string | null };
  return { line, ...person, groups };
}

/**
 * Reads a people file (a header row, then one person a line; a BOM and either line break
 * accepted) and checks every line as a new person is checked, plus an email given twice in the
 * file. Line numbers are the file's own, the header line 1. Who may give which role, and what
 * each line would change, is the import's to decide.
 */
export function readPeopleCsv(text: string): { people: CsvPerson[]; errors: LineError[] } {
  const parsed = parseCsv(text);
  if ('message' in parsed) return { people: [], errors: [parsed] };
  const errors = checkHeader(parsed.header, parsed.headerLine);
  if (errors.length > 0) return { people: [], errors };
  if (parsed.records.length > MAX_LINES)
    return {
      people: [],
      errors: [{ line: 1, field: 'file', message: `The file holds more than ${MAX_LINES} people.` }],
    };
  const people: CsvPerson[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of parsed.records) {
    if (cells.length !== parsed.header.length) {
      errors.push({
        line,
        field: 'file',
        message: `The line has ${cells.length} cells; the first line names ${parsed.header.length}.`,
      });
      continue;
    }
    const checked = checkRecord(Object.fromEntries(parsed.header.map((c, i) => [c, cells[i]!])), line);
    if (Array.isArray(checked)) {
      errors.push(...checked);
      continue;
    }
    const key = checked.email.toLowerCase();
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      errors.push({ line, field: 'email', message: `${checked.email} is already on line ${earlier}.` });
      continue;
    }
    firstLineOf.set(key, line);
    people.push(checked);
  }
  return { people, errors };
}
