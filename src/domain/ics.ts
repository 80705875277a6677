/**
 * An RFC 5545 calendar invitation for a meeting, written by hand: a dozen lines, with the RFC's
 * text escaping (§3.3.11) and line folding at 75 octets (§3.1), which the tests pin down.
 */
export interface InviteInput {
  uid: string;
  sequence: number;
  /** YYYY-MM-DD, inclusive. */
  startDate: string;
  endDate: string;
  summary: string;
  location: string;
  organizer: { name: string; email: string };
  stamp: Date;
  method: 'REQUEST' | 'CANCEL';
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line into 75-octet pieces (continuations start with a space), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');
const stampOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** All-day event: DTEND is the day after the last day (exclusive), as the RFC wants. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function buildInvite(input: InviteInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//agendum//eHealth Network meetings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${stampOf(input.stamp)}`,
    `DTSTART;VALUE=DATE:${compactDate(input.startDate)}`,
    `DTEND;VALUE=DATE:${compactDate(dayAfter(input.endDate))}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `LOCATION:${escapeText(input.location)}`,
    `ORGANIZER;CN=${escapeText(input.organizer.name).replace(/"/g, '')}:mailto:${input.organizer.email}`,
    `STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
