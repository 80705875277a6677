import { IngestWarningCode, type IngestWarning } from './ingest-warnings.js';
import type { ParsedCoverNote } from './parse-cover-note.js';
import { foldSpaces } from '../domain/note-blocks.js';

export interface ExpectedPlace {
  headerLines: string[];
  meetingLine: string;
  itemNumber: string;
  itemTitle: string;
}

const comparable = (s: string) => foldSpaces(s).toLowerCase();

/**
 * The header, meeting line and item line of a draft are optional, but when present they must
 * be this meeting's and this item's: a draft of another meeting or item is a warning, not silence.
 */
export function checkAgainstMeeting(parsed: ParsedCoverNote, expected: ExpectedPlace): IngestWarning[] {
  const warnings: IngestWarning[] = [];
  const wantedHeader = expected.headerLines.filter((l) => l.trim() !== '').map(comparable);
  const gotHeader = parsed.headerLines.map(comparable);
  if (gotHeader.length > 0 && gotHeader.join('|') !== wantedHeader.join('|')) {
    warnings.push({
      code: IngestWarningCode.headerMismatch,
      message: `The header lines differ from this network's (${expected.headerLines.filter(Boolean).join(' / ')}); the standard ones will be printed.`,
    });
  }
  if (parsed.meetingLine && comparable(parsed.meetingLine) !== comparable(expected.meetingLine)) {
    warnings.push({
      code: IngestWarningCode.meetingMismatch,
      message: `The draft is for "${parsed.meetingLine}", but this item belongs to "${expected.meetingLine}".`,
    });
  }
  if (parsed.item && parsed.item.number !== expected.itemNumber) {
    warnings.push({
      code: IngestWarningCode.itemMismatch,
      message: `The draft is numbered ${parsed.item.number}, but this is item ${expected.itemNumber} (${expected.itemTitle}).`,
    });
  }
  return warnings;
}
