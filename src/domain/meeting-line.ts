const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Reads a `YYYY-MM-DD` string that isValidIsoDate accepted. */
function readDate(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2021-02-30). */
export function isValidIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const { year, month, day } = readDate(iso);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fullDate(d: CalendarDate): string {
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/**
 * A meeting's dates as the network writes them: `12 November 2020`, `12-13 November 2020`;
 * dates in different months or years are each written out in full, joined by ` - `.
 */
export function formatDateRange(startDate: string, endDate: string): string {
  const start = readDate(startDate);
  const end = readDate(endDate);
  if (startDate === endDate) return fullDate(start);
  if (start.year === end.year && start.month === end.month) {
    return `${start.day}-${fullDate(end)}`;
  }
  return `${fullDate(start)} - ${fullDate(end)}`;
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 111th. */
export function formatOrdinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export interface MeetingLineInput {
  ordinal: number;
  networkName: string;
  startDate: string;
  endDate: string;
  city: string;
  country: string;
}

/** `18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM` */
export function formatMeetingLine(m: MeetingLineInput): string {
  const line = `${formatOrdinal(m.ordinal)} ${m.networkName} ${formatDateRange(m.startDate, m.endDate)}, ${m.city}, ${m.country}`;
  return line.toLocaleUpperCase('en');
}

/** `18th-ehealth-network`: the start of every file name of a meeting (letters and digits only). */
/** The meeting as the summary report names it: `19th eHealth Network meeting`. */
export function meetingName(ordinal: number, networkName: string): string {
  return `${formatOrdinal(ordinal)} ${networkName} meeting`;
}

export function meetingFileStem(ordinal: number, networkName: string): string {
  return (`${formatOrdinal(ordinal)} ${networkName}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('-');
}
