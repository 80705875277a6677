import { NoteState } from './note-workflow.js';
/**
 * Drafting deadlines are calendar days (`YYYY-MM-DD`); "today" is the UTC date of the clock,
 * so a deadline of the 2nd holds until the 2nd ends in UTC.
 */
export const calendarDay = (now: Date) => now.toISOString().slice(0, 10);

/** Whole days from `today` to `deadline` (negative once it has passed). */
export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface LatenessFacts {
  deadline: string | null;
  today: string;
  state: string;
  hasRapporteurs: boolean;
}

/** Late: the deadline has passed and the note, which somebody has to write, is still being drafted. */
export function isLate(f: LatenessFacts): boolean {
  return (
    f.deadline !== null && f.hasRapporteurs && f.state === NoteState.drafting && daysUntil(f.today, f.deadline) < 0
  );
}

/** Reminders go out this many days before the deadline (and once when it is missed). */
export const REMINDER_DAYS = 3;
