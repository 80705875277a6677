import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';

/**
 * The calendar invitation a packet mail carries for its meeting (RFC 5545), written by
 * ical-generator: text escaping (§3.3.11), quoted parameters and folding at 75 octets (§3.1).
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

/**
 * A parameter value such as CN is quoted and cannot hold a DQUOTE or a line break (RFC 5545
 * §3.1); RFC 6868 writes them `^'` and `^n` (and `^` itself `^^`). ical-generator puts the
 * quotes around the name but escapes a DQUOTE with a backslash, which a parser reads as the
 * end of the value, and doubles a backslash, which RFC 5545 keeps as it is: both are encoded
 * here first, a backslash (no use in a name, no RFC 6868 form) becomes a slash.
 */
function parameterText(value: string): string {
  return (
    value
      .replace(/\^/g, '^^')
      .replace(/"/g, "^'")
      .replace(/\r\n|\r|\n/g, '^n')
      .replace(/\\/g, '/')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** All-day event: DTEND is the day after the last day (exclusive), as the RFC wants. */
function dayAfter(iso: string): Date {
  const day = utcDay(iso);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

export function buildInvite(input: InviteInput): string {
  const calendar = ical({
    prodId: { company: 'agendum', product: 'eHealth Network meetings', language: 'EN' },
    scale: 'GREGORIAN',
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stamp,
    // Dates without a time zone are written from their UTC day: the day stays the day everywhere.
    allDay: true,
    start: utcDay(input.startDate),
    end: dayAfter(input.endDate),
    summary: input.summary,
    location: input.location,
    organizer: { name: parameterText(input.organizer.name), email: input.organizer.email },
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.OPAQUE,
  });
  // Every content line ends with CRLF, the last one too (RFC 5545 §3.4); ical-generator omits the last.
  return `${calendar.toString()}\r\n`;
}
