import { named } from './words.js';

/**
 * What an import does to the person of one line of the file: adds them (`new`), changes
 * their name, role, Member State or groups (`updated`), or finds them as the file says
 * (`unchanged`). The dry run and the import itself report the same words.
 */
export const IMPORT_OUTCOMES = ['new', 'updated', 'unchanged'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const ImportOutcome = named(IMPORT_OUTCOMES);

/** The columns of a people file, in the order a template shows them; the header row names them. */
export const IMPORT_COLUMNS = ['name', 'email', 'role', 'member_state', 'groups'] as const;

/** Groups in one cell are separated by semicolons (a comma would end the cell). */
export const GROUP_SEPARATOR = ';';

/** The group names of a cell: trimmed, empty ones dropped, each once (case-insensitively). */
export function splitGroups(cell: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of cell.split(GROUP_SEPARATOR)) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}
