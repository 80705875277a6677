import { Errors } from './errors.js';
import { named } from './words.js';

/** How the meeting handles an item. Stored as the code, or as free text starting with the label. */
export const PROCEDURE_KINDS = ['for-information', 'for-discussion', 'for-adoption'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const ProcedureKind = named(PROCEDURE_KINDS);

/** The label of each kind, as printed and as free text starts. */
export const PROCEDURES: Readonly<Record<ProcedureKind, string>> = {
  'for-information': 'For information',
  'for-discussion': 'For discussion',
  'for-adoption': 'For adoption',
};

/** The kind of a stored procedure (`for-information` or `For information and to ...`), or null. */
export function procedureKind(procedure: string): ProcedureKind | null {
  if (procedure in PROCEDURES) return procedure as ProcedureKind;
  const lower = procedure.trim().toLowerCase();
  for (const kind of PROCEDURE_KINDS) {
    const label = PROCEDURES[kind].toLowerCase();
    if (lower === label || lower.startsWith(`${label}.`) || lower.startsWith(`${label} `)) return kind;
  }
  return null;
}

/** The sentence shown to readers: `For information.` or the free text as written. */
export function procedureLabel(procedure: string): string {
  return procedure in PROCEDURES ? `${PROCEDURES[procedure as ProcedureKind]}.` : procedure.trim();
}

/** Validates a procedure a user sets; returns the value to store. */
export function normaliseProcedure(input: string): string {
  const value = input.trim().replace(/\s+/g, ' ');
  if (procedureKind(value) === null) {
    throw Errors.invalid(
      `A procedure is one of ${PROCEDURE_KINDS.join(', ')}, or a sentence starting with "For information", "For discussion" or "For adoption".`,
    );
  }
  return value;
}
