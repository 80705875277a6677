// TEMPORARY stub until the helper's parser lands (not committed).
import type { ConclusionsInput } from '../domain/meeting-record.js';
import type { ExtractedText } from './extracted-text.js';
export interface ReportItemRef { itemId: number; number: string; title: string }
export interface ParsedSummaryReport { opening: ConclusionsInput; items: { itemId: number; conclusions: ConclusionsInput }[]; warnings: string[] }
export function parseSummaryReport(_e: ExtractedText, _i: readonly ReportItemRef[]): ParsedSummaryReport {
  return { opening: { blocks: [] }, items: [], warnings: [] };
}
