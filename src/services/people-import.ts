import { AgendumError, Errors } from '../domain/errors.js';
import { ImportOutcome } from '../domain/people-import.js';
import { assertCanChangePerson, assertCanManagePeople, canGiveRole } from '../domain/permissions.js';
import { PersonAction } from '../domain/person-audit.js';
import type { Actor } from '../domain/roles.js';
import type { PersonRow } from '../repositories/people-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { readPeopleCsv, type CsvPerson, type LineError } from './people-csv.js';
import { createPersonAudit } from './person-audit.js';
import { createPersonInsert } from './person-insert.js';

/** What one line does (or did): the person, the fields it changes, the groups they join. */
export interface ImportLine {
  line: number;
  name: string;
  email: string;
  outcome: ImportOutcome;
  changes: string[];
  groupsJoined: string[];
}

export interface ImportReport {
  applied: boolean;
  lines: ImportLine[];
  errors: LineError[];
  groupsCreated: string[];
  counts: Record<ImportOutcome, number>;
}

interface Step {
  row: CsvPerson;
  existing: PersonRow | undefined;
  result: ImportLine;
}

/**
 * The import of people from a CSV file: a dry run says what each line would do and which lines
 * are wrong; the import does it all in one transaction, checked again there, and nothing at all
 * when any line is wrong. People are matched by email (case aside); a match is updated (name,
 * role within the actor's rights, Member State) and joins the groups named, never leaves one.
 */
export function createPeopleImport(ctx: ServiceContext) {
  const { people, groups } = ctx.repos;
  const record = createPersonAudit(ctx);
  const insertPerson = createPersonInsert(ctx, record);

  function changesOf(row: CsvPerson, existing: PersonRow) {
    return (['name', 'role', 'memberState'] as const).filter((f) => row[f] !== existing[f]);
  }

  function planLine(
    actor: Actor,
    row: CsvPerson,
    existing: PersonRow | undefined,
    groupIdsOf: Map<number, Set<string>>,
  ): Step | LineError {
    if (!existing && !canGiveRole(actor, row.role))
      return { line: row.line, field: 'role', message: 'Only an admin gives the admin or secretariat role.' };
    const changes = existing ? changesOf(row, existing) : [];
    if (existing && changes.length > 0) {
      try {
        assertCanChangePerson(actor, existing, { role: row.role });
      } catch (error) {
        if (!(error instanceof AgendumError)) throw error;
        return { line: row.line, field: error.field ?? 'role', message: error.message };
      }
    }
    const inGroups = existing ? (groupIdsOf.get(existing.id) ?? new Set()) : new Set<string>();
    const groupsJoined = row.groups.filter((g) => !inGroups.has(g.toLowerCase()));
    const outcome = !existing
      ? ImportOutcome.new
      : changes.length + groupsJoined.length > 0
        ? ImportOutcome.updated
        : ImportOutcome.unchanged;
    const result = { line: row.line, name: row.name, email: row.email, outcome, changes, groupsJoined };
    return { row, existing, result };
  }

  function plan(actor: Actor, text: string) {
    assertCanManagePeople(actor);
    const read = readPeopleCsv(text);
    // One lookup per line, shared by the plan of the line and the groups it is in.
    const existing = read.people.map((p) => people.findByEmail(p.email));
    const matched = existing.filter((p) => p !== undefined).map((p) => p.id);
    const groupIdsOf = new Map(
      [...groups.groupsOf(matched)].map(([id, gs]) => [id, new Set(gs.map((g) => g.name.toLowerCase()))]),
    );
    const steps: Step[] = [];
    const errors = [...read.errors];
    for (const [index, row] of read.people.entries()) {
      const step = planLine(actor, row, existing[index], groupIdsOf);
      if ('message' in step) errors.push(step);
      else steps.push(step);
    }
    errors.sort((a, b) => a.line - b.line);
    const groupsCreated = new Map<string, string>();
    for (const name of read.people.flatMap((p) => p.groups))
      if (!groups.findByName(name) && !groupsCreated.has(name.toLowerCase()))
        groupsCreated.set(name.toLowerCase(), name);
    return { steps, errors, groupsCreated: [...groupsCreated.values()] };
  }

  function reportOf(planned: ReturnType<typeof plan>, applied: boolean): ImportReport {
    const lines = planned.steps.map((s) => s.result);
    const counts = { new: 0, updated: 0, unchanged: 0 };
    for (const l of lines) counts[l.outcome] += 1;
    return { applied, lines, errors: planned.errors, groupsCreated: planned.groupsCreated, counts };
  }

  function write(actor: Actor, step: Step, groupIdByName: (name: string) => number) {
    const { row, existing, result } = step;
    let personId: number;
    if (!existing) {
      personId = insertPerson(actor, row).id;
    } else {
      personId = existing.id;
      if (result.changes.length > 0) {
        people.update(personId, { name: row.name, role: row.role, memberState: row.memberState });
        if (row.role !== existing.role)
          record(actor, PersonAction.roleChanged, { personId, detail: { from: existing.role, to: row.role } });
      }
    }
    for (const name of result.groupsJoined) {
      const groupId = groupIdByName(name);
      if (groups.addMembers(groupId, [personId]).length > 0)
        record(actor, PersonAction.groupMemberAdded, { groupId, personId });
    }
    if (result.outcome !== ImportOutcome.unchanged)
      record(actor, PersonAction.imported, {
        personId,
        detail: { line: row.line, outcome: result.outcome, fields: result.changes, groups: result.groupsJoined },
      });
  }

  return {
    /** What the file would change, line by line, and its wrong lines; nothing is written. */
    dryRun: (actor: Actor, text: string) => reportOf(plan(actor, text), false),

    /** Imports the whole file in one transaction, or nothing (422, the wrong lines listed). */
    apply(actor: Actor, text: string): ImportReport {
      return ctx.transaction(() => {
        const planned = plan(actor, text);
        if (planned.errors.length > 0)
          throw Errors.invalid(
            `${planned.errors.length} of the file's lines are wrong (first: line ${planned.errors[0]!.line}); nothing was imported.`,
            { lines: planned.errors },
          );
        const created = new Map<string, number>();
        for (const name of planned.groupsCreated) {
          const group = groups.insert({ name, description: null, createdAt: isoNow(ctx) });
          record(actor, PersonAction.groupCreated, { groupId: group.id, detail: { name, imported: true } });
          created.set(name.toLowerCase(), group.id);
        }
        const groupIdByName = (name: string) => created.get(name.toLowerCase()) ?? groups.findByName(name)!.id;
        for (const step of planned.steps) write(actor, step, groupIdByName);
        return reportOf(planned, true);
      });
    },
  };
}
export type PeopleImport = ReturnType<typeof createPeopleImport>;
