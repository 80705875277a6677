import { IMPORT_COLUMNS } from '../../domain/people-import.js';
import { ROLES } from '../../domain/roles.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { ImportReport } from '../../services/people-import.js';
import type { HeaderParts } from '../page-kit.js';
import type { SummaryLine } from './form-view.js';

const PEOPLE = { label: 'People', href: '/people' };
const TEXT_BOX = '#import-csv';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The import page: the file to send, or after a dry run what each line would do. The text
 * checked goes back in the page twice: in the box, to mend and check again, and in the
 * confirmation's hidden field, so that what is imported is exactly what was checked.
 */
export function peopleImportView(options: { csv?: string; report?: ImportReport; fileError?: string | null }) {
  const { csv = '', report, fileError = null } = options;
  const errors: SummaryLine[] = [
    ...(fileError ? [{ text: `File: ${fileError}`, href: '#import-file' }] : []),
    ...(report?.errors ?? []).map((e) => ({
      text: `Line ${e.line}${e.field === 'file' ? '' : `, ${e.field}`}: ${e.message}`,
      href: TEXT_BOX,
    })),
  ];
  const toDo = report ? report.counts.new + report.counts.updated : 0;
  return {
    columns: IMPORT_COLUMNS.join(','),
    roles: [...ROLES],
    csv,
    fileError,
    report: report
      ? {
          counts: [
            plural(report.counts.new, 'new person', 'new people'),
            plural(report.counts.updated, 'person updated', 'people updated'),
            plural(report.counts.unchanged, 'person unchanged', 'people unchanged'),
          ].join(', '),
          errorCount: report.errors.length,
          errors: report.errors,
          groupsCreated: report.groupsCreated.join(', '),
          lines: report.lines.map((l) => ({
            ...l,
            outcome: termOf('importOutcome', l.outcome).label,
            changes: l.changes.join(', '),
            groupsJoined: l.groupsJoined.join(', '),
          })),
          canApply: report.errors.length === 0 && toDo > 0,
          toDo: plural(toDo, 'person', 'people'),
        }
      : null,
    errorSummary: errors,
    header: { breadcrumbs: [PEOPLE] } satisfies HeaderParts,
  };
}
