import t from 'tap';
import { buildInvite, escapeText, foldLine } from '../../src/domain/ics.js';

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

t.test('an all-day meeting invitation with stable UID and SEQUENCE', async (t) => {
  const ics = buildInvite(base);
  t.match(ics, /^BEGIN:VCALENDAR\r\n/);
  t.match(ics, /\r\nMETHOD:REQUEST\r\n/);
  t.match(ics, /\r\nUID:meeting-1@agendum\r\n/);
  t.match(ics, /\r\nSEQUENCE:0\r\n/);
  t.match(ics, /\r\nDTSTART;VALUE=DATE:20201112\r\n/);
  t.match(ics, /\r\nDTEND;VALUE=DATE:20201114\r\n/, 'DTEND is exclusive: the day after the last day');
  t.match(ics, /\r\nDTSTAMP:20201101T090000Z\r\n/);
  t.match(ics, /\r\nLOCATION:Brussels\\, Belgium\r\n/, 'commas escaped');
  t.ok(ics.endsWith('END:VCALENDAR\r\n'));
  t.notOk(/[^\r]\n/.test(ics), 'every line ends with CRLF');
});

t.test('text escaping follows RFC 5545 3.3.11', async (t) => {
  t.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
});

t.test('long lines fold at 75 octets without splitting a character', async (t) => {
  const line = `SUMMARY:${'Συνεδρίαση του δικτύου '.repeat(6)}`;
  const folded = foldLine(line);
  for (const piece of folded.split('\r\n'))
    t.ok(Buffer.byteLength(piece) <= 75, `piece of ${Buffer.byteLength(piece)} octets`);
  t.equal(
    folded
      .split('\r\n')
      .map((p, i) => (i === 0 ? p : p.slice(1)))
      .join(''),
    line,
    'unfolding gives the line back',
  );
  t.equal(foldLine('SHORT:x'), 'SHORT:x');
});
