import t from 'tap';
import { buildInvite } from '../../src/mail/calendar.js';

const base = {
  uid: 'meeting-1@agendum',
  sequence: 0,
  startDate: '2020-11-12',
  endDate: '2020-11-13',
  summary: '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
  location: 'Brussels, Belgium',
  organizer: { name: 'eHealth Network', email: 'secretariat@example.org' },
  stamp: new Date('2020-11-01T09:00:00Z'),
  method: 'REQUEST' as const,
};

const linesOf = (ics: string) => ics.split('\r\n');

t.test('an all-day meeting invitation, line by line, every line ended by CRLF', async (t) => {
  t.equal(
    buildInvite(base),
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//agendum//eHealth Network meetings//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:meeting-1@agendum',
      'SEQUENCE:0',
      'DTSTAMP:20201101T090000Z',
      'DTSTART;VALUE=DATE:20201112',
      // Exclusive: the day after the last day.
      'DTEND;VALUE=DATE:20201114',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
      'SUMMARY:18TH EHEALTH NETWORK 12-13 NOVEMBER 2020\\, BRUSSELS\\, BELGIUM',
      'TRANSP:OPAQUE',
      'LOCATION:Brussels\\, Belgium',
      'ORGANIZER;CN="eHealth Network":mailto:secretariat@example.org',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
});

t.test('a cancelled meeting: METHOD:CANCEL, STATUS:CANCELLED, the sequence raised', async (t) => {
  const lines = linesOf(buildInvite({ ...base, method: 'CANCEL', sequence: 3 }));
  t.ok(lines.includes('METHOD:CANCEL'));
  t.ok(lines.includes('STATUS:CANCELLED'));
  t.ok(lines.includes('SEQUENCE:3'));
});

t.test('text values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)', async (t) => {
  const lines = linesOf(buildInvite({ ...base, summary: 'a,b;c\\d\ne', location: 'Room 1; floor 2' }));
  t.ok(lines.includes('SUMMARY:a\\,b\\;c\\\\d\\ne'));
  t.ok(lines.includes('LOCATION:Room 1\\; floor 2'));
});

t.test('an organizer name with a comma, a semicolon and quotes is one quoted CN parameter', async (t) => {
  const lines = linesOf(
    buildInvite({ ...base, organizer: { name: 'Health, "Care"; Network', email: 'secretariat@example.org' } }),
  );
  // Inside quotes ',' and ';' need nothing; a DQUOTE cannot appear at all and is written ^' (RFC 6868).
  t.ok(lines.includes(`ORGANIZER;CN="Health, ^'Care^'; Network":mailto:secretariat@example.org`));
});

t.test('an organizer name with a caret, a backslash and a line break stays one parameter value', async (t) => {
  const lines = linesOf(buildInvite({ ...base, organizer: { name: 'A^B\\C\nD', email: 'x@example.org' } }));
  t.ok(lines.includes('ORGANIZER;CN="A^^B/C^nD":mailto:x@example.org'));
});

t.test('a long line is folded at 75 octets, never inside a character', async (t) => {
  const summary = 'Συνεδρίαση του δικτύου '.repeat(5).trim();
  const lines = linesOf(buildInvite({ ...base, summary }));
  const start = lines.findIndex((line) => line.startsWith('SUMMARY:'));
  t.same(lines.slice(start, start + 4), [
    'SUMMARY:Συνεδρίαση του δικτύου Συνεδρίαση τ',
    ' ου δικτύου Συνεδρίαση του δικτύου Συνεδ',
    ' ρίαση του δικτύου Συνεδρίαση του δικτύο',
    ' υ',
  ]);
  // Greek letters take two octets: a piece ends at 74 octets rather than split one.
  t.same(
    lines.slice(start, start + 4).map((line) => Buffer.byteLength(line)),
    [74, 74, 74, 3],
  );
  t.equal(lines[start + 4], 'TRANSP:OPAQUE');
});

t.test('an ASCII line is folded into pieces of at most 75 octets, the space that continues one included', async (t) => {
  const lines = linesOf(buildInvite({ ...base, location: 'x'.repeat(200) }));
  const start = lines.findIndex((line) => line.startsWith('LOCATION:'));
  t.same(lines.slice(start, start + 3), [`LOCATION:${'x'.repeat(65)}`, ` ${'x'.repeat(74)}`, ` ${'x'.repeat(61)}`]);
  t.same(
    lines.slice(start, start + 3).map((line) => line.length),
    [74, 75, 62],
  );
});
