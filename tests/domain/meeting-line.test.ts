import t from 'tap';
import {
  formatDateRange,
  formatMeetingLine,
  formatOrdinal,
  isValidIsoDate,
  meetingFileStem,
} from '../../src/domain/meeting-line.js';

const eighteenth = { ordinal: 18, networkName: 'eHealth Network', city: 'Brussels', country: 'Belgium' };

t.test('a two-day meeting in one month reads as on the seed notes', async (t) => {
  t.equal(
    formatMeetingLine({ ...eighteenth, startDate: '2020-11-12', endDate: '2020-11-13' }),
    '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
  );
});

t.test('a one-day meeting shows one date', async (t) => {
  t.equal(
    formatMeetingLine({ ...eighteenth, startDate: '2020-11-12', endDate: '2020-11-12' }),
    '18TH EHEALTH NETWORK 12 NOVEMBER 2020, BRUSSELS, BELGIUM',
  );
});

t.test('a meeting across months writes both dates in full', async (t) => {
  t.equal(formatDateRange('2021-06-30', '2021-07-01'), '30 June 2021 - 1 July 2021');
  t.equal(
    formatMeetingLine({ ...eighteenth, ordinal: 21, startDate: '2021-06-30', endDate: '2021-07-01' }),
    '21ST EHEALTH NETWORK 30 JUNE 2021 - 1 JULY 2021, BRUSSELS, BELGIUM',
  );
});

t.test('a meeting across years writes both dates in full', async (t) => {
  t.equal(formatDateRange('2021-12-31', '2022-01-01'), '31 December 2021 - 1 January 2022');
});

t.test('ordinals take the English suffixes, teens included', async (t) => {
  t.same([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(formatOrdinal), [
    '1st',
    '2nd',
    '3rd',
    '4th',
    '11th',
    '12th',
    '13th',
    '21st',
    '22nd',
    '23rd',
    '101st',
    '111th',
    '112th',
  ]);
});

t.test('city and country in other alphabets are capitalised too', async (t) => {
  t.equal(
    formatMeetingLine({
      ...eighteenth,
      startDate: '2020-11-12',
      endDate: '2020-11-12',
      city: 'Αθήνα',
      country: 'Ελλάδα',
    }),
    '18TH EHEALTH NETWORK 12 NOVEMBER 2020, ΑΘΉΝΑ, ΕΛΛΆΔΑ',
  );
});

t.test('only real calendar dates are accepted', async (t) => {
  t.ok(isValidIsoDate('2024-02-29'));
  t.notOk(isValidIsoDate('2021-02-29'));
  t.notOk(isValidIsoDate('2021-13-01'));
  t.notOk(isValidIsoDate('12/11/2020'));
});

t.test('a meeting file stem keeps letters and digits of any script, lower case, joined by hyphens', async (t) => {
  t.equal(meetingFileStem(18, 'eHealth Network'), '18th-ehealth-network');
  t.equal(meetingFileStem(2, 'Réseau « santé » / Ελληνικά'), '2nd-réseau-santé-ελληνικά');
  t.equal(meetingFileStem(1, '../etc/passwd'), '1st-etc-passwd');
});
